/**
 * Toxicity watch: each drug being given brings its own serious effects to monitor. A symptom in
 * the case that matches a serious effect of a current drug raises that alert to critical.
 * CAR-T effects (CRS, ICANS) are watched for 28 days after the infusion. Monitoring labs (ECG,
 * potassium, liver tests) count only when taken within the last 7 days.
 */
import type { Symptom } from '../contract/index.js';
import type { ActionRule, Condition } from './format.js';
import { above, alert, all, any, atLeast, atMost, includes, is, isUnknown, missingTest, recommendation } from './format.js';
import { fever, hasAll, inRemission, onTki } from './patient-groups.js';

const ACS = 'acs-treating-all' as const;
const PDQ = 'pdq-adult-all-treatment-hp' as const;

const on = (agent: Parameters<typeof includes<'currentAgents'>>[1]) => includes('currentAgents', agent);
const anySymptom = (...symptoms: Symptom[]): Condition => any(...symptoms.map((s) => includes('symptoms', s)));
/** 28 days: the window in which CRS and ICANS occur and patients stay near the treating center. */
const afterCarT = atMost('daysSinceCarT', 28);
const crsSigns = any(fever, anySymptom('fever', 'chills', 'dyspnea', 'hypotension', 'dizziness'));
/** Tremor alone is common and mild on blinatumomab and after CAR-T; these signs are not. */
const neuroSigns = anySymptom('confusion', 'seizures', 'speech-problems', 'balance-problems');
/** 7 days: weekly monitoring labs; an older value neither reassures nor escalates. */
const MONITORING_DAYS = 7;
type DatedLab = 'qtc' | 'potassium' | 'alt' | 'bilirubin';
const recent = (lab: DatedLab) => atMost(`${lab}AgeDays`, MONITORING_DAYS);
const notRecent = (lab: DatedLab) => any(isUnknown(lab), above(`${lab}AgeDays`, MONITORING_DAYS));

