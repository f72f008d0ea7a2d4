/**
 * What is missing: the tests whose results would change the answer. BCR::ABL1 comes first in
 * B-lineage disease, because a Ph-positive result changes induction.
 */
import type { MissingRule } from './format.js';
import {
  all, any, atLeast, flag, genetic, includes, is, isOneOf, isUnknown, marker, missingTest, not, some, stated,
} from './format.js';
import { cytogeneticsDone } from './risk.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;

/** ALL, lymphoblastic lymphoma, or not yet known: every case except a proven non-ALL. */
const MYC_FINDINGS = ['MYC-rearrangement', 't(8;14)', 't(2;8)', 't(8;22)'] as const;
const possiblyAll = any(is('leukemia', 'ALL'), is('leukemia', 'lymphoblastic-lymphoma'), isUnknown('leukemia'));

export const WORKUP: readonly MissingRule[] = [
  missingTest({
    id: 'missing-bcr-abl1',
    action: 'bcr-abl1-testing',
    when: all(possiblyAll, isUnknown('philadelphia'), any(is('lineage', 'B'), isUnknown('lineage'))),
    data: 'BCR::ABL1 (Philadelphia chromosome) by RT-PCR and FISH',
    impact: 'A Ph-positive result adds a tyrosine kinase inhibitor to induction and changes transplant planning; a karyotype alone misses cryptic fusions.',
    priority: 'urgent',
    evidence: [{ source: PDQ, locator: 'This last point is of utmost importance' }],
  }),
  missingTest({
    id: 'missing-flow-cytometry',
    action: 'flow-cytometry',
    when: all(possiblyAll, any(not(atLeast('markerCount', 1)), all(isUnknown('lineage'), not(isUnknown('leukemia'))), isUnknown('subtype'))),
    data: 'Immunophenotype: lineage markers (CD19, cCD79a, CD22, CD3), TdT, CD34, surface Ig, MPO',
    impact: 'Decides ALL versus AML, B versus T lineage and precursor-B versus Burkitt, which take different regimens.',
    priority: 'urgent',
    evidence: [{ source: PDQ, locator: 'Flow cytometry should be performed to characterize expression of lineage-defining antigens' }],
  }),
  missingTest({
    id: 'missing-marrow',
    action: 'bone-marrow-aspirate-biopsy',
    when: all(possiblyAll, not(some('marrowBlasts', '>=', 0))),
    data: 'Bone marrow blast percentage (aspirate and biopsy)',
    impact: 'The 20% marrow blast rule separates ALL from lymphoblastic lymphoma and is the baseline for remission.',
    priority: 'urgent',
    evidence: [{ source: PDQ, locator: 'bone marrow biopsy and aspirate are routinely performed even in T-cell ALL' }],
  }),
  missingTest({
    id: 'missing-response-marrow',
    action: 'bone-marrow-aspirate-biopsy',
    when: any(
      all(is('status', 'on-induction'), atLeast('daysSinceInductionStart', 28), not(some('marrowBlastsSinceInduction', '>=', 0))),
      // Status undecided and no marrow since induction; with a clear marrow it is the counts that are missing.
      all(flag('treated'), isUnknown('status'), not(some('marrowBlastsSinceInduction', '>=', 0))),
    ),
    data: 'Marrow at the end of induction (response assessment)',
    impact: 'Decides remission versus refractory disease and so the next phase.',
    priority: 'urgent',
    evidence: [{ source: 'acs-treating-all', locator: 'leukemia cells are no longer found in bone marrow samples' }],
    basis: 'Induction lasts about a month; the response marrow is due at its end (facts.md §7).',
  }),
  missingTest({
    id: 'missing-lumbar-puncture',
    action: 'lumbar-puncture',
    when: all(possiblyAll, isUnknown('csfBlasts'), not(includes('extramedullary', 'cns')),
      // A palsy already shows CNS disease; an unstated palsy must not hide the missing LP.
      not(stated('cranialNervePalsy')),
      not(isOneOf('status', 'remission'))),
    data: 'CNS status: cerebrospinal fluid cytology by lumbar puncture',
    impact: 'CNS involvement turns CNS prophylaxis into CNS-directed therapy and is a risk factor.',
    priority: 'routine',
    evidence: [{ source: 'acs-treating-all', locator: 'This spread is found when the doctor does a' }],
  }),
  missingTest({
    id: 'missing-cytogenetics',
    action: 'cytogenetics',
    when: all(possiblyAll, not(cytogeneticsDone)),
    data: 'Conventional cytogenetics (karyotype)',
    impact: 'Karyotype is the strongest predictor of disease-free survival: hypodiploidy, complex karyotype, del(7) and +8 raise the risk group.',
    priority: 'routine',
    evidence: [{ source: PDQ, locator: 'Malignant cells should be sent for conventional cytogenetic studies' }],
  }),
  missingTest({
    id: 'missing-kmt2a',
    action: 'kmt2a-testing',
    when: all(possiblyAll, isUnknown('kmt2a')),
    data: 'KMT2A (MLL) rearrangement by FISH or molecular testing',
    impact: 'KMT2A rearrangement is a poor-risk factor and, in relapsed or refractory disease, makes a menin inhibitor (revumenib) an option.',
    priority: 'routine',
    evidence: [{ source: 'acs-treating-all', locator: 'Your blood or bone marrow can be tested' }],
  }),
  missingTest({
    id: 'missing-mrd',
    action: 'mrd-assessment',
    when: all(isUnknown('mrdPercent'), any(
      is('status', 'remission'),
      all(is('status', 'on-induction'), atLeast('daysSinceInductionStart', 28)),
    )),
    data: 'Minimal residual disease (flow, PCR or NGS) since induction',
    impact: 'MRD at the end of induction is the strongest predictor of relapse; MRD of 0.1% or more opens blinatumomab.',
    priority: 'routine',
    evidence: [{ source: 'acs-about-all', locator: 'detect even the smallest amount of leukemia left after treatment' }],
    basis: 'MRD as the unifying prognostic factor after induction (facts.md §7, EXT-10).',
  }),
  missingTest({
    id: 'missing-cbc',
    action: 'cbc-differential',
    when: all(possiblyAll, any(
      isUnknown('anc'), isUnknown('platelets'),
      // A clear marrow after induction with no counts since: recovery decides remission.
      all(isUnknown('status'), some('marrowBlastsSinceInduction', '<', 5), any(isUnknown('ancSinceInduction'), isUnknown('plateletsSinceInduction'))),
    )),
    data: 'Complete blood count with differential',
    impact: 'Needed for neutropenia and transfusion decisions and to confirm count recovery in remission.',
    priority: 'routine',
    evidence: [{ source: PDQ, locator: 'ranging from pancytopenia to hyperleukocytosis' }],
  }),
  missingTest({
    id: 'missing-myc',
    action: 'myc-testing',
    when: all(possiblyAll, is('lineage', 'B'), any(marker('sIg', 'positive'), is('fab', 'L3')),
      not(genetic(MYC_FINDINGS, 'detected')), not(genetic(MYC_FINDINGS, 'not-detected'))),
    data: 'MYC rearrangement: t(8;14), t(2;8), t(8;22) by FISH or karyotype',
    impact: 'Decides mature B-cell (Burkitt-type) ALL, which takes a short high-intensity regimen instead of standard induction.',
    priority: 'urgent',
    evidence: [{ source: PDQ, locator: 'MYC gene rearrangements (in Burkitt leukemia)' }],
  }),
];
