/**
 * Condition codes → the contract's recorded diagnoses (ALL, B-ALL, T-ALL, mature-B-ALL,
 * lymphoblastic-lymphoma, other-leukemia, other-cancer). SNOMED CT codes come from the
 * terminology tables (ALL_codes_consolidated.csv, pedsnet_leukemia_lymphoma_ALL_related_snomed.csv);
 * ICD-10-CM is read by its structure (C91.0x ALL with the 5th character giving remission or relapse,
 * C83.5x lymphoblastic lymphoma with the site, C00–C96 cancers) as the mCODE value set
 * mcode-primary-malignant-neoplasm-disorder-vs lists them (mcode_icd10cm_lymphoid_leukemia_subset.csv).
 *
 * A lymphoid leukemia of unspecified type (ICD-10-CM C91.9x, C95.x; SNOMED 188725004 …) could be
 * ALL: it is neither ALL nor "other leukemia", so it is reported as unmapped rather than guessed.
 */
import type { ConditionStatus, ExtramedullarySite, RecordedDiagnosis } from '../contract/index.js';
import { ICD10CM, SNOMED, codeKey } from './systems.js';

export type DiagnosisLookup =
  | {
    readonly kind: 'mapped';
    readonly diagnosis: RecordedDiagnosis;
    /** The disease status the code itself states (ICD-10-CM x1/x2, "… in remission"). */
    readonly status?: Extract<ConditionStatus, 'remission' | 'relapse'>;
    /** An extramedullary site the code names (lymphoblastic lymphoma site, CNS, skin). */
    readonly site?: ExtramedullarySite;
  }
  | { readonly kind: 'ambiguous'; readonly why: string }
  | { readonly kind: 'unknown' };

type Mapped = Extract<DiagnosisLookup, { kind: 'mapped' }>;

const PEDSNET = 'pedsnet_leukemia_lymphoma_ALL_related_snomed.csv';
const UNSPECIFIED = 'a lymphoid leukemia of unspecified type could be ALL; not mapped';

