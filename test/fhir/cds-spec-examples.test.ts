// The JSON examples of the CDS Hooks 2.0 specification (shared/fhir-examples/cds-hooks-spec-examples,
// from HL7/cds-hooks index.md and the order-select / order-sign hook pages), each parsed with the
// schema of what it shows. Most are whole documents; some are fragments of one (a card's source,
// one action), checked with the schema of that part. An example that cannot pass for a real
// reason is on the skip list with the path that fails; a skipped example that starts to pass
// fails the suite, so the list never outlives its reasons.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { jsonPath } from '../../src/contract/index.js';
import {
  Action, Card, CardResponse, Context, DiscoveryResponse, Feedback, FhirAuthorization, Link,
  OrderSelectContext, OrderSignContext, OverrideReason, Prefetch, PrefetchTemplates, Request, Source,
} from '../../src/fhir/cds-hooks.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'fhir-examples', 'cds-hooks-spec-examples');

const SCHEMAS = {
  'discovery response': DiscoveryResponse,
  request: Request,
  'card response': CardResponse,
  feedback: Feedback,
  'prefetch templates (discovery fragment)': z.strictObject({ prefetch: PrefetchTemplates }),
  'prefetch results (request fragment)': z.strictObject({ prefetch: Prefetch }),
  'context (request fragment)': z.strictObject({ context: Context }),
  'order-select context (request fragment)': z.strictObject({ context: OrderSelectContext }),
  'order-sign context (request fragment)': z.strictObject({ context: OrderSignContext }),
  'fhirAuthorization (request fragment)': z.strictObject({ fhirAuthorization: FhirAuthorization }),
  'card source (card fragment)': z.strictObject({ source: Source }),
  'override reasons (card fragment)': z.strictObject({ overrideReasons: z.array(OverrideReason) }),
  action: Action,
} as const satisfies Record<string, z.ZodType>;
type SchemaName = keyof typeof SCHEMAS;

/** What each example is. A new file in the folder fails the suite until it is classified here. */
const TABLE: Record<string, SchemaName> = {
  'index-00.json': 'discovery response',
  'index-01.json': 'request',
  'index-02.json': 'prefetch templates (discovery fragment)',
  'index-03.json': 'request',
  'index-04.json': 'prefetch templates (discovery fragment)',
  'index-05.json': 'prefetch templates (discovery fragment)',
  'index-06.json': 'prefetch templates (discovery fragment)',
  'index-08.json': 'context (request fragment)',
  'index-09.json': 'prefetch templates (discovery fragment)',
  'index-10.json': 'prefetch results (request fragment)',
  'index-11.json': 'fhirAuthorization (request fragment)',
  'index-12.json': 'card response',
  'index-13.json': 'card source (card fragment)',
  'index-14.json': 'action',
  'index-15.json': 'action',
  'index-16.json': 'action',
  'index-17.json': 'override reasons (card fragment)',
  'index-18.json': 'card response',
  'index-19.json': 'card response',
  'index-20.json': 'card response',
  'index-21.json': 'feedback',
  'index-22.json': 'feedback',
  'index-23.json': 'feedback',
  'index-28.json': 'request',
  'index-29.json': 'discovery response',
  'order-select-00.json': 'order-select context (request fragment)',
  'order-select-01.json': 'order-select context (request fragment)',
  'order-sign-00.json': 'order-sign context (request fragment)',
  'order-sign-01.json': 'order-sign context (request fragment)',
};

/** Examples that break a REQUIRED of CDS Hooks 2.0; `path` is where the schema must object. */
const SKIP: Record<string, { readonly path: string; readonly reason: string }> = {
  'index-18.json': {
    path: 'systemActions[0].description',
    reason: 'Action.description is REQUIRED in 2.0; the systemActions example has none (the 3.0 ballot makes it optional)',
  },
  'index-20.json': {
    path: 'cards[0].indicator',
    reason: 'Card.indicator is REQUIRED; the example (about autolaunchable links) leaves it out',
  },
  'index-28.json': {
    path: 'context.patientId',
    reason: 'the patient-view hook REQUIRES context.patientId; the example (about extensions) trims context to userId',
  },
};

