/**
 * The shape of the demo cohort: how often each kind of adult ALL occurs, as the sources give it.
 * These are frequencies for synthetic data, not knowledge: nothing here is read by the engine.
 */

/**
 * Immunologic subtype (PDQ Table 1, facts.md §3.1 and §10): early B-cell lineage 80%, T cells
 * 10%–15%, B cells with surface immunoglobulins (Burkitt) under 5%. The weights fill 100% with
 * the middle of each range.
 */
export const SUBTYPE_MIX = { 'precursor-B': 0.845, T: 0.125, 'mature-B-burkitt': 0.03 } as const;
export type DemoSubtype = keyof typeof SUBTYPE_MIX;

/**
 * Philadelphia chromosome: about 20% of adults (PDQ) to about 1 in 4 (ACS), facts.md §3.5 and
 * §10, essentially all in B-precursor disease. 29% of precursor B cases is about 24.5% of adults.
 */
export const PH_IN_PRECURSOR_B = 0.29;

/** Share of cases whose BCR::ABL1 was not tested by a molecular method (result pending, not sent). */
export const BCR_ABL1_UNTESTED = 0.1;

/** KMT2A rearranged among Ph-negative precursor B cases (facts.md §3.6: a poor-risk minority). */
export const KMT2A_IN_PH_NEGATIVE_B = 0.08;

/**
 * Where each patient stands on the demo date. Not from a source: a clinic's registry with
 * patients at every step, most of them in remission (facts.md §10: CR after induction 60–90%,
 * about half of CR patients relapse).
 */
export const STAGE_MIX = {
  untreated: 0.16,
  'on-induction': 0.14,
  consolidation: 0.16,
  maintenance: 0.17,
  'follow-up': 0.14,
  relapse: 0.15,
  refractory: 0.08,
} as const;
export type DemoStage = keyof typeof STAGE_MIX;

/** Age bands (ALL rises again after 50, facts.md §10 "age pattern"); ages run from 18 to 80. */
export const AGE_BANDS = {
  young: { min: 18, max: 39, weight: 0.45 },
  middle: { min: 40, max: 59, weight: 0.27 },
  older: { min: 60, max: 80, weight: 0.28 },
} as const;