const snomed: readonly (readonly [code: string, lookup: DiagnosisLookup, source: string])[] = [
  ['91857003', { kind: 'mapped', diagnosis: 'ALL' }, 'CSV: Acute lymphoid leukemia (PEDSnet; ModSynthea)'],
  ['91856007', { kind: 'mapped', diagnosis: 'ALL', status: 'remission' }, 'CSV: ALL in remission (PEDSnet)'],
  ['12301000132103', { kind: 'mapped', diagnosis: 'ALL', status: 'relapse' }, 'CSV: Acute lymphoid leukemia relapse (PEDSnet; ModSynthea)'],
  ['12311000132101', { kind: 'mapped', diagnosis: 'ALL' }, 'CSV: Refractory acute lymphoid leukemia (PEDSnet)'],
  ['277571004', { kind: 'mapped', diagnosis: 'B-ALL' }, 'CSV: B-cell ALL (mCODE brian-l; PEDSnet)'],
  ['277572006', { kind: 'mapped', diagnosis: 'B-ALL' }, 'CSV: Precursor B-cell ALL (PEDSnet; ModSynthea)'],
  ['277573001', { kind: 'mapped', diagnosis: 'B-ALL' }, 'CSV: Common ALL, CD10+ (PEDSnet)'],
  ['277574007', { kind: 'mapped', diagnosis: 'B-ALL' }, 'CSV: Null cell ALL (PEDSnet)'],
  ['371012000', { kind: 'mapped', diagnosis: 'B-ALL' }, `${PEDSNET}: ALL, transitional pre-B-cell`],
  ['714251006', { kind: 'mapped', diagnosis: 'B-ALL' }, 'CSV: Ph-negative precursor B-ALL (PEDSnet)'],
  ['723889003', { kind: 'mapped', diagnosis: 'B-ALL' }, 'CSV: B lymphoblastic leukemia with t(9;22) BCR::ABL1 (PEDSnet)'],
  ['425941003', { kind: 'mapped', diagnosis: 'B-ALL', status: 'remission' }, 'CSV: Precursor B-ALL in remission (PEDSnet)'],
  ['277575008', { kind: 'mapped', diagnosis: 'T-ALL' }, 'CSV: T-cell ALL (PEDSnet; ModSynthea)'],
  ['427642009', { kind: 'mapped', diagnosis: 'T-ALL', status: 'remission' }, 'CSV: T-ALL in remission (PEDSnet)'],
  ['404124002', { kind: 'mapped', diagnosis: 'T-ALL', site: 'skin' }, `${PEDSNET}: Leukemic infiltration of skin (T-cell lymphoblastic leukemia)`],
  // Ph+ ALL says nothing of the lineage; the BCR::ABL1 result belongs in genetics, from a test.
  ['425688002', { kind: 'mapped', diagnosis: 'ALL' }, 'CSV: Philadelphia chromosome-positive ALL (PEDSnet)'],
  ['61301000119102', { kind: 'mapped', diagnosis: 'ALL', site: 'cns' }, 'CSV: CNS disorder due to ALL (PEDSnet; ModSynthea)'],
  ['61291000119103', { kind: 'mapped', diagnosis: 'ALL', status: 'remission' }, 'CSV: CNS disorder due to ALL in remission (PEDSnet)'],
  ['421246008', { kind: 'mapped', diagnosis: 'lymphoblastic-lymphoma' }, 'CSV: Precursor T-cell lymphoblastic lymphoma (PEDSnet)'],
  ['404137004', { kind: 'mapped', diagnosis: 'lymphoblastic-lymphoma', site: 'skin' }, `${PEDSNET}: Precursor B-cell lymphoblastic lymphoma involving skin`],
  ['109965004', { kind: 'mapped', diagnosis: 'lymphoblastic-lymphoma' }, `${PEDSNET}: Diffuse non-Hodgkin's lymphoma, lymphoblastic`],
  ['92814006', { kind: 'mapped', diagnosis: 'other-leukemia' }, 'CSV: Chronic lymphoid leukemia (mCODE primary-cancer-condition-cll; PEDSnet)'],
  ['92813000', { kind: 'mapped', diagnosis: 'other-leukemia', status: 'remission' }, `${PEDSNET}: CLL in remission`],
  ['122961000119105', { kind: 'mapped', diagnosis: 'other-leukemia', status: 'relapse' }, `${PEDSNET}: CLL in relapse`],
  ['449108003', { kind: 'mapped', diagnosis: 'other-leukemia' }, `${PEDSNET}: Ph-positive CML`],
  ['449386007', { kind: 'mapped', diagnosis: 'other-leukemia' }, `${PEDSNET}: Ph-negative CML`],
  ['188725004', { kind: 'ambiguous', why: UNSPECIFIED }, `${PEDSNET}: Lymphoid leukemia`],
  ['188726003', { kind: 'ambiguous', why: UNSPECIFIED }, `${PEDSNET}: Subacute lymphoid leukemia`],
  ['188728002', { kind: 'ambiguous', why: UNSPECIFIED }, `${PEDSNET}: Aleukemic lymphoid leukemia`],
  ['122951000119108', { kind: 'ambiguous', why: UNSPECIFIED }, `${PEDSNET}: Lymphoid leukemia in relapse`],
  ['93169003', { kind: 'ambiguous', why: UNSPECIFIED }, `${PEDSNET}: Lymphoid leukemia in remission`],
  ['426248008', { kind: 'ambiguous', why: UNSPECIFIED }, `${PEDSNET}: Aleukemic lymphoid leukemia in remission`],
  ['426370008', { kind: 'ambiguous', why: UNSPECIFIED }, `${PEDSNET}: Subacute lymphoid leukemia in remission`],
  // Roots of the mCODE cancer value sets (is-a filters), as concepts in their own right.
  ['363346000', { kind: 'mapped', diagnosis: 'other-cancer' }, 'mCODE mcode-primary-malignant-neoplasm-disorder-vs root; mCODE primary-cancer-condition-breast'],
  ['128462008', { kind: 'mapped', diagnosis: 'other-cancer' }, 'mCODE mcode-secondary-cancer-disorder-vs root; mCODE primary-cancer-condition-nonspecific'],
];

