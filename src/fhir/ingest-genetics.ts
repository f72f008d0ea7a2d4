/**
 * Genetic results in the mCODE GenomicVariant / genomics-reporting style → `genetics[]`.
 *
 * - Detected or not detected: Observation.value (LA9633-4 Present / LA9634-2 Absent, or a
 *   positive/negative answer), else its interpretation. Without one nothing is recorded.
 * - The finding from the genes studied (HGNC) and the change:
 *     BCR with ABL1                          → BCR::ABL1, or t(9;22) when seen on a karyotype
 *     ABL1 with amino-acid change p.Thr315Ile → ABL1-T315I
 *     KMT2A with a partner gene or a structural change type (SO) → KMT2A-rearrangement
 *     MYC with a partner gene or a structural change type        → MYC-rearrangement
 *   Anything else (ETV6::RUNX1, point mutations elsewhere) is reported as unmapped.
 * - Method from Observation.method where coded (src/terminology/genetics.ts).
 */
import type { GeneticTestResult } from '../contract/index.js';
import { COMPONENTS, codeKey, geneOf, isAbl1T315I, isStructuralChange, methodOf, type Gene } from '../terminology/index.js';
import type { Context, Entry } from './ingest-context.js';
import { answerIn, observationDate } from './ingest-values.js';
import type { Observation, ObservationComponent } from './resources.js';

function componentsOf(o: Observation, key: string): ObservationComponent[] {
  return (o.component ?? []).filter((c) => (c.code.coding ?? []).some((x) => codeKey(x.system, x.code) === key));
}

function methodIn(o: Observation): GeneticTestResult['method'] {
  for (const c of o.method?.coding ?? []) {
    const m = methodOf(c.system, c.code);
    if (m !== undefined) return m;
  }
  return undefined;
}

function record(entry: Entry, o: Observation, ctx: Context, finding: GeneticTestResult['finding'], detected: boolean, method: GeneticTestResult['method']): void {
  const date = observationDate(entry, o, ctx);
  if (date !== undefined && ctx.afterAsOf(entry.key, date, finding)) return;
  ctx.draft.genetics.push({
    finding, result: detected ? 'detected' : 'not-detected',
    ...(method === undefined ? {} : { method }),
    ...(date === undefined ? {} : { date }),
    key: entry.key,
  });
  ctx.contributed(entry.key);
}

export function ingestGenomicVariant(entry: Entry, o: Observation, ctx: Context): void {
  const answer = answerIn(o);
  const geneComponents = componentsOf(o, COMPONENTS.geneStudied);
  const geneCodings = geneComponents.flatMap((c) => c.valueCodeableConcept?.coding?.slice(0, 1) ?? []);
  const genes = new Set(geneComponents.flatMap((c) => {
    const g = (c.valueCodeableConcept?.coding ?? []).map((x) => geneOf(x.system, x.code)).find((x) => x !== undefined);
    return g === undefined ? [] : [g];
  }));
  const partners = geneComponents.length;
  const structural = componentsOf(o, COMPONENTS.changeType)
    .some((c) => (c.valueCodeableConcept?.coding ?? []).some((x) => isStructuralChange(x.system, x.code)));
  const aminoAcid = componentsOf(o, COMPONENTS.aminoAcidChange)
    .flatMap((c) => [c.valueString, ...(c.valueCodeableConcept?.coding ?? []).flatMap((x) => [x.code, x.display])])
    .filter((x): x is string => x !== undefined);
  const has = (g: Gene) => genes.has(g);
  const method = methodIn(o);

  const finding: GeneticTestResult['finding'] | undefined =
    has('BCR') && has('ABL1') ? (method === 'karyotype' ? 't(9;22)' : 'BCR::ABL1')
      : has('ABL1') && aminoAcid.some(isAbl1T315I) ? 'ABL1-T315I'
        : has('KMT2A') && (partners >= 2 || structural) ? 'KMT2A-rearrangement'
          : has('MYC') && (partners >= 2 || structural) ? 'MYC-rearrangement'
            : undefined;
  const codes = geneCodings.map((c) => codeKey(c.system, c.code)).join(', ');
  if (finding === undefined) {
    ctx.unmapped(entry.key, `genes studied ${codes === '' ? 'not coded' : codes}: not a genetic finding of the contract`);
    return;
  }
  if (answer === undefined) {
    ctx.unmapped(entry.key, `${finding}: no detected/not-detected answer`);
    return;
  }
  if (o.method !== undefined && method === undefined) {
    ctx.unmapped(entry.key, `${finding}: method not mapped (recorded without a method)`, o.method.coding?.[0] ?? o.method.text);
  }
  record(entry, o, ctx, finding, answer === 'positive', method);
}

/**
 * BCR::ABL1 p210 transcript ratio (LOINC 69380-4): a coded detected/not-detected answer only; a
 * ratio alone is not read as detected (that needs the lab's limit of detection). A transcript
 * is measured by RT-PCR, which is the method recorded unless Observation.method says otherwise.
 */
export function ingestTranscript(entry: Entry, o: Observation, ctx: Context): void {
  const answer = answerIn(o);
  if (answer === undefined) {
    ctx.unmapped(entry.key, 'BCR::ABL1 transcript ratio without a detected/not-detected answer: not read');
    return;
  }
  record(entry, o, ctx, 'BCR::ABL1', answer === 'positive', methodIn(o) ?? 'RT-PCR');
}
