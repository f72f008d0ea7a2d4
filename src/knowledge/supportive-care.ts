/**
 * Supportive care. Acute alerts rest on recent values only: a count older than 3 days (72 hours
 * before asOf) raises nothing and asks for a repeat blood count instead. Temperature and symptoms
 * are the patient on asOf (contract: findings describe the patient as examined on asOf).
 */
import { GROWTH_FACTOR_AGENTS } from '../contract/index.js';
import type { ActionRule } from './format.js';
import {
  above, alert, all, any, atLeast, atMost, below, flag, includes, is, isOneOf, isUnknown, missingTest, recommendation,
} from './format.js';
import { fever, hasAll, newlyDiagnosed, onTherapy, untreated } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;
const ACS = 'acs-treating-all' as const;

/** 72 hours: older counts cannot support an acute decision. */
const RECENT_DAYS = 3;
const recentAnc = atMost('ancAgeDays', RECENT_DAYS);
const staleAnc = any(isUnknown('anc'), above('ancAgeDays', RECENT_DAYS));
/** Active bleeding; petechiae alone (minor bleeding) do not raise the platelet threshold to 50. */
const bleeding = includes('symptoms', 'bleeding');
/** Intensive chemotherapy under way: ANC below 100/µL is then expected to last 2 weeks or more. */
const intensiveChemotherapy = any(
  is('status', 'on-induction'),
  all(isOneOf('lastPhaseKind', 'induction', 'reinduction', 'consolidation'), flag('lastPhaseOngoing')),
);
const profoundNeutropenia = all(below('anc', 0.1), recentAnc, intensiveChemotherapy);

