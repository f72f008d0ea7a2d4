/**
 * Observation → labs, markers, temperature, ECOG, CSF white cells, genetics, disease status.
 *
 * - The code decides what an observation is (src/terminology/observations.ts); an unknown code
 *   is reported with its `system|code`.
 * - The date is the observation's effective date, else that of the DiagnosticReport listing it,
 *   else its issued date. Without a date a value is not used; after asOf it is left out.
 * - Quantities must carry a UCUM code allpath converts (src/terminology/ucum.ts); any other unit
 *   is a warning and the value is not used. A bound ("<5") is not a value.
 * - Free text (valueString) is not parsed, except a karyotype string in ISCN.
 */
import { type LabTest, type Marker, type Specimen } from '../contract/index.js';
import {
  UCUM, canonicalSystem, isFullRemission, isNormalKaryotype, toCelsius, toContractUnit, toPerMicrolitre,
} from '../terminology/index.js';
import type { Context, DatedValue, Entry } from './ingest-context.js';
import { ingestGenomicVariant, ingestTranscript } from './ingest-genetics.js';
import { answerIn, meaningOf, observationDate } from './ingest-values.js';
import { Observation, type ObservationComponent, type Quantity } from './resources.js';

const NO_RESULT = ['registered', 'cancelled', 'entered-in-error'];

/** A quantity's UCUM code, or a warning saying why the value cannot be used. */
function ucumOf(entry: Entry, q: Quantity, ctx: Context): { value: number; ucum: string } | undefined {
  if (q.value === undefined) {
    ctx.unmapped(entry.key, 'a quantity without a value');
    return undefined;
  }
  if (q.comparator !== undefined) {
    ctx.warn(entry.key, `a bound (${q.comparator}${q.value}), not a value: not used`);
    return undefined;
  }
  if (q.code === undefined || q.system === undefined || canonicalSystem(q.system) !== UCUM) {
    ctx.warn(entry.key, `unit "${q.unit ?? q.code ?? ''}" has no UCUM code: value not used`);
    return undefined;
  }
  return { value: q.value, ucum: q.code };
}

function dated(entry: Entry, o: Observation, ctx: Context, what: string): string | undefined {
  const date = observationDate(entry, o, ctx);
  if (date === undefined) {
    ctx.warn(entry.key, `${what} without a date: not used`);
    return undefined;
  }
  return ctx.afterAsOf(entry.key, date, what) ? undefined : date;
}

function ingestLab(entry: Entry, o: Observation, test: LabTest, specimen: Specimen | undefined, ctx: Context): void {
  if (o.valueQuantity === undefined) {
    ctx.unmapped(entry.key, `${test}: no quantity value`);
    return;
  }
  const q = ucumOf(entry, o.valueQuantity, ctx);
  if (q === undefined) return;
  const converted = toContractUnit(test, q.value, q.ucum);
  if (converted === undefined) {
    ctx.warn(entry.key, `unit "${q.ucum}" is not one allpath converts for ${test}: value not used`);
    return;
  }
  const date = dated(entry, o, ctx, test);
  if (date === undefined) return;
  ctx.draft.labs.push({ test, ...(specimen === undefined ? {} : { specimen }), value: converted.value, unit: converted.unit, date, key: entry.key });
  ctx.contributed(entry.key);
}

function ingestDated(entry: Entry, o: Observation, ctx: Context, what: string, into: DatedValue[], read: (q: Quantity | undefined) => number | undefined): void {
  const value = read(o.valueQuantity);
  if (value === undefined) return;
  const date = dated(entry, o, ctx, what);
  if (date === undefined) return;
  into.push({ value, date, key: entry.key });
  ctx.contributed(entry.key);
}

function quantityIn(entry: Entry, ctx: Context, what: string, convert: (v: number, ucum: string) => number | undefined) {
  return (q: Quantity | undefined): number | undefined => {
    if (q === undefined) {
      ctx.unmapped(entry.key, `${what}: no quantity value`);
      return undefined;
    }
    const u = ucumOf(entry, q, ctx);
    if (u === undefined) return undefined;
    const v = convert(u.value, u.ucum);
    if (v === undefined) ctx.warn(entry.key, `unit "${u.ucum}" is not one allpath converts for ${what}: value not used`);
    return v;
  };
}

/** Markers as coded answers: the observation's own value, or each component of a panel. */
function ingestMarker(entry: Entry, marker: Marker, source: Observation | ObservationComponent, date: string | undefined, ctx: Context): boolean {
  const answer = answerIn(source);
  if (answer === undefined) {
    const why = source.valueQuantity !== undefined
      ? `${marker} as a percentage: positive or negative needs a cut-off the FHIR mapping does not set`
      : `${marker}: no positive/negative answer`;
    ctx.unmapped(entry.key, why);
    return false;
  }
  ctx.draft.markers.push({ marker, result: answer, ...(date === undefined ? {} : { date }), key: entry.key });
  return true;
}

