/**
 * A synthetic demo cohort of adult ALL: `demoCases(count, seed, asOf)` gives the same cases for
 * the same seed and date on every machine. Each case is a valid contract case with an id
 * `demo-0001`, `demo-0002`, … (the prefix marks it synthetic), every date counted back from
 * `asOf`. The mix follows the sources (mix.ts); the cases are data only: what to recommend is
 * for the engine to say.
 */
import type { Case } from '../contract/index.js';
import { addDays, Timeline } from './calendar.js';
import { history, type History } from './history.js';
import { AGE_BANDS, STAGE_MIX, SUBTYPE_MIX, type DemoStage } from './mix.js';
import { planCourse } from './plan.js';
import { Random } from './random.js';
import type { Patient } from './regimens.js';
import { workUp } from './work-up.js';

/** The id prefix of every demo case. */
export const DEMO_PREFIX = 'demo-';

/** The demo date used when none is given. */
export const DEMO_AS_OF = '2026-03-02';

export function demoId(index: number): string {
  return `${DEMO_PREFIX}${String(index + 1).padStart(4, '0')}`;
}

export function isDemoId(id: string): boolean {
  return id.startsWith(DEMO_PREFIX);
}

/** murmur3's 32-bit finaliser: every input bit changes about half the output bits. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** One generator per case, so that the first n cases of a larger cohort are the same n cases. */
function caseRandom(seed: number, index: number): Random {
  return new Random(mix32(mix32(seed) + Math.imul(index + 1, 0x9e3779b9)));
}

function drawAge(rng: Random): number {
  const band = rng.weighted({ young: AGE_BANDS.young.weight, middle: AGE_BANDS.middle.weight, older: AGE_BANDS.older.weight });
  return rng.int(AGE_BANDS[band].min, AGE_BANDS[band].max);
}

