/**
 * What the disease is: lineage from the immunophenotype, ALL versus lymphoblastic lymphoma by
 * the 20% marrow blast rule, not-ALL when the blasts are myeloid, the subtype (precursor-B,
 * mature-B/Burkitt, T), Philadelphia chromosome and KMT2A status.
 */
import { all, any, atLeast, below, derive, genetic, includes, is, marker, not, reported, some } from './format.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;

/**
 * A diagnosis recorded elsewhere (FHIR Condition) decides only where the case has no
 * immunophenotype (lineage, subtype) or no marrow (leukemia) of its own.
 */
const noImmunophenotype = not(atLeast('markerCount', 1));
const noMarrow = not(some('marrowBlasts', '>=', 0));
const recordedAll = any(
  includes('recordedDiagnoses', 'ALL'), includes('recordedDiagnoses', 'B-ALL'),
  includes('recordedDiagnoses', 'T-ALL'), includes('recordedDiagnoses', 'mature-B-ALL'),
);

/** Lineage-defining markers reported positive: CD19/cCD79a/CD22 for B, surface or cytoplasmic CD3 for T. */
const bMarker = any(reported('CD19', 'positive'), reported('cCD79a', 'positive'), reported('CD22', 'positive'));
const tMarker = any(reported('CD3', 'positive'), reported('cCD3', 'positive'));
const noLymphoidMarkerPositive = not(any(bMarker, tMarker));
/** Both primary lineage markers tested and negative, nothing else lymphoid positive. */
const lymphoidExcluded = all(
  marker('CD19', 'negative'), any(marker('CD3', 'negative'), marker('cCD3', 'negative')),
  noLymphoidMarkerPositive,
);
const lymphoid = any(is('lineage', 'B'), is('lineage', 'T'));

export const lineage = derive({
  fact: 'lineage',
  derivations: [
    {
      id: 'dx-recorded-lineage-b',
      value: 'B',
      when: all(noImmunophenotype, any(includes('recordedDiagnoses', 'B-ALL'), includes('recordedDiagnoses', 'mature-B-ALL'))),
      reason: 'No immunophenotype in the case; the recorded diagnosis is B-cell ALL.',
      evidence: [{ source: PDQ, locator: 'Precursor B-cell ALL cells typically express CD10, CD19, and CD34' }],
    },
    {
      id: 'dx-recorded-lineage-t',
      value: 'T',
      when: all(noImmunophenotype, includes('recordedDiagnoses', 'T-ALL')),
      reason: 'No immunophenotype in the case; the recorded diagnosis is T-cell ALL.',
      evidence: [{ source: PDQ, locator: 'precursor T-cell ALL cells commonly express CD2, CD3, CD7, CD34, and TdT' }],
    },
    {
      id: 'dx-lineage-mixed',
      value: 'unknown',
      when: all(bMarker, tMarker),
      reason: 'Both B-lineage (CD19/cCD79a/CD22) and T-lineage (CD3) markers are positive: a mixed phenotype needs hematopathology review.',
      evidence: [{ source: PDQ, locator: 'Diagnostic confusion with AML, hairy cell leukemia, and malignant lymphoma' }],
    },
    {
      id: 'dx-lineage-t',
      value: 'T',
      when: tMarker,
      reason: 'CD3 (surface or cytoplasmic) is positive: T lineage.',
      evidence: [{ source: PDQ, locator: 'precursor T-cell ALL cells commonly express CD2, CD3, CD7, CD34, and TdT' }],
      basis: 'CD3 as the T-lineage-defining marker: facts.md §3.1 (EXT-22).',
    },
    {
      id: 'dx-lineage-b',
      value: 'B',
      when: bMarker,
      reason: 'B-lineage markers (CD19, cCD79a or CD22) are positive: B lineage.',
      evidence: [{ source: PDQ, locator: 'Precursor B-cell ALL cells typically express CD10, CD19, and CD34' }],
      basis: 'cCD79a and CD22 as B-lineage markers beside CD19: facts.md §3.1 (EXT-21).',
    },
  ],
  otherwise: 'unknown',
  otherwiseReason: 'No lineage-defining marker (CD19, cCD79a, CD22, CD3) is positive: lineage unknown.',
});

