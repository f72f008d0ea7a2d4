/**
 * Where the patient stands. The PDQ classifies ALL as untreated, in remission or recurrent
 * (there is no staging system); allpath adds on-induction (response not yet assessed) and
 * refractory (no remission after induction). Then the phase due next.
 */
import { EXTRAMEDULLARY_SITES } from '../contract/index.js';
import {
  all, any, atLeast, below, derive, flag, includes, is, isOneOf, not, some, stated,
} from './format.js';

const PATIENT = 'pdq-adult-all-treatment-patient' as const;
const PDQ = 'pdq-adult-all-treatment-hp' as const;

/** Remission on record, or implied by post-remission therapy given since the last induction. */
const remissionOnRecord = any(
  is('latestResponse', 'complete-remission'),
  all(is('latestResponse', 'none'), flag('postRemissionTherapyStarted')),
);
const extramedullaryDisease = any(...EXTRAMEDULLARY_SITES.map((site) => includes('extramedullary', site)));
const blastsReturned = any(
  some('marrowBlastsSinceRemission', '>=', 5),
  some('bloodBlastsSinceRemission', '>', 0),
  extramedullaryDisease,
  // A CNS relapse: blasts in the spinal fluid (stated on asOf, or tapped after the remission) or a
  // cranial nerve palsy stated on asOf.
  stated('csfBlastsSinceRemission'), stated('cranialNervePalsy'),
);
const responseMarrowTaken = some('marrowBlastsSinceInduction', '>=', 0);
/** Recovered since induction started: counts from the diagnostic work-up are not a recovery. */
const countsRecovered = all(atLeast('ancSinceInduction', 1.0), atLeast('plateletsSinceInduction', 100));

export const status = derive({
  fact: 'status',
  derivations: [
    {
      id: 'status-recorded-relapse',
      value: 'recurrent',
      when: all(not(flag('treated')), any(includes('recordedStatuses', 'relapse'), includes('recordedStatuses', 'recurrence'))),
      reason: 'No treatment in the case; the recorded condition is in relapse.',
      evidence: [{ source: PATIENT, locator: 'Recurrent ALL is cancer that has recurred (come back)' }],
      basis: 'A condition status recorded elsewhere (e.g. ICD-10-CM C91.02) stands in for the treatment history the case lacks.',
    },
    {
      id: 'status-recorded-remission',
      value: 'remission',
      when: all(not(flag('treated')), includes('recordedStatuses', 'remission')),
      reason: 'No treatment in the case; the recorded condition is in remission.',
      evidence: [{ source: PATIENT, locator: 'In ALL in remission, the disease has been treated' }],
      basis: 'A condition status recorded elsewhere (e.g. ICD-10-CM C91.01) stands in for the treatment history the case lacks.',
    },
    {
      id: 'status-untreated',
      value: 'untreated',
      when: not(flag('treated')),
      reason: 'No anti-leukemic treatment is recorded: untreated ALL.',
      evidence: [{ source: PATIENT, locator: 'In untreated ALL, the disease is newly diagnosed' }],
    },
    {
      id: 'status-recurrent',
      value: 'recurrent',
      when: any(is('latestResponse', 'relapse'), all(remissionOnRecord, blastsReturned)),
      reason: 'The leukemia has come back after a remission (relapse recorded, marrow blasts 5% or more, blasts in the blood, or extramedullary disease).',
      evidence: [{ source: PATIENT, locator: 'Recurrent ALL is cancer that has recurred (come back)' }],
      basis: 'Relapse at 5% marrow blasts, the mirror of the remission threshold (facts.md §4.4 lists 5% and 25% conventions).',
    },
    {
      id: 'status-on-induction',
      value: 'on-induction',
      when: all(
        // The last phase-marking course, so that intrathecal CNS prophylaxis or a TKI recorded as
        // its own course during induction does not hide the induction.
        is('latestResponse', 'none'), not(flag('postRemissionTherapyStarted')), is('lastPhaseKind', 'induction'),
        any(flag('lastPhaseOngoing'), not(responseMarrowTaken)),
      ),
      reason: 'First induction has started and its response has not yet been assessed.',
      evidence: [{ source: PDQ, locator: 'patients must be closely monitored during remission induction treatment' }],
    },
    {
      id: 'status-refractory',
      value: 'refractory',
      when: any(
        is('latestResponse', 'no-remission'),
        all(is('latestResponse', 'none'), not(flag('postRemissionTherapyStarted')), atLeast('latestMarrowBlastsSinceInduction', 5)),
      ),
      reason: 'Induction did not bring a remission (marrow blasts remain 5% or more, or no remission recorded): refractory ALL.',
      evidence: [{ source: PDQ, locator: 'option for reinduction therapy for patients with primary refractory disease' }],
      basis: 'Refractory = no complete remission after induction (facts.md §4.4, EXT-31, EXT-33).',
    },
    {
      id: 'status-remission',
      value: 'remission',
      when: any(
        remissionOnRecord,
        all(is('latestResponse', 'none'), below('latestMarrowBlastsSinceInduction', 5), countsRecovered, not(extramedullaryDisease)),
      ),
      reason: 'Treated, with marrow blasts below 5%, blood counts recovered and no extramedullary disease (or remission recorded): ALL in remission.',
      evidence: [{ source: PATIENT, locator: 'In ALL in remission, the disease has been treated' }],
      basis: 'Counts recovered = ANC ≥ 1.0 × 10⁹/L and platelets ≥ 100 × 10⁹/L; no extramedullary disease (facts.md §4.3, EXT-07).',
    },
  ],
  otherwise: 'unknown',
  otherwiseReason: 'The response to treatment cannot be told from the record (a marrow after induction and blood counts are needed).',
});

