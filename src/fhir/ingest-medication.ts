/**
 * MedicationRequest, MedicationAdministration, MedicationStatement → dated agents, grouped into
 * courses by ingest-treatments.ts.
 *
 * - The agent from an RxNorm code (medicationCodeableConcept, or the Medication it references,
 *   contained or in the bundle); by display text only for the agents whose code is a gap in the
 *   terminology tables, with a warning.
 * - What counts as given: requests that are orders (not proposals or plans) and not drafts,
 *   cancelled or entered in error; administrations not marked not-done; statements not
 *   not-taken or intended.
 * - Dates: a request runs from its dosage bounds (else authoredOn) to the bounds' end, and is
 *   open while it has none; an administration is given on its date (or period); a statement
 *   covers its effective period. A completed or stopped one without an end ends on its start.
 */
import type { Agent } from '../contract/index.js';
import { agentByName, agentOfRxNorm } from '../terminology/index.js';
import type { Context, Entry } from './ingest-context.js';
import {
  Medication, MedicationAdministration, MedicationRequest, MedicationStatement,
  type CodeableConcept, type Coding, type Reference,
} from './resources.js';

const NOT_GIVEN: Readonly<Record<string, readonly string[]>> = {
  MedicationRequest: ['draft', 'cancelled', 'entered-in-error'],
  MedicationAdministration: ['not-done', 'entered-in-error'],
  MedicationStatement: ['not-taken', 'intended', 'entered-in-error'],
};
const NOT_AN_ORDER = ['proposal', 'plan', 'option'];

interface MedicationSource {
  readonly medicationCodeableConcept?: CodeableConcept | undefined;
  readonly medicationReference?: Reference | undefined;
  readonly contained?: readonly unknown[] | undefined;
}

/** Finds the resource a reference points to, and marks it used. */
export type Resolve = (reference: string) => Entry | undefined;

/** The concept naming the drug: inline, a contained Medication, or a Medication in the bundle. */
function medicationConcept(source: MedicationSource, resolve: Resolve): CodeableConcept | undefined {
  if (source.medicationCodeableConcept !== undefined) return source.medicationCodeableConcept;
  const ref = source.medicationReference?.reference;
  if (ref === undefined) return undefined;
  const resource = ref.startsWith('#')
    ? (source.contained ?? []).find((c) => Medication.safeParse(c).data?.id === ref.slice(1))
    : resolve(ref)?.resource;
  const parsed = Medication.safeParse(resource);
  return parsed.success ? parsed.data.code : undefined;
}

export type AgentLookup =
  | { readonly ok: true; readonly agent: Agent; readonly byName?: string }
  | { readonly ok: false; readonly coding?: Coding | string };

/** The contract agent a medication names (shared with orders.ts). */
export function agentOf(source: MedicationSource, resolve: Resolve): AgentLookup {
  const concept = medicationConcept(source, resolve);
  const codings = concept?.coding ?? [];
  for (const c of codings) {
    const agent = agentOfRxNorm(c.system, c.code);
    if (agent !== undefined) return { ok: true, agent };
  }
  for (const text of [...codings.map((c) => c.display), concept?.text]) {
    const agent = text === undefined ? undefined : agentByName(text);
    if (agent !== undefined && text !== undefined) return { ok: true, agent, byName: text };
  }
  return { ok: false, ...(codings[0] !== undefined ? { coding: codings[0] } : concept?.text !== undefined ? { coding: concept.text } : {}) };
}

function earliest(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort()[0];
}

function latest(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort().at(-1);
}

type Med = MedicationRequest | MedicationAdministration | MedicationStatement;

/**
 * A completed or stopped order or statement without an end date is over, but its last day is
 * not recorded: it is taken to end on its last known day (its start), with a warning, rather than
 * being read as still running.
 */
function endedWithoutDate(entry: Entry, status: string | undefined, start: string | undefined, ctx: Context): string | undefined {
  if (start === undefined || (status !== 'completed' && status !== 'stopped')) return undefined;
  ctx.warn(entry.key, `${status} without an end date: taken to end on its start, ${start}`);
  return start;
}

function span(entry: Entry, m: Med, ctx: Context): { start?: string; end?: string } {
  const day = (v: string | undefined, el: string) => ctx.day(entry.key, v, el);
  const out = (start: string | undefined, end: string | undefined) =>
    ({ ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) });
  switch (m.resourceType) {
    case 'MedicationRequest': {
      const bounds = (m.dosageInstruction ?? []).map((d) => d.timing?.repeat?.boundsPeriod);
      const starts = bounds.map((b) => day(b?.start, 'boundsPeriod.start'));
      const ends = bounds.map((b) => day(b?.end, 'boundsPeriod.end'));
      // Open (ongoing) unless every instruction has an end.
      const start = earliest(starts) ?? day(m.authoredOn, 'authoredOn');
      const end = ends.length > 0 && ends.every((e) => e !== undefined) ? latest(ends) : undefined;
      return out(start, end ?? endedWithoutDate(entry, m.status, start, ctx));
    }
    case 'MedicationAdministration': {
      const start = day(m.effectiveDateTime ?? m.effectivePeriod?.start, 'effective[x]');
      return out(start, m.effectivePeriod !== undefined ? day(m.effectivePeriod.end, 'effectivePeriod.end') : start);
    }
    case 'MedicationStatement': {
      const start = day(m.effectiveDateTime ?? m.effectivePeriod?.start, 'effective[x]');
      const end = m.effectivePeriod?.end !== undefined ? day(m.effectivePeriod.end, 'effectivePeriod.end') : undefined;
      return out(start, end ?? endedWithoutDate(entry, m.status, start, ctx));
    }
  }
}

export function ingestMedication(entry: Entry, ctx: Context): void {
  const m: Med | undefined = entry.type === 'MedicationRequest' ? ctx.read(entry, MedicationRequest)
    : entry.type === 'MedicationAdministration' ? ctx.read(entry, MedicationAdministration) : ctx.read(entry, MedicationStatement);
  if (m === undefined) return;
  if (!ctx.isAboutPatient(m.subject?.reference)) {
    ctx.unmapped(entry.key, `about another patient (${m.subject?.reference ?? '?'})`);
    return;
  }
  const status = m.status;
  if (status !== undefined && (NOT_GIVEN[entry.type] ?? []).includes(status)) {
    ctx.unmapped(entry.key, `not given (status ${status})`);
    return;
  }
  const intent = m.resourceType === 'MedicationRequest' ? m.intent : undefined;
  if (intent !== undefined && NOT_AN_ORDER.includes(intent)) {
    ctx.unmapped(entry.key, `a ${intent}, not a treatment given`);
    return;
  }
  const found = agentOf(m, (ref) => {
    const target = ctx.resolve(ref);
    if (target !== undefined) ctx.contributed(target.key);
    return target;
  });
  if (!found.ok) {
    ctx.unmapped(entry.key, 'no RxNorm code allpath maps to a contract agent', found.coding);
    return;
  }
  if (found.byName !== undefined) {
    ctx.warn(entry.key, `${found.agent} recognised by its name "${found.byName.slice(0, 40)}" (its RxNorm code is not in allpath's tables)`);
  }
  const when = span(entry, m, ctx);
  if (when.start === undefined) {
    ctx.warn(entry.key, `${found.agent} without a date: not used`);
    return;
  }
  if (ctx.afterAsOf(entry.key, when.start, found.agent)) return;
  ctx.draft.agents.push({
    agent: found.agent, start: when.start,
    ...(when.end === undefined || when.end < when.start ? {} : { end: when.end }),
    key: entry.key,
  });
  ctx.contributed(entry.key);
}