export const leukemia = derive({
  fact: 'leukemia',
  derivations: [
    {
      id: 'dx-recorded-not-all',
      value: 'not-ALL',
      when: all(noImmunophenotype, noMarrow, not(recordedAll),
        any(includes('recordedDiagnoses', 'other-leukemia'), includes('recordedDiagnoses', 'other-cancer'))),
      reason: 'No marrow or immunophenotype in the case, and the recorded diagnosis is another cancer: not ALL.',
      evidence: [{ source: PDQ, locator: 'Proper diagnosis is crucial because of the difference in prognosis' }],
    },
    {
      id: 'dx-recorded-all',
      value: 'ALL',
      when: all(noImmunophenotype, recordedAll),
      reason: 'No marrow or immunophenotype in the case; the recorded diagnosis is acute lymphoblastic leukemia.',
      evidence: [{ source: 'acs-about-all', locator: 'at least 20% of the bone marrow is made up' }],
      basis: 'A diagnosis recorded elsewhere (e.g. a FHIR Condition) stands in for the marrow and markers the case lacks.',
    },
    {
      id: 'dx-not-all-mpo',
      value: 'not-ALL',
      when: all(marker('MPO', 'positive'), noLymphoidMarkerPositive),
      reason: 'The blasts express myeloperoxidase and no lymphoid-defining marker: a myeloid leukemia, not ALL.',
      evidence: [{ source: PDQ, locator: 'do not express myeloperoxidase include M0 AML, M7 AML, and ALL' }],
    },
    {
      id: 'dx-not-all-myeloid-markers',
      value: 'not-ALL',
      when: all(any(marker('CD13', 'positive'), marker('CD33', 'positive')), lymphoidExcluded),
      reason: 'Myeloid markers (CD13/CD33) with CD19 and CD3 negative: not ALL.',
      evidence: [{ source: PDQ, locator: 'Proper diagnosis is crucial because of the difference in prognosis' }],
    },
    {
      id: 'dx-mixed-phenotype-mpo',
      value: 'unknown',
      when: all(reported('MPO', 'positive'), lymphoid),
      reason: 'The blasts express myeloperoxidase together with {lineage}-lineage markers: possible mixed-phenotype acute leukemia, which this guidance does not cover; hematopathology review needed.',
      evidence: [{ source: PDQ, locator: 'Proper diagnosis is crucial because of the difference in prognosis' }],
      basis: 'WHO classifies MPO-positive blasts with B- or T-lineage markers as mixed-phenotype acute leukemia (outside the sources).',
    },
    {
      id: 'dx-all-marrow-20',
      value: 'ALL',
      when: all(lymphoid, some('marrowBlasts', '>=', 20)),
      reason: '{lineage}-lineage lymphoblasts with a marrow of 20% blasts or more (marrow blasts on record: {marrowBlasts}%): acute lymphoblastic leukemia.',
      evidence: [{ source: 'acs-about-all', locator: 'at least 20% of the bone marrow is made up' }],
      basis: 'The 20% convention (ACS); WHO 2017 and some trials use 25% (facts.md §3.2).',
    },
    {
      id: 'dx-lymphoblastic-lymphoma',
      value: 'lymphoblastic-lymphoma',
      when: all(
        lymphoid, below('diagnosticMarrowBlasts', 20), not(some('marrowBlasts', '>=', 20)),
        any(includes('extramedullary', 'lymph-nodes'), includes('extramedullary', 'mediastinum')),
      ),
      reason: 'Lymphoblasts are below 20% of the marrow ({diagnosticMarrowBlasts}%) with nodal or mediastinal disease: lymphoblastic lymphoma.',
      evidence: [{ source: 'acs-about-all', locator: 'lymphomas mainly affect the lymph nodes or other organs' }],
    },
  ],
  otherwise: 'unknown',
  otherwiseReason: 'The marrow blast percentage or the lineage is not known, so ALL cannot be confirmed or excluded.',
});

const mycTranslocation = genetic(['MYC-rearrangement', 't(8;14)', 't(2;8)', 't(8;22)'], 'detected');
const precursorMarker = any(marker('TdT', 'positive'), marker('CD34', 'positive'));

