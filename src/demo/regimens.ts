/**
 * The agents recorded for each course of a synthetic patient: common adult regimens, as a chart
 * would list them. History only: the engine reads them as treatments already given, and nothing
 * here says what should be given next.
 */
import type { Agent } from '../contract/index.js';
import type { DemoSubtype } from './mix.js';
import type { Random } from './random.js';

export interface Patient {
  readonly subtype: DemoSubtype;
  readonly philadelphia: boolean;
  readonly ageYears: number;
}

const TKIS = ['imatinib', 'dasatinib', 'ponatinib'] as const satisfies readonly Agent[];

/** The TKI a Ph-positive patient is on, drawn once per patient. */
export function tkiFor(rng: Random): Agent {
  return rng.pick(TKIS);
}

export function inductionAgents(rng: Random, p: Patient, tki: Agent): Agent[] {
  if (p.subtype === 'mature-B-burkitt') {
    return ['cyclophosphamide', 'vincristine', 'doxorubicin', 'methotrexate', 'cytarabine', 'rituximab'];
  }
  if (p.philadelphia) {
    return p.ageYears >= 65 || rng.chance(0.4) ? [tki, 'vincristine', 'dexamethasone']
      : [tki, 'cyclophosphamide', 'vincristine', 'doxorubicin', 'dexamethasone'];
  }
  if (p.subtype === 'T') return ['vincristine', 'prednisone', 'daunorubicin', 'pegaspargase', 'cyclophosphamide'];
  if (p.ageYears < 40 && rng.chance(0.7)) return ['vincristine', 'prednisone', 'daunorubicin', 'pegaspargase'];
  if (p.ageYears >= 65) return ['vincristine', 'dexamethasone', 'cyclophosphamide'];
  return ['cyclophosphamide', 'vincristine', 'doxorubicin', 'dexamethasone'];
}

export function consolidationAgents(rng: Random, p: Patient, tki: Agent): Agent[] {
  if (p.subtype === 'mature-B-burkitt') return ['methotrexate', 'cytarabine', 'rituximab'];
  const chemo: Agent[] = rng.chance(0.5)
    ? ['cyclophosphamide', 'cytarabine', 'mercaptopurine', 'methotrexate']
    : ['methotrexate', 'cytarabine'];
  return p.philadelphia ? [tki, ...chemo] : chemo;
}

export function maintenanceAgents(rng: Random, p: Patient, tki: Agent): Agent[] {
  const chemo: Agent[] = rng.chance(0.6) ? ['mercaptopurine', 'methotrexate', 'vincristine', 'prednisone'] : ['mercaptopurine', 'methotrexate'];
  return p.philadelphia ? [tki, ...chemo] : chemo;
}

export function reinductionAgents(rng: Random, p: Patient): Agent[] {
  if (p.subtype === 'T') return rng.chance(0.6) ? ['nelarabine'] : ['nelarabine', 'cyclophosphamide', 'etoposide'];
  // R-IVAC without its ifosfamide, which the contract's agent list does not name.
  if (p.subtype === 'mature-B-burkitt') return ['rituximab', 'cytarabine', 'etoposide'];
  if (p.philadelphia) return rng.chance(0.5) ? ['ponatinib', 'blinatumomab'] : ['dasatinib', 'vincristine', 'dexamethasone'];
  return [rng.weighted({ blinatumomab: 0.45, 'inotuzumab-ozogamicin': 0.35, clofarabine: 0.2 })];
}
