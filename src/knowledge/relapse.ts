/**
 * Recurrent or refractory ALL. Chemotherapy alone rarely cures relapse: reinduction (chemotherapy,
 * blinatumomab or inotuzumab ozogamicin) followed by allogeneic transplant; CAR-T for B-ALL;
 * targeted drugs by target (TKI switch for Ph-positive in philadelphia.ts, revumenib for KMT2A,
 * nelarabine for T-ALL in t-cell.ts); palliative radiation and palliative care (palliative care
 * also for a newly diagnosed patient who declines intensive therapy). A drug whose target is
 * negative is not offered; an unknown target names its test.
 */
import { EXTRAMEDULLARY_SITES } from '../contract/index.js';
import type { ActionRule } from './format.js';
import {
  all, any, atLeast, below, derive, flag, includes, is, isOneOf, marker, not, recommendation,
} from './format.js';
import { bPrecursor, cnsInvolved, declinesIntensiveTherapy, hasAll, newlyDiagnosed, relapsedOrRefractory } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;
const ACS = 'acs-treating-all' as const;
const BLINATUMOMAB_A1 = 'with a first relapse lasting fewer than 12 months';

/** Which relapsed/refractory setting applies: it decides the strength of the evidence for blinatumomab. */
export const relapseCategory = derive({
  fact: 'relapseCategory',
  derivations: [
    {
      id: 'relapse-category-none',
      value: 'not-relapsed',
      when: all(hasAll, isOneOf('status', 'untreated', 'on-induction', 'remission')),
      reason: 'No relapse or refractory disease.',
      evidence: [{ source: PDQ, locator: 'no distinct staging system for acute lymphoblastic leukemia (ALL)' }],
    },
    {
      id: 'relapse-category-after-transplant',
      value: 'relapse-after-transplant',
      when: all(relapsedOrRefractory, flag('relapseAfterTransplant')),
      reason: 'Relapse after allogeneic transplant.',
      evidence: [{ source: PDQ, locator: 'or any relapse after allogeneic transplant' }],
    },
    {
      id: 'relapse-category-primary-refractory',
      value: 'primary-refractory',
      when: all(is('status', 'refractory'), below('relapses', 1)),
      reason: 'Primary refractory disease: no remission after induction.',
      evidence: [{ source: PDQ, locator: 'option for reinduction therapy for patients with primary refractory disease' }],
    },
    {
      id: 'relapse-category-refractory-to-salvage',
      value: 'refractory-to-salvage',
      when: all(is('status', 'refractory'), atLeast('relapses', 1)),
      reason: 'Relapse refractory to salvage therapy.',
      evidence: [{ source: PDQ, locator: 'which is refractory to salvage' }],
    },
    {
      id: 'relapse-category-second',
      value: 'second-or-later-relapse',
      when: all(is('status', 'recurrent'), atLeast('relapses', 2)),
      reason: 'Second or later relapse ({relapses} relapses).',
      evidence: [{ source: PDQ, locator: 'a second or greater relapse' }],
    },
    {
      id: 'relapse-category-early-first',
      value: 'early-first-relapse',
      when: all(is('status', 'recurrent'), below('firstRemissionMonths', 12)),
      reason: 'First relapse after a first remission of {firstRemissionMonths} months (under 12).',
      evidence: [{ source: PDQ, locator: BLINATUMOMAB_A1 }],
    },
    {
      id: 'relapse-category-late-first',
      value: 'late-first-relapse',
      when: all(is('status', 'recurrent'), atLeast('firstRemissionMonths', 12)),
      reason: 'Late first relapse after a first remission of {firstRemissionMonths} months.',
      evidence: [{ source: ACS, locator: 'the same or similar treatment may be used to try' }],
    },
  ],
  otherwise: 'unknown',
  otherwiseReason: 'The length of the first remission is not on record.',
});