function ingestPanel(entry: Entry, o: Observation, ctx: Context): void {
  const components = o.component ?? [];
  if (components.length === 0) {
    ctx.unmapped(entry.key, o.valueString !== undefined ? 'immunophenotype as free text (valueString) is not parsed' : 'an immunophenotype panel without coded components');
    return;
  }
  const date = observationDate(entry, o, ctx);
  if (date !== undefined && ctx.afterAsOf(entry.key, date, 'immunophenotype')) return;
  let any = false;
  for (const c of components) {
    const found = meaningOf(c.code);
    if (found?.meaning.kind === 'marker') {
      any = ingestMarker(entry, found.meaning.marker, c, date, ctx) || any;
    } else {
      ctx.unmapped(entry.key, 'a panel component that is not a contract marker', c.code.coding?.[0] ?? c.code.text);
    }
  }
  if (any) ctx.contributed(entry.key);
}

function ingestKaryotype(entry: Entry, o: Observation, ctx: Context): void {
  const iscn = o.valueString ?? o.valueCodeableConcept?.text;
  if (iscn === undefined || !isNormalKaryotype(iscn)) {
    ctx.unmapped(entry.key, 'a karyotype other than a normal 46,XX or 46,XY is not parsed');
    return;
  }
  const date = observationDate(entry, o, ctx);
  if (date !== undefined && ctx.afterAsOf(entry.key, date, 'karyotype')) return;
  ctx.draft.genetics.push({ finding: 'normal-karyotype', result: 'detected', method: 'karyotype', ...(date === undefined ? {} : { date }), key: entry.key });
  ctx.contributed(entry.key);
}

/**
 * mCODE CancerDiseaseStatus: every dated status is kept; the latest decides (ingest.ts). Full
 * remission becomes a remission hint for the ALL condition it is about; trends (improved,
 * stable, worsened) have no contract equivalent.
 */
function ingestDiseaseStatus(entry: Entry, o: Observation, ctx: Context): void {
  const codings = o.valueCodeableConcept?.coding ?? [];
  if (codings.length === 0) {
    ctx.unmapped(entry.key, 'a disease status without a coded value');
    return;
  }
  const date = dated(entry, o, ctx, 'disease status');
  if (date === undefined) return;
  const remission = codings.some((c) => isFullRemission(c.system, c.code));
  const focus = (o.focus ?? []).flatMap((f) => (f.reference === undefined ? [] : [ctx.resolve(f.reference)?.key ?? f.reference]));
  const coding = codings[0];
  ctx.draft.diseaseStatus.push({ key: entry.key, date, remission, focus, ...(coding === undefined ? {} : { coding }) });
}

export function ingestObservation(entry: Entry, ctx: Context): void {
  const o = ctx.read(entry, Observation);
  if (o === undefined) return;
  if (!ctx.isAboutPatient(o.subject?.reference)) {
    ctx.unmapped(entry.key, `about another patient (${o.subject?.reference ?? '?'})`);
    return;
  }
  if (o.status !== undefined && NO_RESULT.includes(o.status)) {
    ctx.unmapped(entry.key, `no result (status ${o.status})`);
    return;
  }
  const found = meaningOf(o.code);
  if (found === undefined) {
    // A panel under a code allpath does not know may still hold markers in its components.
    if ((o.component ?? []).some((c) => meaningOf(c.code)?.meaning.kind === 'marker')) {
      ingestPanel(entry, o, ctx);
      return;
    }
    ctx.unmapped(entry.key, 'an observation code allpath does not map', o.code.coding?.[0] ?? o.code.text);
    return;
  }
  if (o.dataAbsentReason !== undefined) {
    ctx.unmapped(entry.key, `no value (dataAbsentReason ${o.dataAbsentReason.coding?.[0]?.code ?? o.dataAbsentReason.text ?? '?'})`);
    return;
  }
  const { meaning } = found;
  switch (meaning.kind) {
    case 'lab':
      return ingestLab(entry, o, meaning.test, meaning.specimen, ctx);
    case 'marker': {
      const date = observationDate(entry, o, ctx);
      if (date !== undefined && ctx.afterAsOf(entry.key, date, meaning.marker)) return;
      if (ingestMarker(entry, meaning.marker, o, date, ctx)) ctx.contributed(entry.key);
      return;
    }
    case 'immunophenotype-panel':
      return ingestPanel(entry, o, ctx);
    case 'temperature':
      return ingestDated(entry, o, ctx, 'body temperature', ctx.draft.temperatures, quantityIn(entry, ctx, 'body temperature', toCelsius));
    case 'csf-wbc':
      return ingestDated(entry, o, ctx, 'CSF white cells', ctx.draft.csfWbc, quantityIn(entry, ctx, 'CSF white cells', toPerMicrolitre));
    case 'ecog': {
      const score = o.valueInteger ?? o.valueQuantity?.value;
      if (score === undefined || !Number.isInteger(score) || score < 0 || score > 4) {
        ctx.unmapped(entry.key, `ECOG: no score from 0 to 4${score === undefined ? '' : ` (found ${score})`}`);
        return;
      }
      return ingestDated(entry, o, ctx, 'ECOG', ctx.draft.ecog, () => score);
    }
    case 'genomic-variant':
      return ingestGenomicVariant(entry, o, ctx);
    case 'bcr-abl1':
      return ingestTranscript(entry, o, ctx);
    case 'karyotype':
      return ingestKaryotype(entry, o, ctx);
    case 'disease-status':
      return ingestDiseaseStatus(entry, o, ctx);
    case 'not-used':
      ctx.unmapped(entry.key, meaning.why, o.code.coding?.[found.index]);
      return;
  }
}
