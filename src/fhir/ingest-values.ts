/** Reading an Observation's code, coded answer and date: shared by the observation and genetics mappers. */
import { answerOf, observationMeaning, type Answer, type ObservationMeaning } from '../terminology/index.js';
import type { Context, Entry } from './ingest-context.js';
import type { CodeableConcept, Observation } from './resources.js';

/** The first coding of a concept that allpath knows, with its meaning. */
export function meaningOf(concept: CodeableConcept): { meaning: ObservationMeaning; index: number } | undefined {
  const codings = concept.coding ?? [];
  for (const [index, c] of codings.entries()) {
    const meaning = observationMeaning(c.system, c.code);
    if (meaning !== undefined) return { meaning, index };
  }
  return undefined;
}

/** A positive/negative answer from a coded value or, failing that, the interpretation. */
export function answerIn(o: Pick<Observation, 'valueCodeableConcept' | 'interpretation'>): Answer | undefined {
  const codings = [...(o.valueCodeableConcept?.coding ?? []), ...(o.interpretation ?? []).flatMap((i) => i.coding ?? [])];
  for (const c of codings) {
    const a = answerOf(c.system, c.code);
    if (a !== undefined) return a;
  }
  return undefined;
}

/** The observation's date: effective, else its report's, else issued. */
export function observationDate(entry: Entry, o: Observation, ctx: Context): string | undefined {
  const effective = o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectivePeriod?.end ?? o.effectiveInstant;
  if (effective !== undefined) return ctx.day(entry.key, effective, 'effective[x]');
  const fromReport = ctx.reportDates.get(entry.key);
  if (fromReport !== undefined) {
    ctx.contributed(fromReport.report);
    return fromReport.date;
  }
  return ctx.day(entry.key, o.issued, 'issued');
}