/** A birth date that makes the patient `age` on `asOf` (the contract checks that they agree). */
function birthDateFor(rng: Random, age: number, asOf: string): string {
  const monthDay = addDays('2001-01-01', rng.int(0, 364)).slice(5);
  const year = Number(asOf.slice(0, 4)) - age - (monthDay <= asOf.slice(5) ? 0 : 1);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

const PRESENTING = ['fatigue', 'pallor', 'bruising', 'petechiae', 'bone-pain', 'weight-loss', 'night-sweats', 'dyspnea', 'infection', 'loss-of-appetite'] as const;
const COMORBIDITIES = ['hypertension', 'type 2 diabetes', 'coronary artery disease', 'chronic kidney disease', 'atrial fibrillation'] as const;

function findings(rng: Random, stage: DemoStage, p: Patient, h: History, sex: Case['patient']['sex']): Case['findings'] {
  const atDiagnosis = stage === 'untreated' || stage === 'on-induction';
  const diseased = atDiagnosis || stage === 'relapse' || stage === 'refractory';
  const symptoms: NonNullable<NonNullable<Case['findings']>['symptoms']> = diseased ? rng.some(PRESENTING, 0.3) : rng.some(['fatigue'] as const, 0.3);
  if (stage === 'on-induction') symptoms.push(...rng.some(['nausea', 'numbness-tingling'] as const, 0.3));
  const extramedullary: NonNullable<NonNullable<Case['findings']>['extramedullary']> = [];
  if (stage === 'untreated') {
    if (p.subtype === 'T' && rng.chance(0.5)) extramedullary.push('mediastinum');
    if (p.subtype === 'mature-B-burkitt' && rng.chance(0.6)) extramedullary.push(rng.pick(['lymph-nodes', 'liver', 'spleen'] as const));
    if (rng.chance(0.2)) extramedullary.push('spleen');
  }
  if (stage === 'relapse' && sex === 'male' && rng.chance(0.05)) extramedullary.push('testes');
  if (extramedullary.includes('mediastinum') || extramedullary.includes('lymph-nodes')) symptoms.push('lymphadenopathy');
  if (h.febrile) symptoms.push('fever', ...rng.some(['chills'] as const, 0.5));
  if (h.cnsRelapse) symptoms.push('headache');
  const cnsAtDiagnosis = stage === 'untreated' && rng.chance(0.06);
  return {
    ...(symptoms.length === 0 ? {} : { symptoms: [...new Set(symptoms)] }),
    ...(h.febrile ? { temperatureC: rng.real(38.3, 39.8) } : rng.chance(0.5) ? { temperatureC: rng.real(36.2, 37.6) } : {}),
    ...(extramedullary.length === 0 ? {} : { extramedullary: [...new Set(extramedullary)] }),
    ...(h.cnsRelapse || cnsAtDiagnosis ? { cns: { csfBlasts: true, csfWbcPerUL: rng.int(6, 90) } }
      // A clear spinal fluid, from the diagnostic or the latest intrathecal lumbar puncture.
      : rng.chance(0.65) ? { cns: { csfBlasts: false, csfWbcPerUL: rng.int(0, 4) } } : {}),
  };
}

function donor(rng: Random, stage: DemoStage, transplanted: boolean): Case['transplant'] {
  if (transplanted) return { donor: rng.weighted({ 'matched-sibling': 0.35, 'matched-unrelated': 0.45, haploidentical: 0.2 }) };
  if (!rng.chance(stage === 'untreated' ? 0.1 : 0.5)) return undefined;
  return { donor: rng.weighted({ 'matched-sibling': 0.25, 'matched-unrelated': 0.35, haploidentical: 0.15, none: 0.1, unknown: 0.15 }) };
}

/** The `index`-th case (0-based) of the cohort for `seed`. */
export function demoCase(index: number, seed: number, asOf: string = DEMO_AS_OF): Case {
  const rng = caseRandom(seed, index);
  const subtype = rng.weighted(SUBTYPE_MIX);
  const stage = rng.weighted(STAGE_MIX);
  const ageYears = drawAge(rng);
  const sex = rng.chance(0.55) ? 'male' : 'female';
  const plan = planCourse(rng, stage, subtype, ageYears);
  const t = new Timeline(asOf, plan.today, 0);
  const w = workUp(rng, subtype, t);
  const p: Patient = { subtype, philadelphia: w.philadelphia, ageYears };
  const h = history(rng, plan, t, p);
  const older = ageYears >= 60;
  const ecog = Number(rng.weighted({ 0: older ? 0.2 : 0.45, 1: 0.4, 2: older ? 0.28 : 0.12, 3: older ? 0.12 : 0.03 }));
  const comorbidities = ageYears >= 55 ? rng.some(COMORBIDITIES, 0.2) : [];
  const declines = (stage === 'relapse' || stage === 'refractory') && ageYears >= 65 && rng.chance(0.15);
  const transplant = donor(rng, stage, plan.hsct !== undefined);
  const f = findings(rng, stage, p, h, sex);
  const byDate = <T extends { date: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const labs = byDate([...w.labs, ...h.labs]);
  return {
    id: demoId(index),
    asOf,
    patient: rng.chance(0.5) ? { birthDate: birthDateFor(rng, ageYears, asOf), sex } : { ageYears, sex },
    diagnosisDate: t.diagnosis,
    ...(f === undefined || Object.keys(f).length === 0 ? {} : { findings: f }),
    labs,
    marrow: w.marrow,
    immunophenotype: { date: t.diagnosis, markers: w.markers },
    // Results reported after asOf are still pending on the demo date.
    ...(w.genetics.some((g) => (g.date ?? asOf) <= asOf) ? { genetics: w.genetics.filter((g) => (g.date ?? asOf) <= asOf) } : {}),
    ...(h.treatments.length === 0 ? {} : { treatments: h.treatments }),
    ...(h.mrd.length === 0 ? {} : { mrd: h.mrd }),
    ...(transplant === undefined ? {} : { transplant }),
    performance: { ecog },
    ...(comorbidities.length === 0 ? {} : { comorbidities }),
    ...(declines ? { preferences: { declinesIntensiveTherapy: true } } : {}),
  };
}

/** `count` synthetic cases for `seed`, every date on or before `asOf`. */
export function demoCases(count: number, seed: number, asOf: string = DEMO_AS_OF): Case[] {
  return Array.from({ length: count }, (_, i) => demoCase(i, seed, asOf));
}