const anyExtramedullary = any(...EXTRAMEDULLARY_SITES.map((s) => includes('extramedullary', s)));
const LOCAL_SYMPTOMS = ['headache', 'seizures', 'vision-change', 'balance-problems', 'confusion', 'bone-pain', 'lymphadenopathy', 'abdominal-swelling', 'dyspnea'] as const;
const localSymptoms = any(...LOCAL_SYMPTOMS.map((s) => includes('symptoms', s)));
const repeatedFailure = any(atLeast('relapses', 2), all(is('status', 'refractory'), atLeast('relapses', 1)));

export const RELAPSE: readonly ActionRule[] = [
  recommendation({
    id: 'rec-reinduction-chemotherapy',
    action: 'reinduction-chemotherapy',
    category: 'therapy',
    priority: 'urgent',
    when: all(relapsedOrRefractory, not(declinesIntensiveTherapy)),
    rationale: 'Relapsed or refractory ALL ({relapseCategory}): reinduction aiming at a second remission, followed by allogeneic transplant where possible. Late relapse may be retreated with a similar regimen; early relapse needs more aggressive chemotherapy with other drugs.',
    lay: 'The leukemia has come back or not responded. New treatment (reinduction) aims to bring it back into remission, often followed by a stem cell transplant.',
    evidence: [
      { source: PDQ, locator: 'These patients should be considered for reinduction chemotherapy followed by allogeneic BMT' },
      { source: ACS, locator: 'The approach to treatment may depend on how soon the leukemia returns' },
    ],
  }),
  recommendation({
    id: 'rec-blinatumomab-relapsed',
    action: 'blinatumomab',
    category: 'therapy',
    priority: 'urgent',
    when: all(relapsedOrRefractory, bPrecursor, marker('CD19', 'positive')),
    agents: ['blinatumomab'],
    rationale: 'Relapsed or refractory CD19-positive B-ALL: blinatumomab (CD19×CD3 bispecific) for reinduction, then allogeneic transplant. Level A1 evidence covers primary refractory disease, refractory to salvage, first remission under 12 months, second or later relapse and relapse after transplant; this patient: {relapseCategory}.',
    lay: 'Blinatumomab is an immunotherapy drug, given as a continuous drip, that links the immune system\'s T cells to leukemia cells so they can be destroyed.',
    evidence: [
      { source: PDQ, locator: BLINATUMOMAB_A1, level: 'A1' },
      { source: PDQ, locator: 'Blinatumomab is a bispecific antibody targeting CD19 and CD3' },
    ],
    ifUnknown: { priority: 'urgent' },
  }),
  recommendation({
    id: 'rec-inotuzumab-relapsed',
    action: 'inotuzumab-ozogamicin',
    category: 'therapy',
    priority: 'urgent',
    when: all(relapsedOrRefractory, bPrecursor, marker('CD22', 'positive')),
    agents: ['inotuzumab-ozogamicin'],
    rationale: 'Relapsed or refractory CD22-positive B-ALL: inotuzumab ozogamicin (anti-CD22 antibody-drug conjugate) for reinduction, then allogeneic transplant; watch for veno-occlusive disease, especially if transplant follows.',
    lay: 'Inotuzumab ozogamicin is an antibody that carries a chemotherapy drug straight to leukemia cells that have the CD22 protein.',
    evidence: [
      { source: PDQ, locator: 'relapsed or refractory CD22-positive ALL', level: 'B1' },
      { source: PDQ, locator: 'Inotuzumab ozogamicin followed by allogeneic BMT' },
    ],
    ifUnknown: { priority: 'urgent' },
  }),
  recommendation({
    id: 'rec-car-t-relapsed',
    action: 'car-t',
    category: 'therapy',
    priority: 'routine',
    when: all(relapsedOrRefractory, bPrecursor, marker('CD19', 'positive'), not(declinesIntensiveTherapy)),
    agents: [
      // "Up to 25 years of age": until the 26th birthday (ageYears may be fractional).
      { agent: 'tisagenlecleucel', when: all(below('ageYears', 26), any(is('status', 'refractory'), atLeast('relapses', 2))) },
      { agent: 'brexucabtagene-autoleucel', when: atLeast('ageYears', 18) },
      { agent: 'obecabtagene-autoleucel', when: atLeast('ageYears', 18) },
    ],
    rationale: 'Relapsed or refractory CD19-positive B-cell precursor ALL, age {ageYears}: CD19-directed CAR-T cell therapy in a specially trained center (tisagenlecleucel up to 25 years when refractory or in second or later relapse; brexucabtagene and obecabtagene autoleucel for adults).',
    lay: 'CAR T-cell therapy changes your own immune cells in a laboratory so they can find and kill the leukemia cells; it is given in specialised centers.',
    evidence: [
      { source: ACS, locator: 'approved to treat adults with B-cell ALL that has come back' },
      { source: 'all-patient-overview', locator: 'tisagenlecleucel (Kymirah), is only indicated for patients under 25 years' },
    ],
    basis: 'Product labels: tisagenlecleucel up to 25 years, refractory or second or later relapse (EXT-45); brexucabtagene autoleucel adults (EXT-48); obecabtagene autoleucel adults (EXT-50); facts.md §6.6.',
    ifUnknown: { priority: 'routine' },
  }),
  recommendation({
    id: 'rec-revumenib-kmt2a',
    action: 'revumenib',
    category: 'therapy',
    priority: 'routine',
    when: all(relapsedOrRefractory, is('kmt2a', 'rearranged')),
    agents: ['revumenib'],
    rationale: 'Relapsed or refractory ALL with a KMT2A translocation: the menin inhibitor revumenib (oral, twice daily). Check ECG and electrolytes first; watch for differentiation syndrome.',
    lay: 'The leukemia cells have a KMT2A gene change. Revumenib is a pill that blocks the protein this change depends on.',
    evidence: [{ source: ACS, locator: 'Revumenib (Revuforj) is a menin inhibitor' }],
    basis: 'FDA: relapsed or refractory acute leukemia with a KMT2A translocation, age 1 year or older, November 2024 (EXT-54).',
    ifUnknown: { priority: 'routine' },
  }),
  recommendation({
    id: 'rec-palliative-radiation',
    action: 'palliative-radiation',
    category: 'therapy',
    priority: 'consider',
    when: all(relapsedOrRefractory, any(
      all(any(cnsInvolved, anyExtramedullary), localSymptoms),
      // Bone pain from the marrow once treatment aims at comfort.
      all(includes('symptoms', 'bone-pain'), any(declinesIntensiveTherapy, repeatedFailure)),
    )),
    rationale: 'Symptomatic recurrence within or outside the CNS ({extramedullary}; symptoms: {symptoms}): low-dose palliative radiation.',
    lay: 'A low dose of radiation aimed at the area causing symptoms can ease pain or other problems.',
    evidence: [{ source: PDQ, locator: 'Low-dose palliative radiation therapy may be considered in patients with symptomatic recurrence' }],
  }),
  recommendation({
    id: 'rec-palliative-care',
    action: 'palliative-care',
    category: 'supportive',
    priority: 'routine',
    when: any(all(relapsedOrRefractory, any(declinesIntensiveTherapy, repeatedFailure)), all(newlyDiagnosed, declinesIntensiveTherapy)),
    rationale: 'The patient declines intensive therapy, or the disease has failed repeated treatment ({relapses} relapses, status {status}): palliative care to control symptoms, with less intensive treatment where wished.',
    lay: 'Care can focus on comfort and on controlling the leukemia and its symptoms for as long as possible, with pain relief, transfusions and support.',
    evidence: [
      { source: ACS, locator: 'focus of treatment may shift to controlling the leukemia' },
      { source: ACS, locator: 'If the leukemia doesn\'t go away or keeps coming back' },
    ],
  }),
];

