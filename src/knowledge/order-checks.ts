/**
 * Checks on drug orders being signed (CDS Hooks order-select / order-sign). A targeted drug is
 * questioned when its target is absent or not known, and an age- or lineage-restricted product
 * when the patient is outside its population. The order is the clinician's; allpath only warns.
 */
import { TKI_AGENTS } from '../contract/index.js';
import type { OrderCheckRule } from './format.js';
import { all, below, is, marker, orderCheck } from './format.js';
import { bPrecursor, phPositive, tLineage } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;
const ACS = 'acs-treating-all' as const;

export const ORDER_CHECKS: readonly OrderCheckRule[] = [
  orderCheck({
    id: 'order-tki-without-ph',
    agents: TKI_AGENTS,
    indication: phPositive,
    message: '{agent} is a BCR::ABL1 tyrosine kinase inhibitor, but the Philadelphia chromosome is {philadelphia} in this case.',
    suggestion: 'Remove the order unless BCR::ABL1 is confirmed (RT-PCR or FISH); order BCR::ABL1 testing if it is unknown.',
    evidence: [{ source: PDQ, locator: 'clinical activity as a single agent in Ph-positive ALL', level: 'C3' }],
  }),
  orderCheck({
    id: 'order-blinatumomab-without-cd19',
    agents: ['blinatumomab'],
    indication: all(bPrecursor, marker('CD19', 'positive')),
    message: 'Blinatumomab targets CD19; CD19 is {CD19} on the blasts (subtype {subtype}).',
    suggestion: 'Remove the order unless CD19 expression is confirmed by flow cytometry; consider inotuzumab if CD22 is positive.',
    evidence: [{ source: PDQ, locator: 'Blinatumomab is a bispecific antibody targeting CD19 and CD3' }],
  }),
  orderCheck({
    id: 'order-inotuzumab-without-cd22',
    agents: ['inotuzumab-ozogamicin'],
    indication: all(bPrecursor, marker('CD22', 'positive')),
    message: 'Inotuzumab ozogamicin targets CD22; CD22 is {CD22} on the blasts.',
    suggestion: 'Remove the order unless CD22 expression is confirmed by flow cytometry.',
    evidence: [{ source: PDQ, locator: 'relapsed or refractory CD22-positive ALL', level: 'B1' }],
  }),
  orderCheck({
    id: 'order-revumenib-without-kmt2a',
    agents: ['revumenib'],
    indication: is('kmt2a', 'rearranged'),
    message: 'Revumenib is a menin inhibitor for KMT2A-translocated leukemia; KMT2A is {kmt2a} in this case.',
    suggestion: 'Remove the order unless a KMT2A rearrangement is shown (FISH or molecular testing).',
    evidence: [{ source: ACS, locator: 'Revumenib (Revuforj) is a menin inhibitor' }],
  }),
  orderCheck({
    id: 'order-tisagenlecleucel-over-25',
    agents: ['tisagenlecleucel'],
    indication: below('ageYears', 26),
    message: 'Tisagenlecleucel is approved up to 25 years of age; the patient is {ageYears}.',
    suggestion: 'Replace with an adult CD19 CAR-T product (brexucabtagene autoleucel or obecabtagene autoleucel).',
    evidence: [{ source: 'all-patient-overview', locator: 'tisagenlecleucel (Kymirah), is only indicated for patients under 25 years' }],
    basis: 'Label: up to 25 years of age (EXT-45).',
  }),
  orderCheck({
    id: 'order-nelarabine-not-t-cell',
    agents: ['nelarabine'],
    indication: tLineage,
    message: 'Nelarabine is for T-cell ALL; the lineage is {lineage} in this case.',
    suggestion: 'Remove the order unless T-lineage disease is confirmed.',
    evidence: [{ source: ACS, locator: 'the chemo drug nelarabine (Arranon) may be helpful' }],
  }),
];
