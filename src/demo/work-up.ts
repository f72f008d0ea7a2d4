/**
 * The diagnostic work-up of a synthetic patient: who they are, the blood counts, the marrow, the
 * immunophenotype and the genetics, as a laboratory would report them for the subtype drawn.
 * Units vary as they do between laboratories (WBC per µL, hemoglobin in g/L, creatinine in µmol/L).
 */
import type {
  Case, GeneticTestResult, Lab, Marker, MarkerResult,
} from '../contract/index.js';
import type { Timeline } from './calendar.js';
import { BCR_ABL1_UNTESTED, KMT2A_IN_PH_NEGATIVE_B, PH_IN_PRECURSOR_B, type DemoSubtype } from './mix.js';
import type { Random } from './random.js';

type Markers = Partial<Record<Marker, MarkerResult>>;

export interface WorkUp {
  readonly philadelphia: boolean;
  readonly kmt2a: boolean;
  readonly labs: Lab[];
  readonly marrow: NonNullable<Case['marrow']>;
  readonly markers: Markers;
  readonly genetics: GeneticTestResult[];
}

export function lab(test: Lab['test'], value: number, unit: string, date: string, specimen?: Lab['specimen']): Lab {
  return { test, value, unit, date, ...(specimen === undefined ? {} : { specimen }) };
}

/** A count in 10⁹/L, written as most laboratories do, sometimes per µL or 10³/µL. */
export function count(rng: Random, test: 'wbc' | 'anc' | 'platelets', value: number, date: string): Lab {
  const style = rng.weighted({ si: 0.85, perUL: 0.1, kilo: 0.05 });
  if (style === 'perUL') return lab(test, Math.round(value * 1000), '/uL', date);
  return lab(test, value, style === 'si' ? '10*9/L' : '10*3/uL', date);
}

export function hemoglobin(rng: Random, gPerDL: number, date: string): Lab {
  return rng.chance(0.2) ? lab('hemoglobin', Math.round(gPerDL * 10), 'g/L', date) : lab('hemoglobin', gPerDL, 'g/dL', date);
}

/** Blood counts on one day: WBC, ANC, hemoglobin, platelets (10⁹/L and g/dL before units vary). */
export function bloodCounts(rng: Random, date: string, v: { wbc: number; anc: number; hb: number; platelets: number }): Lab[] {
  return [
    count(rng, 'wbc', v.wbc, date), count(rng, 'anc', v.anc, date),
    hemoglobin(rng, v.hb, date), count(rng, 'platelets', v.platelets, date),
  ];
}

function chemistry(rng: Random, date: string, tumourBurden: boolean): Lab[] {
  const creatinine = rng.real(0.6, tumourBurden ? 1.9 : 1.2, 2);
  return [
    lab('ldh', rng.int(tumourBurden ? 400 : 180, tumourBurden ? 3200 : 600), 'U/L', date),
    lab('uric-acid', rng.real(3.5, tumourBurden ? 12.5 : 7.5), 'mg/dL', date),
    lab('potassium', rng.real(3.3, tumourBurden ? 5.9 : 5.0), 'mmol/L', date),
    rng.chance(0.25) ? lab('creatinine', Math.round(creatinine * 88.4), 'umol/L', date) : lab('creatinine', creatinine, 'mg/dL', date),
    lab('bilirubin', rng.real(0.3, 1.6), 'mg/dL', date),
    lab('alt', rng.int(12, 90), 'U/L', date),
  ];
}

function precursorBMarkers(rng: Random, kmt2a: boolean): Markers {
  // KMT2A-rearranged B-ALL is typically CD10-negative (pro-B).
  const tdt = rng.chance(0.93);
  return {
    CD19: 'positive', cCD79a: 'positive',
    CD22: rng.chance(0.9) ? 'positive' : 'negative',
    CD10: !kmt2a && rng.chance(0.85) ? 'positive' : 'negative',
    CD20: rng.chance(0.4) ? 'positive' : 'negative',
    CD34: !tdt || rng.chance(0.75) ? 'positive' : 'negative',
    TdT: tdt ? 'positive' : 'negative',
    sIg: 'negative', CD3: 'negative', MPO: 'negative',
    ...(rng.chance(0.25) ? { CD13: 'positive', CD33: rng.chance(0.5) ? 'positive' : 'negative' } : {}),
  };
}

function tMarkers(rng: Random): Markers {
  return {
    cCD3: 'positive', CD7: 'positive',
    CD3: rng.chance(0.4) ? 'positive' : 'negative',
    CD2: rng.chance(0.75) ? 'positive' : 'negative',
    CD5: rng.chance(0.8) ? 'positive' : 'negative',
    CD1a: rng.chance(0.35) ? 'positive' : 'negative',
    CD34: rng.chance(0.5) ? 'positive' : 'negative',
    TdT: rng.chance(0.9) ? 'positive' : 'negative',
    CD19: 'negative', cCD79a: 'negative', MPO: 'negative',
  };
}

function burkittMarkers(rng: Random): Markers {
  return {
    CD19: 'positive', CD20: 'positive', CD10: 'positive', sIg: 'positive',
    CD22: rng.chance(0.8) ? 'positive' : 'negative',
    TdT: 'negative', CD34: 'negative', CD3: 'negative', MPO: 'negative',
  };
}

