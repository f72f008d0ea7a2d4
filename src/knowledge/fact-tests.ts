/**
 * Which test answers an unknown fact. When a rule cannot decide because a fact is unknown, the
 * engine names the test from this table instead of recommending anything.
 */
import type { FactTest } from './format.js';

export const FACT_TESTS: Readonly<Record<string, FactTest>> = {
  philadelphia: { action: 'bcr-abl1-testing', data: 'BCR::ABL1 (Philadelphia chromosome) by RT-PCR and FISH' },
  kmt2a: { action: 'kmt2a-testing', data: 'KMT2A (MLL) rearrangement by FISH or molecular testing' },
  lineage: { action: 'flow-cytometry', data: 'Immunophenotype: lineage markers' },
  subtype: { action: 'flow-cytometry', data: 'Immunophenotype: TdT, CD34, surface immunoglobulin' },
  leukemia: { action: 'bone-marrow-aspirate-biopsy', data: 'Bone marrow blast percentage and immunophenotype' },
  status: { action: 'bone-marrow-aspirate-biopsy', data: 'Marrow response assessment' },
  latestMarrowBlastsSinceInduction: { action: 'bone-marrow-aspirate-biopsy', data: 'Marrow since the start of induction' },
  CD19: { action: 'cd19-testing', data: 'CD19 expression on the blasts' },
  CD22: { action: 'cd22-testing', data: 'CD22 expression on the blasts' },
  CD20: { action: 'flow-cytometry', data: 'CD20 expression on the blasts' },
  TdT: { action: 'flow-cytometry', data: 'TdT expression on the blasts' },
  sIg: { action: 'flow-cytometry', data: 'Surface immunoglobulin on the blasts' },
  donor: { action: 'hla-typing', data: 'HLA typing of the patient and siblings; donor search' },
  csfBlasts: { action: 'lumbar-puncture', data: 'Cerebrospinal fluid cytology' },
  mrdPercent: { action: 'mrd-assessment', data: 'Minimal residual disease since induction' },
  anc: { action: 'cbc-differential', data: 'Absolute neutrophil count' },
  platelets: { action: 'cbc-differential', data: 'Platelet count' },
  hemoglobin: { action: 'cbc-differential', data: 'Hemoglobin' },
  wbcAtDiagnosis: { action: 'cbc-differential', data: 'White blood cell count at diagnosis' },
};
