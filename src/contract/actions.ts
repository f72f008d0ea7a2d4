/**
 * The action vocabulary (contract §3). Recommendations, alerts and missing tests take their
 * `action` from this one list, so a misspelt action does not compile.
 */
export const WORKUP_ACTIONS = [
  'cbc-differential', 'peripheral-smear', 'bone-marrow-aspirate-biopsy', 'flow-cytometry',
  'cytogenetics', 'bcr-abl1-testing', 'kmt2a-testing', 'myc-testing', 'lumbar-puncture',
  'mrd-assessment', 'cd19-testing', 'cd22-testing', 'hla-typing', 'ecg-qtc', 'electrolytes',
  'liver-function-tests', 'chemistry-panel', 'coagulation-tests', 'abl1-mutation-testing',
] as const;

export const THERAPY_ACTIONS = [
  'induction-chemotherapy', 'dose-reduced-induction', 'tki', 'burkitt-regimen',
  'cyclophosphamide-containing-regimen', 'cns-prophylaxis', 'cns-directed-therapy',
  'consolidation-chemotherapy', 'maintenance-chemotherapy', 'allogeneic-hsct', 'autologous-hsct',
  'reinduction-chemotherapy', 'blinatumomab', 'inotuzumab-ozogamicin', 'car-t', 'nelarabine',
  'revumenib', 'palliative-radiation', 'clinical-trial', 'palliative-care',
] as const;

export const SUPPORTIVE_ACTIONS = [
  'empiric-broad-spectrum-antibiotics', 'prophylactic-antibiotics',
  'antifungal-antiviral-prophylaxis', 'rbc-transfusion', 'platelet-transfusion',
  'avoid-donor-transfusion', 'myeloid-growth-factor', 'infection-precautions',
  'monitor-neuropathy', 'monitor-cerebellar-toxicity', 'monitor-crs', 'monitor-neurotoxicity',
  'monitor-hepatotoxicity-vod', 'monitor-qtc', 'monitor-differentiation-syndrome',
  'monitor-infusion-reaction', 'monitor-liver-enzymes', 'monitor-blood-counts',
  'tumor-lysis-prophylaxis', 'late-effects-follow-up',
  // Added by allpath (docs/contract.md): antiemetics are in the sources but not in §3.
  'antiemetic-prophylaxis',
] as const;

export const SCOPE_ACTIONS = ['pediatric-guidance', 'experienced-center-referral'] as const;

export const ACTION_IDS = [
  ...WORKUP_ACTIONS, ...THERAPY_ACTIONS, ...SUPPORTIVE_ACTIONS, ...SCOPE_ACTIONS,
] as const;
export type ActionId = (typeof ACTION_IDS)[number];
