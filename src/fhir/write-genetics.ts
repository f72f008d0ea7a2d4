/**
 * `genetics[]` → GenomicVariant Observations (LOINC 69548-6: genes studied, change type, amino
 * acid change, Present/Absent) and a karyotype Observation (33893-9), in the shape
 * ingest-genetics.ts reads:
 *
 *   BCR::ABL1            BCR + ABL1 (method as recorded; a karyotype makes ingest read t(9;22))
 *   t(9;22)              BCR + ABL1, method karyotype (how ingest tells it from BCR::ABL1)
 *   KMT2A-rearrangement  KMT2A + translocation;   t(4;11) when detected only, read back as KMT2A-rearrangement
 *   MYC-rearrangement    MYC + translocation;     t(8;14), t(2;8), t(8;22) when detected only, read back as MYC-rearrangement
 *   ABL1-T315I           ABL1 + p.Thr315Ile
 *   normal-karyotype     detected only: "46,XX" (female) or "46,XY" (male)
 *
 * A translocation not detected is not written: one partner absent does not exclude a
 * rearrangement with another, which is what the written finding would say. del(7), trisomy-8,
 * hypodiploidy and complex-karyotype have no code ingest reads; NGS and PFGE no method code
 * (the result is written without a method).
 */
import type { Case, GeneticTestResult } from '../contract/index.js';
import type { Gene } from '../terminology/index.js';
import { ANSWER, GENE, METHOD, OBSERVATION, T315I, TRANSLOCATION, VARIANT_COMPONENT } from './write-codes.js';
import { category, concept, type FhirResource, type Writer } from './write-resource.js';

interface Variant {
  readonly genes: readonly Gene[];
  readonly translocation?: boolean;
  readonly t315i?: boolean;
  readonly method?: GeneticTestResult['method'];
}

function variantOf(g: GeneticTestResult): Variant | undefined {
  const detected = g.result === 'detected';
  switch (g.finding) {
    case 'BCR::ABL1':
      return { genes: ['BCR', 'ABL1'], method: g.method };
    case 't(9;22)':
      return { genes: ['BCR', 'ABL1'], method: 'karyotype' };
    case 'KMT2A-rearrangement':
      return { genes: ['KMT2A'], translocation: true, method: g.method };
    case 't(4;11)':
      return detected ? { genes: ['KMT2A'], translocation: true, method: g.method } : undefined;
    case 'MYC-rearrangement':
      return { genes: ['MYC'], translocation: true, method: g.method };
    case 't(8;14)':
    case 't(2;8)':
    case 't(8;22)':
      return detected ? { genes: ['MYC'], translocation: true, method: g.method } : undefined;
    case 'ABL1-T315I':
      return { genes: ['ABL1'], t315i: true, method: g.method };
    default:
      return undefined;
  }
}

function genomicVariant(g: GeneticTestResult, v: Variant, w: Writer): FhirResource {
  const method = v.method === undefined ? undefined : METHOD[v.method];
  return {
    resourceType: 'Observation', id: w.id('variant'), status: 'final', category: category('laboratory'),
    code: concept(OBSERVATION.genomicVariant), subject: w.subject,
    ...(g.date === undefined ? {} : { effectiveDateTime: g.date }),
    valueCodeableConcept: concept(g.result === 'detected' ? ANSWER.present : ANSWER.absent),
    ...(method === undefined ? {} : { method: concept(method) }),
    component: [
      ...v.genes.map((gene) => ({ code: concept(VARIANT_COMPONENT.geneStudied), valueCodeableConcept: concept(GENE[gene]) })),
      ...(v.translocation === true ? [{ code: concept(VARIANT_COMPONENT.changeType), valueCodeableConcept: concept(TRANSLOCATION) }] : []),
      ...(v.t315i === true ? [{ code: concept(VARIANT_COMPONENT.aminoAcidChange), valueCodeableConcept: concept(T315I) }] : []),
    ],
  };
}

function normalKaryotype(g: GeneticTestResult, sex: Case['patient']['sex'], w: Writer): FhirResource | undefined {
  const iscn = sex === 'female' ? '46,XX' : sex === 'male' ? '46,XY' : undefined;
  if (g.result !== 'detected' || iscn === undefined) return undefined;
  const method = METHOD.karyotype;
  return {
    resourceType: 'Observation', id: w.id('karyotype'), status: 'final', category: category('laboratory'),
    code: concept(OBSERVATION.karyotype), subject: w.subject,
    ...(g.date === undefined ? {} : { effectiveDateTime: g.date }),
    ...(method === undefined ? {} : { method: concept(method) }),
    valueString: iscn,
  };
}

export function writeGenetics(c: Case, w: Writer): FhirResource[] {
  return (c.genetics ?? []).flatMap((g) => {
    if (g.finding === 'normal-karyotype') return normalKaryotype(g, c.patient.sex, w) ?? [];
    const v = variantOf(g);
    return v === undefined ? [] : [genomicVariant(g, v, w)];
  });
}
