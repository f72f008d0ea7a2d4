/**
 * Stem cell transplant. Allogeneic transplant gives the lowest relapse rate (graft versus
 * leukemia) at the cost of GVHD, veno-occlusive disease and pneumonitis: offered in first
 * remission for Ph-positive or high-risk disease, and for relapse (planned from the relapse on,
 * due once reinduction brings a second remission), when a donor is available and the patient is
 * younger than 55. Autologous transplant is the option without
 * a donor. Blood products from a potential donor are avoided while transplant is considered.
 */
import type { ActionRule } from './format.js';
import { alert, all, any, is, not, recommendation } from './format.js';
import {
  declinesIntensiveTherapy, donorAvailable, firstRemissionHighRisk, laterRemission, newlyDiagnosed, relapsedOrRefractory,
  transplantAge, transplantConsidered,
} from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;
const ACS = 'acs-treating-all' as const;
const candidate = all(transplantAge, not(declinesIntensiveTherapy));

export const TRANSPLANT: readonly ActionRule[] = [
  recommendation({
    id: 'rec-allogeneic-hsct-first-remission',
    action: 'allogeneic-hsct',
    category: 'therapy',
    priority: 'routine',
    when: all(firstRemissionHighRisk, candidate, donorAvailable),
    rationale: 'First remission of Ph-{philadelphia} ALL with high-risk features ({riskFactorsPresent}), donor available ({donor}), age {ageYears}: allogeneic transplant as postremission therapy (lowest relapse rate; weigh GVHD, veno-occlusive disease and pneumonitis).',
    lay: 'A stem cell transplant from a matched donor may give the best chance of keeping this type of leukemia away. It has serious risks, which the team will discuss.',
    evidence: [
      { source: PDQ, locator: 'allogeneic bone marrow transplant should be considered because remissions are generally short' },
      { source: PDQ, locator: 'Allogeneic BMT results in the lowest incidence of leukemic relapse' },
      { source: ACS, locator: 'especially for those who have a brother or sister' },
    ],
    basis: 'High-risk disease features from the risk factors (facts.md §5.4), not age alone, which also raises transplant mortality; the PDQ age limit of 55 is stated for relapse and applied here too.',
    ifUnknown: { priority: 'routine' },
  }),
  recommendation({
    id: 'rec-autologous-hsct-no-donor',
    action: 'autologous-hsct',
    category: 'therapy',
    priority: 'consider',
    when: all(firstRemissionHighRisk, candidate, is('donor', 'none')),
    rationale: 'High-risk first remission without a donor: autologous transplant is an option, with the risk of reinfusing leukemia cells.',
    lay: 'Without a matching donor, a transplant using your own stem cells may be an option, though leukemia cells can come back with them.',
    evidence: [{ source: ACS, locator: 'An autologous transplant may be an option for patients who' }],
  }),
  recommendation({
    id: 'rec-allogeneic-hsct-after-reinduction',
    action: 'allogeneic-hsct',
    category: 'therapy',
    priority: 'routine',
    when: all(any(relapsedOrRefractory, laterRemission), candidate, donorAvailable),
    rationale: 'Relapsed or refractory ALL, or a second remission after reinduction ({status}), age {ageYears} (under 55), donor available ({donor}): allogeneic transplant once reinduction brings a second remission; chemotherapy alone rarely cures relapse.',
    lay: 'If treatment brings the leukemia back into remission, a stem cell transplant from a donor gives the best chance of a lasting remission.',
    evidence: [
      { source: PDQ, locator: 'patient is younger than 55 years, bone marrow transplant may be considered' },
      { source: PDQ, locator: 'These patients should be considered for reinduction chemotherapy followed by allogeneic BMT' },
    ],
    ifUnknown: { priority: 'urgent' },
  }),
  alert({
    id: 'alert-avoid-donor-transfusion',
    action: 'avoid-donor-transfusion',
    severity: 'warning',
    when: transplantConsidered,
    message: 'Allogeneic transplant is being considered: do not transfuse blood products from a potential donor (family members included).',
    lay: 'Because a stem cell transplant may be planned, blood transfusions should not come from relatives or anyone who might become the donor.',
    evidence: [{ source: PDQ, locator: 'avoid transfusions with blood products from a potential donor' }],
  }),
  recommendation({
    id: 'rec-experienced-center',
    action: 'experienced-center-referral',
    category: 'referral',
    priority: 'routine',
    when: any(
      transplantConsidered,
      all(relapsedOrRefractory, is('lineage', 'B'), not(declinesIntensiveTherapy)),
      all(newlyDiagnosed, is('subtype', 'mature-B-burkitt'), not(declinesIntensiveTherapy)),
    ),
    rationale: 'Transplant, CAR-T and dose-intensive regimens belong in experienced centers; centers doing five or fewer transplants a year have poorer results.',
    lay: 'Transplants and cell therapies work best in hospitals that do many of them; the team may refer you to such a center.',
    evidence: [
      { source: PDQ, locator: 'five or fewer transplants annually usually have poorer results' },
      { source: ACS, locator: 'needs to be given in a medical center that has special training' },
    ],
  }),
];
