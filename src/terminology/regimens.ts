/**
 * A course's kind (contract §4.5) from the agents given together, where the mix says it without
 * doubt. The rules, first match wins:
 *
 * 1. any CAR-T product                                     → car-t
 * 2. growth factors only                                   → supportive
 * 3. tyrosine kinase inhibitors only                       → tki
 * 4. blinatumomab, inotuzumab ozogamicin, rituximab only   → immunotherapy
 * 5. mercaptopurine with methotrexate, with nothing beyond vincristine, a corticosteroid or a
 *    TKI (the POMP-type maintenance mix)                   → maintenance
 * 6. the first anti-leukemic course of the record, holding vincristine, a corticosteroid and an
 *    anthracycline or an asparaginase (the remission induction backbone)       → induction
 * 7. anything else                                          → other
 *
 * Rule 6 reads the course's place in the record: the same backbone later (delayed
 * intensification, reinduction after relapse) cannot be told apart by its agents and is `other`.
 * No rule ever sets an outcome: the response to a course is not in a medication record.
 */
import {
  CAR_T_AGENTS, GROWTH_FACTOR_AGENTS, TKI_AGENTS, type Agent, type TreatmentKind,
} from '../contract/index.js';

export const CAR_T: readonly Agent[] = CAR_T_AGENTS;
export const GROWTH_FACTORS: readonly Agent[] = GROWTH_FACTOR_AGENTS;
export const TKIS: readonly Agent[] = TKI_AGENTS;
const IMMUNOTHERAPY: readonly Agent[] = ['blinatumomab', 'inotuzumab-ozogamicin', 'rituximab'];
const CORTICOSTEROIDS: readonly Agent[] = ['prednisone', 'dexamethasone'];
const ANTHRACYCLINES: readonly Agent[] = ['daunorubicin', 'doxorubicin', 'idarubicin'];
const ASPARAGINASES: readonly Agent[] = ['asparaginase', 'pegaspargase'];
const MAINTENANCE_COMPANIONS: readonly Agent[] = ['mercaptopurine', 'methotrexate', 'vincristine', ...CORTICOSTEROIDS, ...TKIS];

/** The kind of a course of `agents` (never empty); `first` is true for the record's first anti-leukemic course. */
export function courseKind(agents: readonly Agent[], first: boolean): TreatmentKind {
  const has = (a: Agent) => agents.includes(a);
  const some = (list: readonly Agent[]) => agents.some((a) => list.includes(a));
  const only = (list: readonly Agent[]) => agents.length > 0 && agents.every((a) => list.includes(a));
  if (some(CAR_T)) return 'car-t';
  if (only(GROWTH_FACTORS)) return 'supportive';
  if (only(TKIS)) return 'tki';
  if (only(IMMUNOTHERAPY)) return 'immunotherapy';
  if (has('mercaptopurine') && has('methotrexate') && only(MAINTENANCE_COMPANIONS)) return 'maintenance';
  if (first && has('vincristine') && some(CORTICOSTEROIDS) && (some(ANTHRACYCLINES) || some(ASPARAGINASES))) return 'induction';
  return 'other';
}