const SNOMED_TABLE: ReadonlyMap<string, DiagnosisLookup> = new Map(snomed.map(([code, lookup]) => [codeKey(SNOMED, code), lookup]));

/** The disease status an ICD-10-CM leukemia code's 5th character states (x0 says nothing of it). */
function icdStatus(code: string): Mapped['status'] {
  if (/^C9[1-5]\.[0-9A-Z]1$/.test(code)) return 'remission';
  if (/^C9[1-5]\.[0-9A-Z]2$/.test(code)) return 'relapse';
  return undefined;
}

/** C83.5x site (5th character): 1–6 and 8 lymph nodes, 7 spleen, 9 extranodal, 0 unspecified. */
function lymphomaSite(code: string): ExtramedullarySite | undefined {
  const site = code.charAt(5);
  if ('1234568'.includes(site) && site !== '') return 'lymph-nodes';
  if (site === '7') return 'spleen';
  if (site === '9') return 'other';
  return undefined;
}

/** D-codes in mcode-primary-malignant-neoplasm-disorder-vs (myeloid and lymphoid neoplasms). */
const MCODE_D_CODES = /^(D45|D46(\.\w+)?|D47\.(02|1|3|4|9|Z1|Z9)|D49\.[67])$/;

function icd10cm(code: string): DiagnosisLookup {
  const c = code.toUpperCase();
  const withStatus = (diagnosis: RecordedDiagnosis, site?: ExtramedullarySite): DiagnosisLookup => {
    const status = icdStatus(c);
    return { kind: 'mapped', diagnosis, ...(status === undefined ? {} : { status }), ...(site === undefined ? {} : { site }) };
  };
  if (/^C91\.0/.test(c)) return withStatus('ALL');
  if (/^C91\.A/.test(c)) return withStatus('mature-B-ALL');
  if (/^C83\.5/.test(c)) return withStatus('lymphoblastic-lymphoma', lymphomaSite(c));
  if (/^C91\.9/.test(c) || /^C95(\.|$)/.test(c)) return { kind: 'ambiguous', why: UNSPECIFIED };
  if (/^C9[1-4](\.|$)/.test(c)) return withStatus('other-leukemia');
  const m = /^C(\d)([0-9A-Z])/.exec(c);
  if (m !== null && Number(m[1]) * 10 + (/\d/.test(m[2] ?? '') ? Number(m[2]) : 0) <= 96) return { kind: 'mapped', diagnosis: 'other-cancer' };
  if (MCODE_D_CODES.test(c)) return { kind: 'mapped', diagnosis: 'other-cancer' };
  return { kind: 'unknown' };
}

export function diagnosisOf(system: string | undefined, code: string | undefined): DiagnosisLookup {
  if (code === undefined) return { kind: 'unknown' };
  const key = codeKey(system, code);
  if (key.startsWith(`${ICD10CM}|`)) return icd10cm(code);
  return SNOMED_TABLE.get(key) ?? { kind: 'unknown' };
}

/** mCODE profiles that assert the Condition is a cancer (meta.profile). */
export const MCODE_CANCER_PROFILES: readonly string[] = [
  'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition',
  'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition',
];

/** mCODE CancerDiseaseStatus values saying full remission (mcode-condition-status-trend-max-vs). */
const FULL_REMISSION = new Set([codeKey(SNOMED, '550991000124107'), codeKey(SNOMED, '103338009')]);

export function isFullRemission(system: string | undefined, code: string | undefined): boolean {
  return FULL_REMISSION.has(codeKey(system, code));
}

/** Families whose onset dates the ALL diagnosis. */
export const ALL_FAMILY: readonly RecordedDiagnosis[] = ['ALL', 'B-ALL', 'T-ALL', 'mature-B-ALL'];
