/**
 * CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/) as zod schemas; the types are inferred from them.
 *
 * Objects the specification closes are strict: a misspelt member is an error, not a silently
 * dropped field. Openness lives where the specification puts it: every object may carry an
 * `extension` object (§Extensions), hook `context` is defined per hook (known hooks are checked,
 * others pass through), and FHIR resources (prefetch values, action resources, draft orders) are
 * only checked for `resourceType`: their content is FHIR's business, not this module's.
 */
import { z } from 'zod';

/** §Extensions: members named by the extension's author, e.g. `com.example.timestamp`. */
export const Extension = z.record(z.string(), z.unknown());
export type Extension = z.infer<typeof Extension>;
const extension = { extension: Extension.optional() };

/** Any FHIR resource; only `resourceType` is checked. */
export const Resource = z.looseObject({ resourceType: z.string().min(1) });
export type Resource = z.infer<typeof Resource>;

/** FHIR Bundle types (R4). */
export const BUNDLE_TYPES = [
  'document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response',
  'history', 'searchset', 'collection',
] as const;

/**
 * A FHIR Bundle, as hooks carry them (`draftOrders`). FHIR R4 makes `type` 1..1, but the CDS
 * Hooks order-select and order-sign pages' own examples omit it; the entries are what a service
 * reads, so a Bundle without `type` is accepted rather than turning such a client away.
 */
export const Bundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.enum(BUNDLE_TYPES).optional(),
  entry: z.array(z.looseObject({ fullUrl: z.string().optional(), resource: Resource.optional() })).optional(),
});
export type Bundle = z.infer<typeof Bundle>;

/** §Coding: `code` and `system` are required; `display` is required only for override reasons. */
export const Coding = z.strictObject({
  code: z.string().min(1),
  system: z.string().min(1),
  display: z.string().optional(),
});
export type Coding = z.infer<typeof Coding>;

export const OverrideReason = Coding.extend({ display: z.string().min(1) });
export type OverrideReason = z.infer<typeof OverrideReason>;

// ---------------------------------------------------------------------------------------------
// Discovery (§Discovery)

/** Prefetch templates: key → FHIR query with `{{context.*}}` tokens. */
export const PrefetchTemplates = z.record(z.string(), z.string());
export type PrefetchTemplates = z.infer<typeof PrefetchTemplates>;

export const Service = z.strictObject({
  hook: z.string().min(1),
  title: z.string().optional(),
  description: z.string(),
  id: z.string().min(1).describe('{baseUrl}/cds-services/{id}'),
  prefetch: PrefetchTemplates.optional(),
  usageRequirements: z.string().optional(),
  ...extension,
});
export type Service = z.infer<typeof Service>;

export const DiscoveryResponse = z.strictObject({ services: z.array(Service), ...extension });
export type DiscoveryResponse = z.infer<typeof DiscoveryResponse>;

// ---------------------------------------------------------------------------------------------
// Calling a service (§HTTP Request)

export const FhirAuthorization = z.strictObject({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().nonnegative(),
  scope: z.string(),
  subject: z.string().min(1),
  patient: z.string().optional(),
  ...extension,
});
export type FhirAuthorization = z.infer<typeof FhirAuthorization>;

/** Prefetch results: key → the resource the client found, or null when it found nothing. */
export const Prefetch = z.record(z.string(), Resource.nullable());
export type Prefetch = z.infer<typeof Prefetch>;

/** Hook context: each hook defines its members; unknown hooks' contexts pass through. */
export const Context = z.record(z.string(), z.unknown());
export type Context = z.infer<typeof Context>;

/** patient-view 2.0. */
export const PatientViewContext = z.looseObject({
  userId: z.string().min(1),
  patientId: z.string().min(1),
  encounterId: z.string().optional(),
});
export type PatientViewContext = z.infer<typeof PatientViewContext>;

/** order-sign 2.0: the orders about to be signed. */
export const OrderSignContext = z.looseObject({
  userId: z.string().min(1),
  patientId: z.string().min(1),
  encounterId: z.string().optional(),
  draftOrders: Bundle,
});
export type OrderSignContext = z.infer<typeof OrderSignContext>;

/** order-select 2.0: `selections` names the newly selected orders within `draftOrders`. */
export const OrderSelectContext = OrderSignContext.extend({ selections: z.array(z.string()) });
export type OrderSelectContext = z.infer<typeof OrderSelectContext>;

/** The hooks whose context is checked; contexts of other hooks are not interpreted. */
export const HOOK_CONTEXTS = {
  'patient-view': PatientViewContext,
  'order-sign': OrderSignContext,
  'order-select': OrderSelectContext,
} as const;
export type KnownHook = keyof typeof HOOK_CONTEXTS;

function isKnownHook(hook: string): hook is KnownHook {
  return Object.hasOwn(HOOK_CONTEXTS, hook);
}