export const subtype = derive({
  fact: 'subtype',
  derivations: [
    {
      id: 'dx-recorded-burkitt',
      value: 'mature-B-burkitt',
      when: all(noImmunophenotype, includes('recordedDiagnoses', 'mature-B-ALL')),
      reason: 'No immunophenotype in the case; the recorded diagnosis is mature B-cell (Burkitt) leukemia.',
      evidence: [{ source: PDQ, locator: 'specifically identify these cases prospectively by their L3 morphology' }],
    },
    {
      id: 'dx-recorded-precursor-b',
      value: 'precursor-B',
      when: all(noImmunophenotype, includes('recordedDiagnoses', 'B-ALL')),
      reason: 'No immunophenotype in the case; the recorded diagnosis is B-lymphoblastic leukemia.',
      evidence: [{ source: PDQ, locator: 'Precursor B-cell ALL cells typically express CD10, CD19, and CD34' }],
    },
    {
      id: 'dx-subtype-t',
      value: 'T',
      when: is('lineage', 'T'),
      reason: 'T-lineage ALL.',
      evidence: [{ source: PDQ, locator: 'precursor T-cell ALL cells commonly express CD2, CD3, CD7, CD34, and TdT' }],
    },
    {
      id: 'dx-subtype-burkitt',
      value: 'mature-B-burkitt',
      // The PDQ criteria are L3 morphology, absent TdT and surface Ig; CD34 is not among them, so
      // CD34 positive excludes Burkitt but a panel that does not report CD34 does not block it.
      when: all(
        is('lineage', 'B'), not(marker('TdT', 'positive')), not(reported('CD34', 'positive')),
        any(marker('sIg', 'positive'), marker('TdT', 'negative')),
        is('fab', 'L3'), mycTranslocation,
      ),
      reason: 'Mature B-cell (Burkitt) ALL: surface immunoglobulin or absent TdT, L3 morphology and a MYC translocation.',
      evidence: [{ source: PDQ, locator: 'specifically identify these cases prospectively by their L3 morphology' }],
      basis: 'MYC partners t(8;14), t(2;8), t(8;22): facts.md §3.4.',
    },
    {
      id: 'dx-subtype-mature-b-incomplete',
      value: 'unknown',
      when: all(
        is('lineage', 'B'), not(marker('TdT', 'positive')), not(reported('CD34', 'positive')),
        any(marker('sIg', 'positive'), marker('TdT', 'negative')),
        any(is('fab', 'L3'), mycTranslocation),
      ),
      reason: 'Mature B-cell features with only one of L3 morphology and a MYC translocation: the Burkitt-type regimen helped L3 disease with the typical translocations, not surface-Ig-positive L1/L2 disease or L3 with unusual cytogenetics. MYC testing and morphology review are needed.',
      evidence: [{ source: PDQ, locator: 'Patients with surface immunoglobulin and L1 or L2 morphology did not benefit' }],
    },
    {
      id: 'dx-subtype-precursor-b',
      value: 'precursor-B',
      when: all(is('lineage', 'B'), precursorMarker),
      reason: 'B lineage with a precursor marker (TdT or CD34): precursor B-cell ALL.',
      evidence: [{ source: PDQ, locator: 'along with nuclear terminal deoxynucleotide transferase (TdT)' }],
    },
    {
      id: 'dx-subtype-precursor-b-sig-negative',
      value: 'precursor-B',
      when: all(is('lineage', 'B'), marker('sIg', 'negative'), not(mycTranslocation), not(is('fab', 'L3'))),
      reason: 'B lineage without surface immunoglobulin, L3 morphology or MYC translocation: precursor B-cell ALL.',
      evidence: [{ source: PDQ, locator: 'Precursor B-cell ALL cells typically express CD10, CD19, and CD34' }],
    },
  ],
  otherwise: 'unknown',
  otherwiseReason: 'Precursor versus mature B cannot be told apart: TdT, CD34, surface immunoglobulin or morphology are needed.',
});

const MOLECULAR = ['FISH', 'RT-PCR', 'NGS', 'PFGE'] as const;
const phFindings = ['BCR::ABL1', 't(9;22)'] as const;

export const philadelphia = derive({
  fact: 'philadelphia',
  derivations: [
    {
      id: 'dx-ph-positive',
      value: 'positive',
      when: genetic(phFindings, 'detected'),
      reason: 'BCR::ABL1 or t(9;22) is detected: Philadelphia chromosome-positive.',
      evidence: [{ source: PDQ, locator: 'molecular evidence of the BCR::ABL fusion gene, which characterizes the Ph' }],
    },
    {
      id: 'dx-ph-negative-molecular',
      value: 'negative',
      when: genetic(phFindings, 'not-detected', MOLECULAR),
      reason: 'BCR::ABL1 is not detected by a molecular method (FISH or RT-PCR): Philadelphia-negative.',
      evidence: [{ source: PDQ, locator: 'may be detectable only by fluorescence in situ hybridization (FISH)' }],
    },
    {
      id: 'dx-ph-negative-t-karyotype',
      value: 'negative',
      when: all(is('lineage', 'T'), genetic(phFindings, 'not-detected')),
      reason: 'T-lineage ALL without t(9;22) on the karyotype: Philadelphia-negative.',
      evidence: [{ source: PDQ, locator: 'These tests should be performed, whenever possible, in patients with ALL' }],
      basis: 'The PDQ asks for FISH/RT-PCR "especially" in B-lineage disease; a karyotype is accepted for T-lineage.',
    },
  ],
  otherwise: 'unknown',
  otherwiseReason: 'No molecular BCR::ABL1 result: a karyotype alone misses cryptic BCR::ABL1 fusions, so Ph status is unknown.',
});

export const kmt2a = derive({
  fact: 'kmt2a',
  derivations: [
    {
      id: 'dx-kmt2a-rearranged',
      value: 'rearranged',
      when: genetic(['KMT2A-rearrangement', 't(4;11)'], 'detected'),
      reason: 'KMT2A (MLL) rearrangement or t(4;11) is detected.',
      evidence: [{ source: PDQ, locator: 'characterized by rearrangements of the MLL gene' }],
    },
    {
      id: 'dx-kmt2a-not-detected',
      value: 'not-detected',
      when: genetic(['KMT2A-rearrangement'], 'not-detected', MOLECULAR),
      reason: 'No KMT2A rearrangement by FISH or a molecular method.',
      evidence: [{ source: PDQ, locator: 'may be rearranged despite normal cytogenetics' }],
      basis: 'Because KMT2A may be rearranged despite a normal karyotype, only FISH or a molecular test rules it out.',
    },
  ],
  otherwise: 'unknown',
  otherwiseReason: 'KMT2A has not been tested by FISH or a molecular method.',
});

/** In the order the engine derives them: each may read the ones before. */
export const DIAGNOSIS = [lineage, leukemia, subtype, philadelphia, kmt2a] as const;