export const SUPPORTIVE_CARE: readonly ActionRule[] = [
  alert({
    id: 'alert-febrile-neutropenia',
    action: 'empiric-broad-spectrum-antibiotics',
    severity: 'critical',
    when: all(fever, below('anc', 0.5), recentAnc),
    message: 'Febrile neutropenia: temperature {temperatureC} °C with ANC {anc} × 10⁹/L (below 0.5, measured {ancAgeDays} day(s) ago). Start empiric broad-spectrum antibiotics now, after cultures.',
    lay: 'Fever with very low infection-fighting white cells is an emergency: antibiotics through a vein are needed right away.',
    evidence: [{ source: PDQ, locator: 'Empiric broad-spectrum antimicrobial therapy is an absolute necessity for febrile patients' }],
    basis: 'Fever ≥ 38.0 °C and ANC < 500/µL (IDSA; facts.md §8, EXT-59); counts within 72 hours of asOf.',
  }),
  missingTest({
    id: 'missing-cbc-repeat',
    action: 'cbc-differential',
    when: any(
      all(fever, staleAnc),
      all(below('hemoglobin', 7), above('hemoglobinAgeDays', RECENT_DAYS)),
      all(below('platelets', 10), above('plateletsAgeDays', RECENT_DAYS)),
    ),
    data: 'A blood count from the last 72 hours',
    impact: 'Fever or low counts on record, but no count recent enough to decide antibiotics or transfusion: repeat the blood count now.',
    priority: 'urgent',
    evidence: [{ source: PDQ, locator: 'patients must be closely monitored during remission induction treatment' }],
    basis: '72-hour window for acute decisions (clinical convention; the sources give none).',
  }),
  alert({
    id: 'alert-prophylactic-antibiotics',
    action: 'prophylactic-antibiotics',
    severity: 'warning',
    when: profoundNeutropenia,
    message: 'ANC {anc} × 10⁹/L (below 0.1) during intensive chemotherapy: profound neutropenia expected to last 2 weeks or more; consider prophylactic oral antibiotics and surveillance cultures.',
    lay: 'The infection-fighting white cells are extremely low and will stay low for a while, so antibiotics to prevent infection may be given.',
    evidence: [{ source: PDQ, locator: 'expected prolonged, profound granulocytopenia (<100/mm3 for 2 weeks)' }],
  }),
  alert({
    id: 'alert-antifungal-antiviral-prophylaxis',
    action: 'antifungal-antiviral-prophylaxis',
    severity: 'warning',
    when: profoundNeutropenia,
    message: 'Profound neutropenia during intensive chemotherapy: consider antifungal and antiviral prophylaxis.',
    lay: 'Medicines that prevent fungal and viral infections may be given while the white cells are very low.',
    evidence: [{ source: ACS, locator: 'drugs that help prevent fungal and viral infections' }],
  }),
  alert({
    id: 'alert-rbc-transfusion',
    action: 'rbc-transfusion',
    severity: 'warning',
    when: all(below('hemoglobin', 7), atMost('hemoglobinAgeDays', RECENT_DAYS)),
    escalate: { when: any(includes('symptoms', 'dyspnea'), includes('symptoms', 'dizziness')), why: 'Symptomatic anemia (shortness of breath or dizziness): transfuse promptly.' },
    message: 'Hemoglobin {hemoglobin} g/dL (below 7): red blood cell transfusion.',
    lay: 'The red blood cell count is low, which causes tiredness and breathlessness; a blood transfusion can help.',
    evidence: [
      { source: PDQ, locator: 'red blood cell and platelet transfusions, when appropriate' },
      { source: ACS, locator: 'may be treated with drugs or with red blood cell transfusions' },
    ],
    basis: 'Restrictive threshold of 7 g/dL (AABB 2023 guideline; the sources give none).',
  }),
  alert({
    id: 'alert-platelet-transfusion',
    action: 'platelet-transfusion',
    severity: 'warning',
    when: any(
      all(below('platelets', 10), atMost('plateletsAgeDays', RECENT_DAYS)),
      all(below('platelets', 50), atMost('plateletsAgeDays', RECENT_DAYS), bleeding),
    ),
    escalate: { when: bleeding, why: 'Active bleeding: transfuse platelets now.' },
    message: 'Platelets {platelets} × 10⁹/L (below 10, or below 50 with bleeding): platelet transfusion.',
    lay: 'The platelet count is very low, which raises the risk of bleeding; a platelet transfusion helps prevent or stop it.',
    evidence: [
      { source: PDQ, locator: 'red blood cell and platelet transfusions, when appropriate' },
      { source: ACS, locator: 'platelet transfusions to help protect against bleeding' },
    ],
    basis: 'Prophylactic threshold 10 × 10⁹/L, 50 × 10⁹/L with bleeding (AABB 2015 guideline; the sources give none).',
  }),
  recommendation({
    id: 'rec-infection-precautions',
    action: 'infection-precautions',
    category: 'supportive',
    priority: 'routine',
    when: any(newlyDiagnosed, onTherapy),
    rationale: 'Teach personal hygiene, dental care and the early signs of infection; elaborate isolation is not routine outside transplant.',
    lay: 'Careful hand washing, mouth care and knowing the early signs of infection (such as fever) help prevent serious infections.',
    evidence: [{ source: PDQ, locator: 'Careful instruction in personal hygiene and dental care' }],
  }),
  recommendation({
    id: 'rec-antiemetic-prophylaxis',
    action: 'antiemetic-prophylaxis',
    category: 'supportive',
    priority: 'routine',
    // ALL's own chemotherapy: a course on record is no diagnosis (allpath speaks only of ALL).
    when: all(hasAll, any(untreated, intensiveChemotherapy)),
    rationale: 'Intensive chemotherapy: antiemetics before each course to prevent nausea and vomiting.',
    lay: 'Medicines can be given to prevent or reduce nausea and vomiting from chemotherapy.',
    evidence: [{ source: ACS, locator: 'drugs can be given to help prevent or reduce nausea' }],
  }),
  recommendation({
    id: 'rec-myeloid-growth-factor',
    action: 'myeloid-growth-factor',
    category: 'supportive',
    priority: 'consider',
    when: newlyDiagnosed,
    agents: GROWTH_FACTOR_AGENTS,
    rationale: 'Myeloid growth factors during remission induction shorten the time to count recovery; their effect on cure is unclear.',
    lay: 'Growth factor injections can help the white blood cells recover faster after chemotherapy.',
    evidence: [
      { source: PDQ, locator: 'the use of myeloid growth factors during remission-induction therapy' },
      { source: ACS, locator: "it's not clear if they have an effect" },
    ],
  }),
  recommendation({
    id: 'rec-tumor-lysis-prophylaxis',
    action: 'tumor-lysis-prophylaxis',
    category: 'supportive',
    priority: 'urgent',
    when: untreated,
    rationale: 'Before induction: hydration, a uric-acid-lowering drug, and chemistry monitoring (uric acid, creatinine, potassium, phosphate, calcium) for tumor lysis.',
    lay: 'When chemotherapy kills many leukemia cells at once, their contents can harm the kidneys; fluids and medicines protect them.',
    evidence: [{ source: PDQ, locator: 'the initial workup should include the following' }],
    basis: 'The lost PDQ workup list includes a chemistry panel (facts.md §2.1, EXT-04); tumor-lysis prophylaxis is standard practice.',
  }),
  missingTest({
    id: 'missing-chemistry-panel',
    action: 'chemistry-panel',
    when: all(untreated, isUnknown('potassium')),
    data: 'Chemistry panel: uric acid, creatinine, potassium, phosphate, calcium',
    impact: 'Baseline for tumor lysis before induction.',
    priority: 'urgent',
    evidence: [{ source: PDQ, locator: 'the initial workup should include the following' }],
    basis: 'Recovered PDQ workup list (facts.md §2.1, EXT-04).',
  }),
  recommendation({
    id: 'rec-monitor-blood-counts-induction',
    action: 'monitor-blood-counts',
    category: 'monitoring',
    priority: 'routine',
    when: all(hasAll, isOneOf('status', 'on-induction', 'untreated', 'recurrent', 'refractory')),
    rationale: 'Myelosuppression is expected from the leukemia and its treatment: close monitoring of blood counts, with hematologic support and infection treatment available.',
    lay: 'Blood counts are checked often during treatment so that infections, bleeding and anemia can be treated early.',
    evidence: [{ source: PDQ, locator: 'patients must be closely monitored during remission induction treatment' }],
  }),
];