/**
 * A hook call. `fhirServer` is required when `fhirAuthorization` is given, and the context of
 * a hook in HOOK_CONTEXTS is checked against that hook's definition (paths under `context`).
 */
export const Request = z.strictObject({
  hook: z.string().min(1),
  hookInstance: z.guid(),
  fhirServer: z.url().optional(),
  fhirAuthorization: FhirAuthorization.optional(),
  context: Context,
  prefetch: Prefetch.optional(),
  ...extension,
}).superRefine((request, ctx) => {
  if (request.fhirAuthorization !== undefined && request.fhirServer === undefined) {
    ctx.addIssue({ code: 'custom', path: ['fhirServer'], message: 'fhirServer is required with fhirAuthorization', params: { expected: 'the FHIR base URL' } });
  }
  if (!isKnownHook(request.hook)) return;
  const r = HOOK_CONTEXTS[request.hook].safeParse(request.context);
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: ['context', ...issue.path] });
});
export type Request = z.infer<typeof Request>;

// ---------------------------------------------------------------------------------------------
// The response (§CDS Service Response)

const actionBase = { description: z.string(), ...extension };

/** §Action, discriminated on `type`. A delete names its target in `resourceId`. */
export const Action = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('create'), ...actionBase, resource: Resource }),
  z.strictObject({ type: z.literal('update'), ...actionBase, resource: Resource }),
  z.strictObject({
    type: z.literal('delete'),
    ...actionBase,
    resourceId: z.string().min(1).optional().describe('Relative reference, e.g. MedicationRequest/123'),
    resource: z.union([Resource, z.string()]).optional().describe('Deprecated for deletes: use resourceId'),
  }),
]);
export type Action = z.infer<typeof Action>;

export const Suggestion = z.strictObject({
  label: z.string().min(1),
  uuid: z.guid().optional(),
  isRecommended: z.boolean().optional(),
  actions: z.array(Action).optional(),
  ...extension,
});
export type Suggestion = z.infer<typeof Suggestion>;

export const Source = z.strictObject({
  label: z.string().min(1),
  url: z.url().optional(),
  icon: z.url().optional(),
  topic: Coding.optional(),
  ...extension,
});
export type Source = z.infer<typeof Source>;

export const Link = z.strictObject({
  label: z.string().min(1),
  url: z.url(),
  type: z.enum(['absolute', 'smart']),
  appContext: z.string().optional(),
  autolaunchable: z.boolean().optional(),
  ...extension,
}).refine((link) => link.appContext === undefined || link.type === 'smart', {
  path: ['appContext'], message: 'appContext is valid only on smart links',
});
export type Link = z.infer<typeof Link>;

export const INDICATORS = ['info', 'warning', 'critical'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** §Card. The summary is one sentence of at most 140 characters. */
export const Card = z.strictObject({
  uuid: z.guid().optional(),
  summary: z.string().min(1).max(140),
  detail: z.string().optional().describe('GitHub Flavored Markdown'),
  indicator: z.enum(INDICATORS),
  source: Source,
  suggestions: z.array(Suggestion).optional(),
  selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
  overrideReasons: z.array(OverrideReason).optional(),
  links: z.array(Link).optional(),
  ...extension,
}).refine((card) => (card.suggestions ?? []).length === 0 || card.selectionBehavior !== undefined, {
  path: ['selectionBehavior'], message: 'selectionBehavior is required when suggestions are present',
});
export type Card = z.infer<typeof Card>;

export const CardResponse = z.strictObject({
  cards: z.array(Card),
  systemActions: z.array(Action).optional(),
  ...extension,
});
export type CardResponse = z.infer<typeof CardResponse>;

// ---------------------------------------------------------------------------------------------
// Feedback (§Feedback)

export const FeedbackEntry = z.strictObject({
  card: z.guid(),
  outcome: z.enum(['accepted', 'overridden']),
  acceptedSuggestions: z.array(z.strictObject({ id: z.guid() })).optional(),
  overrideReason: z.strictObject({
    reason: Coding.optional(),
    userComment: z.string().optional(),
  }).optional(),
  outcomeTimestamp: z.iso.datetime({ offset: true }),
  ...extension,
}).superRefine((f, ctx) => {
  const accepted = (f.acceptedSuggestions ?? []).length > 0;
  if (f.outcome === 'accepted' && !accepted) {
    ctx.addIssue({ code: 'custom', path: ['acceptedSuggestions'], message: 'accepted feedback names the accepted suggestions' });
  }
  if (f.outcome === 'overridden' && accepted) {
    ctx.addIssue({ code: 'custom', path: ['acceptedSuggestions'], message: 'overridden feedback accepts no suggestion' });
  }
  if (f.outcome === 'accepted' && f.overrideReason !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'only overridden feedback carries an override reason' });
  }
});
export type FeedbackEntry = z.infer<typeof FeedbackEntry>;

export const Feedback = z.strictObject({ feedback: z.array(FeedbackEntry), ...extension });
export type Feedback = z.infer<typeof Feedback>;