const OTHER_KARYOTYPES = ['complex-karyotype', 'hypodiploidy', 'del(7)', 'trisomy-8'] as const;

function karyotype(rng: Random, subtype: DemoSubtype, ph: boolean, kmt2a: boolean, date: string): GeneticTestResult[] {
  const k = (finding: GeneticTestResult['finding'], result: GeneticTestResult['result'] = 'detected'): GeneticTestResult =>
    ({ finding, result, method: 'karyotype', date });
  if (subtype === 'mature-B-burkitt') return [k(rng.weighted({ 't(8;14)': 0.8, 't(2;8)': 0.1, 't(8;22)': 0.1 }))];
  const findings: GeneticTestResult[] = [];
  // A few Ph-positive cases are cryptic: the fusion is found only by FISH or RT-PCR.
  if (ph && rng.chance(0.85)) findings.push(k('t(9;22)'));
  if (kmt2a && rng.chance(0.7)) findings.push(k('t(4;11)'));
  if (!ph && !kmt2a) {
    const other = rng.weighted({ normal: 0.55, abnormal: 0.3, unremarkable: 0.15 });
    if (other === 'normal') findings.push(k('normal-karyotype'));
    if (other === 'abnormal') findings.push(k(rng.pick(OTHER_KARYOTYPES)));
  }
  if (subtype === 'T' && !ph) findings.push(k('t(9;22)', 'not-detected'));
  return findings;
}

function molecular(rng: Random, subtype: DemoSubtype, ph: boolean, kmt2a: boolean, date: string): GeneticTestResult[] {
  const out: GeneticTestResult[] = [];
  if (subtype === 'mature-B-burkitt') {
    out.push({ finding: 'MYC-rearrangement', result: 'detected', method: 'FISH', date });
    if (rng.chance(0.5)) out.push({ finding: 'BCR::ABL1', result: 'not-detected', method: 'FISH', date });
    return out;
  }
  if (!rng.chance(BCR_ABL1_UNTESTED)) {
    const method = rng.chance(0.6) ? 'RT-PCR' : 'FISH';
    out.push({
      finding: 'BCR::ABL1', result: ph ? 'detected' : 'not-detected', method, date,
      ...(ph && method === 'RT-PCR' ? { detail: rng.chance(0.65) ? 'p190' : 'p210' } : {}),
    });
  }
  if (subtype === 'precursor-B' && rng.chance(0.85)) {
    out.push({ finding: 'KMT2A-rearrangement', result: kmt2a ? 'detected' : 'not-detected', method: 'FISH', date });
  }
  return out;
}

/** The work-up at diagnosis (day 0 of the timeline): labs the day before, marrow on the day. */
export function workUp(rng: Random, subtype: DemoSubtype, t: Timeline): WorkUp {
  const ph = subtype === 'precursor-B' && rng.chance(PH_IN_PRECURSOR_B);
  const kmt2a = subtype === 'precursor-B' && !ph && rng.chance(KMT2A_IN_PH_NEGATIVE_B);
  const bloodDate = t.on(-1);
  const marrowDate = t.on(0);
  const geneticsDate = t.on(rng.int(1, 3));
  const wbc = subtype === 'T' ? rng.logReal(4, 320) : subtype === 'mature-B-burkitt' ? rng.logReal(3, 60) : rng.logReal(1.2, 180);
  const marrowBlasts = rng.int(subtype === 'mature-B-burkitt' ? 25 : 32, 97);
  const labs = [
    ...bloodCounts(rng, bloodDate, {
      wbc, anc: rng.real(0.1, 3.2, 2), hb: rng.real(5.6, 12.4), platelets: rng.int(7, 190),
    }),
    lab('blasts', rng.int(0, Math.min(95, marrowBlasts)), '%', bloodDate, 'blood'),
    lab('blasts', marrowBlasts, '%', marrowDate, 'marrow'),
    ...chemistry(rng, marrowDate, wbc > 50 || subtype === 'mature-B-burkitt'),
  ];
  const marrow: NonNullable<Case['marrow']> = [{
    date: marrowDate,
    cellularity: rng.chance(0.9) ? 'hypercellular' : 'normocellular',
    ...(subtype === 'mature-B-burkitt'
      ? { fab: 'L3' as const, vacuolatedBlasts: true, starrySky: rng.chance(0.7) }
      : { fab: rng.weighted({ L1: 0.3, L2: 0.7 }) }),
  }];
  const markers = subtype === 'T' ? tMarkers(rng) : subtype === 'mature-B-burkitt' ? burkittMarkers(rng) : precursorBMarkers(rng, kmt2a);
  const genetics = [
    // A karyotype is not always obtained (a dry tap, no metaphases).
    ...(rng.chance(0.85) || subtype === 'mature-B-burkitt' ? karyotype(rng, subtype, ph, kmt2a, geneticsDate) : []),
    ...molecular(rng, subtype, ph, kmt2a, geneticsDate),
  ];
  return { philadelphia: ph, kmt2a, labs, marrow, markers, genetics };
}