const lastPhaseWas = (...kinds: Parameters<typeof isOneOf<'lastPhaseKind'>>[1][]) => isOneOf('lastPhaseKind', ...kinds);

export const phase = derive({
  fact: 'phase',
  derivations: [
    {
      id: 'phase-palliative',
      value: 'palliative',
      when: all(isOneOf('status', 'recurrent', 'refractory'), stated('declinesIntensiveTherapy')),
      reason: 'Recurrent or refractory disease and the patient declines intensive therapy: palliative care.',
      evidence: [{ source: 'acs-treating-all', locator: 'focus of treatment may shift to controlling the leukemia' }],
    },
    {
      id: 'phase-induction',
      value: 'induction',
      when: isOneOf('status', 'untreated', 'on-induction'),
      reason: 'Remission induction is the first phase of treatment.',
      evidence: [{ source: PDQ, locator: 'Untreated ALL | Remission induction therapy' }],
    },
    {
      id: 'phase-reinduction',
      value: 'reinduction',
      when: isOneOf('status', 'recurrent', 'refractory'),
      reason: 'Recurrent or refractory disease: reinduction is due.',
      evidence: [{ source: PDQ, locator: 'These patients should be considered for reinduction chemotherapy followed by allogeneic BMT' }],
    },
    {
      id: 'phase-consolidation',
      value: 'consolidation',
      when: all(is('status', 'remission'), any(
        lastPhaseWas('induction', 'reinduction'),
        all(lastPhaseWas('consolidation'), flag('lastPhaseOngoing')),
      )),
      reason: 'In remission after induction: consolidation (intensification) is due.',
      evidence: [{ source: 'acs-treating-all', locator: 'Chemo treatment for ALL is typically divided into 3 phases' }],
    },
    {
      id: 'phase-maintenance',
      value: 'maintenance',
      when: all(is('status', 'remission'), any(
        all(lastPhaseWas('consolidation'), not(flag('lastPhaseOngoing'))),
        all(lastPhaseWas('maintenance'), flag('lastPhaseOngoing')),
        lastPhaseWas('autologous-hsct'),
      )),
      reason: 'Consolidation is done: about 2 years of maintenance follow.',
      evidence: [{ source: 'acs-treating-all', locator: 'Maintenance usually lasts for about 2 years' }],
    },
    {
      id: 'phase-follow-up',
      value: 'follow-up',
      when: all(is('status', 'remission'), any(
        all(lastPhaseWas('maintenance'), not(flag('lastPhaseOngoing'))),
        lastPhaseWas('allogeneic-hsct', 'car-t'),
      )),
      reason: 'Treatment is complete: follow-up to detect recurrence and late effects.',
      evidence: [{ source: PATIENT, locator: 'tests will continue to be done from time to time' }],
    },
  ],
  otherwise: 'unknown',
  otherwiseReason: 'The phase due cannot be told from the record.',
});

export const STATUS = [status, phase] as const;
