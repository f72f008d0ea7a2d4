/**
 * What-if edits: each sets or removes contract fields on a COPY of a case, so the engine (behind
 * POST /api/evaluate) can say what would change. Data editing only: what a finding means is
 * decided by the engine, never here. A choice left at `undefined` leaves the case as recorded.
 */
import type { Case, Donor, GeneticFinding, GeneticTestResult, Marker } from '../../../src/contract/index.js';
import { cloneJson } from './json-path.js';

export const PH_CHOICES = ['detected', 'not-detected', 'untested'] as const;
export type PhChoice = (typeof PH_CHOICES)[number];
export const MARKER_CHOICES = ['positive', 'negative', 'not-tested'] as const;
export type MarkerChoice = (typeof MARKER_CHOICES)[number];
export const KMT2A_CHOICES = ['rearranged', 'not-detected', 'untested'] as const;
export type Kmt2aChoice = (typeof KMT2A_CHOICES)[number];
export const ECOG_GRADES = [0, 1, 2, 3, 4] as const;

/** Every what-if control; `undefined` means "as recorded". */
export interface WhatIfChoices {
  readonly philadelphia?: PhChoice;
  readonly cd19?: MarkerChoice;
  readonly cd22?: MarkerChoice;
  readonly kmt2a?: Kmt2aChoice;
  /** A donor from the contract's list, or `not-recorded` to remove the transplant field. */
  readonly donor?: Donor | 'not-recorded';
  readonly ageYears?: number;
  readonly ecog?: number | 'not-recorded';
}

/** Labels for the controls, with the method each recorded result is given. */
export const PH_LABELS: Readonly<Record<PhChoice, string>> = {
  detected: 'BCR::ABL1 detected (RT-PCR)',
  'not-detected': 'BCR::ABL1 not detected by RT-PCR',
  untested: 'Untested',
};
export const MARKER_LABELS: Readonly<Record<MarkerChoice, string>> = {
  positive: 'Positive', negative: 'Negative', 'not-tested': 'Not tested',
};
export const KMT2A_LABELS: Readonly<Record<Kmt2aChoice, string>> = {
  rearranged: 'KMT2A rearranged (FISH)',
  'not-detected': 'KMT2A rearrangement not detected by FISH',
  untested: 'Untested',
};

/**
 * The contract's two names for each result the controls replace: a what-if Ph status replaces
 * every BCR::ABL1 and t(9;22) row (a karyotype row left behind would contradict the chosen
 * result), likewise KMT2A-rearrangement and t(4;11).
 */
const PH_FINDINGS: readonly GeneticFinding[] = ['BCR::ABL1', 't(9;22)'];
const KMT2A_FINDINGS: readonly GeneticFinding[] = ['KMT2A-rearrangement', 't(4;11)'];

function replaceGenetics(c: Case, findings: readonly GeneticFinding[], row: GeneticTestResult | undefined): Case {
  const kept = (c.genetics ?? []).filter((g) => !findings.includes(g.finding));
  const genetics = row === undefined ? kept : [...kept, row];
  const { genetics: _old, ...rest } = c;
  return genetics.length === 0 ? rest : { ...rest, genetics };
}

export function setPhiladelphia(c: Case, choice: PhChoice): Case {
  if (choice === 'untested') return replaceGenetics(c, PH_FINDINGS, undefined);
  return replaceGenetics(c, PH_FINDINGS, { finding: 'BCR::ABL1', result: choice, method: 'RT-PCR', date: c.asOf });
}

export function setKmt2a(c: Case, choice: Kmt2aChoice): Case {
  if (choice === 'untested') return replaceGenetics(c, KMT2A_FINDINGS, undefined);
  const result = choice === 'rearranged' ? 'detected' : 'not-detected';
  return replaceGenetics(c, KMT2A_FINDINGS, { finding: 'KMT2A-rearrangement', result, method: 'FISH', date: c.asOf });
}

/** Set one marker's result, or remove it ("not tested"); an immunophenotype left empty is removed. */
export function setMarker(c: Case, marker: Marker, choice: MarkerChoice): Case {
  const markers = { ...(c.immunophenotype?.markers ?? {}) };
  if (choice === 'not-tested') delete markers[marker];
  else markers[marker] = choice;
  const { immunophenotype: old, ...rest } = c;
  if (Object.keys(markers).length === 0 && old?.date === undefined) return rest;
  return { ...rest, immunophenotype: { ...(old?.date === undefined ? {} : { date: old.date }), markers } };
}

export function setDonor(c: Case, donor: Donor | 'not-recorded'): Case {
  const { transplant: _old, ...rest } = c;
  return donor === 'not-recorded' ? rest : { ...rest, transplant: { donor } };
}

/**
 * Age on asOf. A birth date would have to agree with it (the contract checks), so the what-if
 * states the age alone.
 */
export function setAge(c: Case, ageYears: number): Case {
  const { birthDate: _old, ...patient } = c.patient;
  return { ...c, patient: { ...patient, ageYears } };
}

export function setEcog(c: Case, ecog: number | 'not-recorded'): Case {
  const { performance: _old, ...rest } = c;
  return ecog === 'not-recorded' ? rest : { ...rest, performance: { ecog } };
}

/** The case with every chosen change applied; the original is never modified. */
export function applyWhatIf(original: Case, choices: WhatIfChoices): Case {
  let c = cloneJson(original);
  if (choices.philadelphia !== undefined) c = setPhiladelphia(c, choices.philadelphia);
  if (choices.cd19 !== undefined) c = setMarker(c, 'CD19', choices.cd19);
  if (choices.cd22 !== undefined) c = setMarker(c, 'CD22', choices.cd22);
  if (choices.kmt2a !== undefined) c = setKmt2a(c, choices.kmt2a);
  if (choices.donor !== undefined) c = setDonor(c, choices.donor);
  if (choices.ageYears !== undefined) c = setAge(c, choices.ageYears);
  if (choices.ecog !== undefined) c = setEcog(c, choices.ecog);
  return c;
}

/** Whether any control differs from "as recorded". */
export function hasChoices(choices: WhatIfChoices): boolean {
  return Object.values(choices).some((v) => v !== undefined);
}

/** One line per chosen change, for the heading of the what-if column and the save confirmation. */
export function describeChoices(choices: WhatIfChoices): string[] {
  const out: string[] = [];
  if (choices.philadelphia !== undefined) out.push(`Ph: ${PH_LABELS[choices.philadelphia]}`);
  if (choices.cd19 !== undefined) out.push(`CD19: ${MARKER_LABELS[choices.cd19].toLowerCase()}`);
  if (choices.cd22 !== undefined) out.push(`CD22: ${MARKER_LABELS[choices.cd22].toLowerCase()}`);
  if (choices.kmt2a !== undefined) out.push(`KMT2A: ${KMT2A_LABELS[choices.kmt2a]}`);
  if (choices.donor !== undefined) out.push(`Donor: ${choices.donor}`);
  if (choices.ageYears !== undefined) out.push(`Age: ${choices.ageYears} years`);
  if (choices.ecog !== undefined) out.push(`ECOG: ${choices.ecog}`);
  return out;
}
