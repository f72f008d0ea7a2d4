/**
 * RxNorm → contract agents (§4.5). Two tables: the curated codes of ALL_codes_consolidated.csv
 * (ingredients, and openFDA product codes where the ingredient code was not found), and the
 * NMDP/CIBMTR value sets (rxnorm-nmdp.ts). The CSV's gaps stay gaps: dexamethasone's ingredient
 * code (UNVERIFIED), tisagenlecleucel and the asparaginases (NOT FOUND) have no code here.
 *
 * Display-text fallback: the terminology README allows mapping by text only where the code is a
 * known gap. So only agents without a verified ingredient code are matched by name (generic or
 * brand, whole words), and every such match is reported as a warning by the caller.
 */
import type { Agent } from '../contract/index.js';
import { NMDP_RXNORM } from './rxnorm-nmdp.js';
import { RXNORM, canonicalSystem } from './systems.js';

const CURATED: readonly (readonly [codes: string, agent: Agent, source: string])[] = [
  ['11202', 'vincristine', 'CSV IN: mCODE brian-l'],
  ['8640', 'prednisone', 'CSV IN: mCODE brian-l; PEDSnet steroids'],
  ['197577|197579|197580|197581|197582|197583|343033', 'dexamethasone', 'CSV SCD: openFDA NDC (ingredient 3264 UNVERIFIED, not used)'],
  ['3639|1790099', 'doxorubicin', 'CSV IN + SCD: mCODE jenny-m; openFDA'],
  ['5650', 'idarubicin', 'CSV IN: mCODE brian-l'],
  ['309650|2002002', 'daunorubicin', 'CSV product: openFDA NDC 0143-9550, 71288-182 (ingredient NOT FOUND)'],
  ['3002', 'cyclophosphamide', 'CSV IN: mCODE; NMDP; CPIC'],
  ['6851', 'methotrexate', 'CSV IN: CPIC; NMDP GVHD VS; PEDSnet'],
  ['103', 'mercaptopurine', 'CSV IN: cpicpgx/cpic-schema drug.sql'],
  ['3041', 'cytarabine', 'CSV IN: NMDP med-cytarabine-valueset.fsh'],
  ['4179', 'etoposide', 'CSV IN: CPIC; NMDP'],
  ['282388', 'imatinib', 'CSV IN: NMDP post-HCT VS; PEDSnet'],
  ['475342', 'dasatinib', 'CSV IN: NMDP; PEDSnet'],
  ['662281', 'nilotinib', 'CSV IN: CPIC drug.sql'],
  ['1307619', 'bosutinib', 'CSV IN: NMDP post-HCT VS (medium)'],
  ['1364352|1364358|1364360|1364362|1726637|1726639|2473040|2473042', 'ponatinib', 'CSV product: openFDA Iclusig (ingredient NOT FOUND)'],
  ['1597258', 'blinatumomab', 'CSV IN: NMDP prior-exposure + post-HCT VS (medium)'],
  ['1942950', 'inotuzumab-ozogamicin', 'CSV IN: NMDP prior-exposure VS (medium)'],
  ['44151', 'clofarabine', 'CSV IN: NMDP prep-regimen VS (medium)'],
  ['121191', 'rituximab', 'CSV IN: CPIC; NMDP'],
  ['213040|240906', 'pegaspargase', 'CSV product: openFDA Oncaspar (ingredient NOT FOUND)'],
  ['603566|616366', 'nelarabine', 'CSV product: openFDA nelarabine, Arranon'],
  ['2387347|2387352|2572002|2572005', 'brexucabtagene-autoleucel', 'CSV product: openFDA Tecartus'],
  ['2700168|2700173|2700174|2700175', 'obecabtagene-autoleucel', 'CSV product: openFDA Aucatzyl'],
  ['2698331|2698337|2698339|2698341|2698343|2698345', 'revumenib', 'CSV product: openFDA Revuforj'],
];

const BY_CODE: ReadonlyMap<string, Agent> = new Map([
  ...Object.entries(NMDP_RXNORM),
  ...CURATED.flatMap(([codes, agent]) => codes.split('|').map((code): [string, Agent] => [code, agent])),
]);

/** The agent an RxNorm code names, or undefined. */
export function agentOfRxNorm(system: string | undefined, code: string | undefined): Agent | undefined {
  if (system === undefined || code === undefined || canonicalSystem(system) !== RXNORM) return undefined;
  return BY_CODE.get(code);
}

/**
 * Agents whose ingredient code is a gap in the terminology tables, with the names (generic and
 * brand, from the CSV's openFDA rows) they may be recognised by.
 */
const BY_NAME: readonly (readonly [agent: Agent, names: readonly string[]])[] = [
  ['dexamethasone', ['dexamethasone']],
  ['daunorubicin', ['daunorubicin']],
  ['pegaspargase', ['pegaspargase', 'oncaspar']],
  // Calaspargase pegol (Asparlas) is neither contract agent and is left unmapped.
  ['asparaginase', ['asparaginase erwinia chrysanthemi', 'asparaginase erwinia', 'rylaze', 'erwinaze']],
  ['ponatinib', ['ponatinib', 'iclusig']],
  ['nelarabine', ['nelarabine', 'arranon']],
  ['tisagenlecleucel', ['tisagenlecleucel', 'kymriah']],
  ['brexucabtagene-autoleucel', ['brexucabtagene autoleucel', 'tecartus']],
  ['obecabtagene-autoleucel', ['obecabtagene autoleucel', 'aucatzyl']],
  ['revumenib', ['revumenib', 'revuforj']],
];

/** Fallback for the gaps only: the agent a display text names, or undefined. */
export function agentByName(text: string): Agent | undefined {
  const t = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
  // Names are whole words; where two match ("asparaginase erwinia chrysanthemi" and
  // "asparaginase erwinia") the longest wins.
  let best: { agent: Agent; length: number } | undefined;
  for (const [agent, names] of BY_NAME) {
    for (const name of names) {
      if (t.includes(` ${name} `) && (best === undefined || name.length > best.length)) best = { agent, length: name.length };
    }
  }
  return best?.agent;
}