const read = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const failures = (name: SchemaName, data: unknown): string[] => {
  const r = SCHEMAS[name].safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`);
};

describe('CDS Hooks 2.0 specification examples', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

  test('the folder holds the examples and each is classified in the table', () => {
    expect(files.length).toBeGreaterThanOrEqual(29);
    expect(files.filter((f) => !(f in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((f) => !files.includes(f))).toEqual([]);
  });

  test.each(files.filter((f) => !(f in SKIP)))('%s parses', (file) => {
    const name = TABLE[file];
    if (name === undefined) throw new Error(`${file} is not classified`);
    expect(failures(name, read(file))).toEqual([]);
  });

  const skipped = Object.entries(SKIP).map(([file, skip]) => [file, skip.path] as const);
  test.each(skipped)('%s is skipped: it fails at %s, as the skip list says', (file, path) => {
    const name = TABLE[file];
    if (name === undefined) throw new Error(`${file} is skipped but not classified`);
    const problems = failures(name, read(file));
    // A skipped example that passes must leave the skip list.
    expect(problems, `${file} now passes: remove it from SKIP`).not.toEqual([]);
    expect(problems.map((p) => p.slice(0, p.indexOf(':')))).toEqual([path]);
  });
});

describe('the schemas are strict where the specification is closed', () => {
  const card = { summary: 'Example', indicator: 'info', source: { label: 'allpath' } };

  test('a minimal card parses; a misspelt member does not', () => {
    expect(Card.safeParse(card).success).toBe(true);
    expect(Card.safeParse({ ...card, sumary: 'x' }).success).toBe(false);
  });

  test('the summary holds at most 140 characters', () => {
    expect(Card.safeParse({ ...card, summary: 'x'.repeat(140) }).success).toBe(true);
    expect(Card.safeParse({ ...card, summary: 'x'.repeat(141) }).success).toBe(false);
  });

  test('the indicator is one of the three literals', () => {
    expect(Card.safeParse({ ...card, indicator: 'critical' }).success).toBe(true);
    expect(Card.safeParse({ ...card, indicator: 'error' }).success).toBe(false);
  });

  test('suggestions need a selectionBehavior', () => {
    const suggestions = [{ label: 'Remove', actions: [{ type: 'delete', description: 'Remove it', resourceId: 'MedicationRequest/1' }] }];
    expect(Card.safeParse({ ...card, suggestions }).success).toBe(false);
    expect(Card.safeParse({ ...card, suggestions, selectionBehavior: 'at-most-one' }).success).toBe(true);
  });

  test('appContext belongs to smart links only', () => {
    expect(Link.safeParse({ label: 'App', url: 'https://app.example', type: 'smart', appContext: '{}' }).success).toBe(true);
    expect(Link.safeParse({ label: 'App', url: 'https://app.example', type: 'absolute', appContext: '{}' }).success).toBe(false);
  });

  test('create and update actions carry the resource', () => {
    expect(Action.safeParse({ type: 'create', description: 'Create' }).success).toBe(false);
    expect(Action.safeParse({ type: 'create', description: 'Create', resource: { resourceType: 'ServiceRequest' } }).success).toBe(true);
  });

  test('extensions are allowed under `extension`, and only there', () => {
    expect(Card.safeParse({ ...card, extension: { 'com.example.x': 1 } }).success).toBe(true);
    expect(Card.safeParse({ ...card, 'com.example.x': 1 }).success).toBe(false);
  });

  const request = { hook: 'patient-view', hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', context: { userId: 'Practitioner/1', patientId: '1' } };

  test('a request with fhirAuthorization names its fhirServer', () => {
    const fhirAuthorization = { access_token: 't', token_type: 'Bearer', expires_in: 300, scope: 'user/Patient.read', subject: 'allpath' };
    expect(Request.safeParse({ ...request, fhirAuthorization }).success).toBe(false);
    expect(Request.safeParse({ ...request, fhirAuthorization, fhirServer: 'https://ehr.example/fhir' }).success).toBe(true);
  });

  test('the context of a known hook is checked; an unknown hook passes through', () => {
    expect(Request.safeParse({ ...request, context: { userId: 'Practitioner/1' } }).success).toBe(false);
    expect(Request.safeParse({ ...request, hook: 'encounter-start', context: { userId: 'Practitioner/1' } }).success).toBe(true);
  });

  test('accepted feedback names its suggestions', () => {
    const entry = { card: '4e0a3a1e-3283-4575-ab82-028d55fe2719', outcome: 'accepted', outcomeTimestamp: '2021-12-11T10:05:31Z' };
    expect(Feedback.safeParse({ feedback: [entry] }).success).toBe(false);
    expect(Feedback.safeParse({ feedback: [{ ...entry, acceptedSuggestions: [{ id: 'e56e1945-20b3-4393-8503-a1a20fd73152' }] }] }).success).toBe(true);
  });
});