export const TOXICITY: readonly ActionRule[] = [
  alert({
    id: 'alert-vincristine-neuropathy',
    action: 'monitor-neuropathy',
    severity: 'info',
    when: on('vincristine'),
    message: 'Vincristine: check for neuropathy (numbness, tingling, weakness in hands or feet; constipation) at each dose.',
    lay: 'Vincristine can affect nerves: tell the team about numbness, tingling or weakness in the hands or feet.',
    evidence: [{ source: ACS, locator: 'Vincristine can damage nerves, which can lead to numbness, tingling' }],
  }),
  alert({
    id: 'alert-cytarabine-cerebellar',
    action: 'monitor-cerebellar-toxicity',
    severity: 'info',
    when: on('cytarabine'),
    escalate: { when: anySymptom('balance-problems', 'tremor', 'speech-problems'), why: 'Balance, tremor or speech problems on cytarabine: possible cerebellar toxicity; hold high-dose cytarabine and assess.' },
    message: 'Cytarabine (especially high dose): check coordination, balance and speech before each dose; eye dryness (steroid eye drops).',
    lay: 'High doses of cytarabine can affect balance and coordination and dry the eyes: report any unsteadiness.',
    evidence: [{ source: ACS, locator: 'especially when used at high doses, can cause dryness in the eyes' }],
  }),
  alert({
    id: 'alert-tki-liver',
    action: 'monitor-liver-enzymes',
    severity: 'info',
    when: onTki,
    escalate: { when: all(above('alt', 200), recent('alt')), why: 'ALT {alt} U/L (above 5 × ULN): interrupt the TKI or reduce its dose.' },
    message: 'Tyrosine kinase inhibitor: monitor liver enzymes (nausea and liver enzyme abnormalities often need interruption or dose reduction); also fluid retention and early cytopenias.',
    lay: 'The targeted pill can affect the liver and cause nausea or swelling; regular blood tests check for this.',
    evidence: [
      { source: PDQ, locator: 'common toxicities were nausea and liver enzyme abnormalities' },
      { source: ACS, locator: 'include diarrhea, nausea, muscle pain, fatigue, and skin rashes' },
    ],
    basis: 'ALT > 200 U/L taken as > 5 × ULN (ULN about 40 U/L); ponatinib carries hepatotoxicity and vascular boxed warnings (EXT-61).',
  }),
  missingTest({
    id: 'missing-liver-tests-on-tki-or-inotuzumab',
    action: 'liver-function-tests',
    when: all(any(onTki, on('inotuzumab-ozogamicin')), any(notRecent('alt'), notRecent('bilirubin'))),
    data: 'Liver function tests (ALT, bilirubin) from the last 7 days',
    impact: 'Needed to watch TKI hepatotoxicity and inotuzumab veno-occlusive disease.',
    priority: 'routine',
    evidence: [{ source: PDQ, locator: 'common toxicities were nausea and liver enzyme abnormalities' }],
  }),
  alert({
    id: 'alert-blinatumomab-crs',
    action: 'monitor-crs',
    severity: 'warning',
    when: on('blinatumomab'),
    escalate: { when: crsSigns, why: 'Fever, chills, breathlessness or low blood pressure on blinatumomab: possible cytokine release syndrome.' },
    message: 'Blinatumomab: watch for cytokine release syndrome, especially at the start of the first 2 cycles (given in hospital or clinic).',
    lay: 'Blinatumomab can cause a strong immune reaction with fever and low blood pressure, most often early on, which is why the first days are spent in hospital.',
    evidence: [
      { source: ACS, locator: 'treated in a hospital or clinic for the beginning' },
      { source: ACS, locator: 'are fever, headache, swelling of the feet and hands' },
    ],
  }),
  alert({
    id: 'alert-blinatumomab-neurotoxicity',
    action: 'monitor-neurotoxicity',
    severity: 'warning',
    when: on('blinatumomab'),
    escalate: { when: neuroSigns, why: 'Confusion, seizures, speech or balance problems on blinatumomab: neurotoxicity; interrupt the infusion and assess.' },
    message: 'Blinatumomab: check for neurotoxicity (seizures, speech problems, confusion, loss of balance) during the infusion; no driving.',
    lay: 'Blinatumomab can affect the nervous system: report confusion, trouble speaking, shaking or fits straight away.',
    evidence: [{ source: ACS, locator: 'This drug can also cause' }],
  }),
  alert({
    id: 'alert-blinatumomab-infusion-reaction',
    action: 'monitor-infusion-reaction',
    severity: 'info',
    when: on('blinatumomab'),
    escalate: { when: anySymptom('dyspnea', 'hypotension', 'chills'), why: 'Breathlessness, chills or low blood pressure during the infusion: possible serious infusion reaction.' },
    message: 'Blinatumomab: watch for infusion reactions (dizziness, headache, fever or chills, shortness of breath, wheezing).',
    lay: 'Tell the team at once about dizziness, chills or trouble breathing during the drip.',
    evidence: [{ source: ACS, locator: 'Some people have serious' }],
  }),
  alert({
    id: 'alert-inotuzumab-vod',
    action: 'monitor-hepatotoxicity-vod',
    severity: 'warning',
    when: on('inotuzumab-ozogamicin'),
    escalate: { when: any(all(atLeast('bilirubin', 2), recent('bilirubin')), anySymptom('abdominal-swelling')), why: 'Rising bilirubin ({bilirubin} mg/dL) or abdominal swelling on inotuzumab: possible veno-occlusive disease.' },
    message: 'Inotuzumab ozogamicin: monitor liver tests and weight for hepatotoxicity and veno-occlusive disease, especially if a transplant follows.',
    lay: 'This drug can seriously damage the liver; blood tests and weight are checked, and pain or swelling of the belly should be reported.',
    evidence: [{ source: ACS, locator: 'Severe liver damage, including veno-occlusive disease' }],
    basis: 'Bilirubin ≥ 2 mg/dL as the VOD warning sign (boxed warning; EXT-66).',
  }),
  alert({
    id: 'alert-car-t-crs',
    action: 'monitor-crs',
    severity: 'warning',
    when: afterCarT,
    escalate: { when: crsSigns, why: 'Fever, chills, breathlessness or low blood pressure {daysSinceCarT} days after CAR-T: possible cytokine release syndrome.' },
    message: 'CAR-T given {daysSinceCarT} days ago: watch for cytokine release syndrome (high fever, chills, breathlessness, low blood pressure).',
    lay: 'In the weeks after CAR T-cell therapy, a strong immune reaction can cause high fever and low blood pressure; report fever at once.',
    evidence: [{ source: ACS, locator: 'This can happen within a few days to weeks after treatment' }],
    basis: '28-day monitoring window after infusion (product REMS; EXT-46).',
  }),
  alert({
    id: 'alert-car-t-neurotoxicity',
    action: 'monitor-neurotoxicity',
    severity: 'warning',
    when: afterCarT,
    escalate: { when: neuroSigns, why: 'Confusion, seizures, speech or balance problems after CAR-T: possible ICANS.' },
    message: 'CAR-T given {daysSinceCarT} days ago: check for immune effector cell-associated neurotoxicity (headache, confusion, seizures, tremor, trouble speaking).',
    lay: 'CAR T-cell therapy can affect the brain for a while: report confusion, trouble speaking or shaking straight away.',
    evidence: [{ source: ACS, locator: 'immune effector cell-associated neurotoxicity syndrome (ICANS)' }],
  }),
  alert({
    id: 'alert-revumenib-qtc',
    action: 'monitor-qtc',
    severity: 'warning',
    when: on('revumenib'),
    escalate: { when: all(above('qtc', 500), recent('qtc')), why: 'QTc {qtc} ms (above 500): hold revumenib, correct potassium and magnesium.' },
    message: 'Revumenib: ECG and electrolytes before and during treatment for QTc prolongation (latest QTc {qtc} ms, potassium {potassium} mmol/L).',
    lay: 'Revumenib can cause dangerous heart rhythm problems; heart tracings (ECGs) and blood salts are checked before and during treatment.',
    evidence: [{ source: ACS, locator: 'get electrocardiograms (EKGs) to test your heart rhythm before and during' }],
    basis: 'QTc > 500 ms as the hold threshold (label; exact thresholds not retrieved, facts.md §9).',
  }),
  missingTest({
    id: 'missing-ecg-on-revumenib',
    action: 'ecg-qtc',
    when: all(on('revumenib'), notRecent('qtc')),
    data: 'ECG with QTc from the last 7 days',
    impact: 'Revumenib prolongs the QTc; an ECG is needed before and during treatment.',
    priority: 'urgent',
    evidence: [{ source: ACS, locator: 'get electrocardiograms (EKGs) to test your heart rhythm before and during' }],
  }),
  missingTest({
    id: 'missing-electrolytes-on-revumenib',
    action: 'electrolytes',
    when: all(on('revumenib'), notRecent('potassium')),
    data: 'Electrolytes (potassium, magnesium) from the last 7 days',
    impact: 'Low potassium or magnesium adds to revumenib QTc prolongation.',
    priority: 'urgent',
    evidence: [{ source: ACS, locator: 'Your doctor will check your blood mineral levels' }],
  }),
  alert({
    id: 'alert-revumenib-differentiation',
    action: 'monitor-differentiation-syndrome',
    severity: 'warning',
    when: on('revumenib'),
    escalate: {
      when: any(fever, anySymptom('dyspnea', 'swelling', 'cough', 'hypotension', 'fever')),
      why: 'Fever, breathlessness, swelling or low blood pressure on revumenib: possible differentiation syndrome; start corticosteroids and hemodynamic monitoring now.',
    },
    message: 'Revumenib: watch for differentiation syndrome (fever, breathing problems, swelling, low blood pressure, reduced urine), most often soon after starting.',
    lay: 'Revumenib can cause a serious reaction with fever, breathing trouble and swelling; report these straight away.',
    evidence: [{ source: ACS, locator: 'An important possible side effect of this drug is' }],
    basis: 'Corticosteroids and hemodynamic monitoring at first suspicion (boxed warning; EXT-68).',
  }),
  alert({
    id: 'alert-nelarabine-neurotoxicity',
    action: 'monitor-neurotoxicity',
    severity: 'warning',
    when: on('nelarabine'),
    escalate: { when: any(neuroSigns, anySymptom('numbness-tingling')), why: 'Neurologic symptoms on nelarabine: stop for grade 2 or worse neurotoxicity.' },
    message: 'Nelarabine: dose-limiting neurotoxicity (somnolence, neuropathy, seizures); examine before each dose.',
    lay: 'Nelarabine can affect the nerves and brain: report sleepiness, numbness, weakness or confusion.',
    evidence: [{ source: ACS, locator: 'the chemo drug nelarabine (Arranon) may be helpful' }],
    basis: 'Neurotoxicity and discontinuation at grade ≥ 2: label (facts.md §9, EXT-55).',
  }),
  missingTest({
    id: 'missing-electrolytes-on-blinatumomab',
    action: 'electrolytes',
    when: all(on('blinatumomab'), notRecent('potassium')),
    data: 'Potassium from the last 7 days',
    impact: 'Blinatumomab commonly lowers blood potassium.',
    priority: 'routine',
    evidence: [{ source: ACS, locator: 'constipation, and low blood potassium levels' }],
  }),
  alert({
    id: 'alert-inotuzumab-infusion-reaction',
    action: 'monitor-infusion-reaction',
    severity: 'info',
    when: on('inotuzumab-ozogamicin'),
    escalate: { when: anySymptom('dyspnea', 'hypotension', 'chills'), why: 'Breathlessness, chills or low blood pressure during the infusion: possible serious infusion reaction.' },
    message: 'Inotuzumab ozogamicin: premedicate and watch for infusion reactions.',
    lay: 'Medicines are given before each infusion to prevent a reaction; tell the team about chills, rash or trouble breathing.',
    evidence: [{ source: ACS, locator: 'Reactions during the infusion (similar to an allergic reaction)' }],
  }),
  recommendation({
    id: 'rec-monitor-blood-counts-after-car-t',
    action: 'monitor-blood-counts',
    category: 'monitoring',
    priority: 'routine',
    when: all(hasAll, atMost('daysSinceCarT', 90)),
    rationale: 'After CAR-T ({daysSinceCarT} days ago): low blood counts can last for weeks; follow counts and watch for infections.',
    lay: 'Blood counts can stay low for a while after CAR T-cell therapy, so they are checked regularly.',
    evidence: [{ source: ACS, locator: 'Low blood cell counts, which can increase the risk of infections' }],
    basis: '90-day window for prolonged cytopenias after CAR-T (clinical convention; the sources give none).',
  }),
  recommendation({
    id: 'rec-monitor-tki-counts',
    action: 'monitor-blood-counts',
    category: 'monitoring',
    priority: 'routine',
    when: all(onTki, inRemission, is('phase', 'consolidation')),
    rationale: 'TKIs lower red cell and platelet counts early in treatment: follow blood counts.',
    lay: 'The targeted pill can lower blood counts at first; regular blood tests check for this.',
    evidence: [{ source: ACS, locator: 'lower red blood cell and platelet counts at the start of treatment' }],
  }),
];
