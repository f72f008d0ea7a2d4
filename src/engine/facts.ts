/**
 * Reads the facts the guideline speaks of from a parsed case. No thresholds live here (those
 * are knowledge); only which observation answers which question: the diagnostic marrow is the
 * one before treatment, "latest" is by date, a course's outcome dates the response.
 */
import {
  ageAt, daysBetween, toCanonical,
  type Agent, type Case, type Lab, type RecordedDiagnosis, type Treatment, type TreatmentKind,
} from '../contract/index.js';
import type { Facts, GeneticRecord, Response } from '../knowledge/facts.js';

interface Dated { readonly date: string; readonly value: number }

const INDUCTIONS: readonly TreatmentKind[] = ['induction', 'reinduction'];
const POST_REMISSION: readonly TreatmentKind[] = ['consolidation', 'maintenance', 'allogeneic-hsct', 'autologous-hsct'];
const PHASE_MARKING: readonly TreatmentKind[] = [...INDUCTIONS, ...POST_REMISSION, 'car-t'];
const DECISIVE = ['complete-remission', 'no-remission', 'relapse'] as const;
/** Recorded conditions that are not this disease: their status says nothing of the ALL's. */
const OTHER_DIAGNOSES: readonly RecordedDiagnosis[] = ['other-leukemia', 'other-cancer'];

function isDecisive(outcome: Treatment['outcome']): outcome is (typeof DECISIVE)[number] {
  return DECISIVE.some((d) => d === outcome);
}

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
const latest = (xs: readonly Dated[]): Dated | undefined => xs[xs.length - 1];
const after = (xs: readonly Dated[], date: string | undefined) => (date === undefined ? [] : xs.filter((x) => x.date > date));
const onOrBefore = (xs: readonly Dated[], date: string) => xs.filter((x) => x.date <= date);

/**
 * Every lab's results in canonical units, oldest first (results of one day in the order
 * recorded), read in one pass over the labs: blasts by specimen, every other test whatever the
 * specimen. A value whose unit has no conversion is left out.
 */
function labSeries(labs: readonly Lab[]): (test: Lab['test'], specimen?: Lab['specimen']) => Dated[] {
  const series = new Map<string, Dated[]>();
  for (const l of labs) {
    const value = toCanonical(l.test, l.value, l.unit);
    if (value === undefined) continue;
    const key = l.test === 'blasts' ? `blasts ${l.specimen ?? ''}` : l.test;
    const list = series.get(key);
    if (list === undefined) series.set(key, [{ date: l.date, value }]);
    else list.push({ date: l.date, value });
  }
  for (const list of series.values()) list.sort(byDate);
  return (test, specimen) => series.get(test === 'blasts' ? `blasts ${specimen ?? ''}` : test) ?? [];
}

/**
 * Blasts in the spinal fluid: yes when stated or when a tap found any; no when stated absent, or
 * when every tap was clear; unknown with neither.
 */
function csfBlastsIn(stated: boolean | undefined, taps: readonly Dated[]): boolean | null {
  const found = taps.length === 0 ? null : taps.some((x) => x.value > 0);
  return stated === true || found === true ? true : stated ?? found;
}

/** A course is over once it has a decisive outcome, intolerance, or an end date before asOf. */
function isOngoing(t: Treatment, asOf: string): boolean {
  const ends = INDUCTIONS.includes(t.kind) ? [...DECISIVE, 'intolerance'] : ['no-remission', 'relapse', 'intolerance'];
  if (t.outcome !== undefined && ends.includes(t.outcome)) return false;
  return t.end === undefined || t.end > asOf;
}

/**
 * The case's facts, with every derived fact still undecided (the engine decides them in place).
 * One object literal of fixed shape: copying an object of some seventy facts costs more than
 * everything the rules do with it.
 */
export function extractFacts(c: Case): Facts {
  const asOf = c.asOf;
  const lab = labSeries(c.labs ?? []);
  const courses = (c.treatments ?? [])
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.kind !== 'supportive')
    .sort((a, b) => (a.t.start < b.t.start ? -1 : a.t.start > b.t.start ? 1 : a.i - b.i))
    .map(({ t }) => t);
  const firstStart = courses[0]?.start;

  const marrow = [
    ...lab('blasts', 'marrow'),
    ...(c.marrow ?? []).flatMap((m) => (m.blastPercent === undefined ? [] : [{ date: m.date, value: m.blastPercent }])),
  ]
    // The same aspirate is often recorded both as a lab and as a marrow entry: count it once.
    .filter((m, i, all) => all.findIndex((o) => o.date === m.date && o.value === m.value) === i)
    .sort(byDate);
  const bloodBlasts = lab('blasts', 'blood');
  const csfBlastLabs = lab('blasts', 'csf');
  const pre = (xs: Dated[]) => (firstStart === undefined ? xs : onOrBefore(xs, firstStart));

  const latestOf = (test: Lab['test']) => {
    const x = latest(lab(test));
    return { value: x?.value ?? null, age: x === undefined ? null : daysBetween(x.date, asOf) };
  };
  const anc = latestOf('anc');
  const platelets = latestOf('platelets');
  const hemoglobin = latestOf('hemoglobin');
  const qtc = latestOf('qtc');
  const potassium = latestOf('potassium');
  const bilirubin = latestOf('bilirubin');
  const alt = latestOf('alt');
  const preWbc = pre(lab('wbc')).map((x) => x.value);

  // The course timeline.
  const last = courses[courses.length - 1];
  const lastPhase = courses.filter((t) => PHASE_MARKING.includes(t.kind)).at(-1);
  const inductionIdx = courses.map((t) => INDUCTIONS.includes(t.kind)).lastIndexOf(true);
  const induction = courses[inductionIdx];
  const responses = courses.flatMap((t, i) => (isDecisive(t.outcome) ? [{ t, i, outcome: t.outcome }] : []));
  const lastResponse = responses[responses.length - 1];
  const latestResponse: Response = lastResponse?.outcome ?? 'none';
  const postRemission = courses.filter((t, i) => POST_REMISSION.includes(t.kind) && i > inductionIdx);

  const marrowSinceInduction = after(marrow, induction?.start);
  const remissionDate = (() => {
    if (lastResponse !== undefined && latestResponse === 'complete-remission') {
      const { t, i } = lastResponse;
      const clearMarrow = after(marrow, t.start).find((m) => m.value < 5)?.date;
      return t.end ?? courses[i + 1]?.start ?? clearMarrow ?? asOf;
    }
    if (latestResponse === 'none') return postRemission[0]?.start;
    return undefined;
  })();

  const firstCr = courses.find((t) => t.outcome === 'complete-remission');
  const firstInduction = courses.find((t) => t.kind === 'induction');
  const firstCrDate = firstCr === undefined ? undefined : firstCr.end ?? after(marrow, firstCr.start).find((m) => m.value < 5)?.date;
  const firstRelapse = courses.find((t) => t.outcome === 'relapse' && firstCr !== undefined && t.start >= firstCr.start && t !== firstCr);
  const firstRelapseDate = firstRelapse === undefined ? undefined
    : firstRelapse.end ?? after(marrow, firstCrDate).find((m) => m.value >= 5)?.date;
  const hsct = courses.find((t) => t.kind === 'allogeneic-hsct');
  const carT = courses.filter((t) => t.kind === 'car-t').at(-1);
  const mrd = (c.mrd ?? []).map((m) => ({ date: m.date, value: m.percent })).sort(byDate);
  const agentsOf = (ts: readonly Treatment[]): Agent[] => [...new Set(ts.flatMap((t) => t.agents ?? []))];

  const cns = c.findings?.cns;
  const csfBlasts = csfBlastsIn(cns?.csfBlasts, csfBlastLabs);
  // Findings describe asOf, so a statement of CSF blasts is current; a lab counts only after the
  // remission, or the diagnostic tap of a patient with CNS disease at diagnosis reads as relapse.
  const csfBlastsSinceRemission = csfBlastsIn(cns?.csfBlasts, after(csfBlastLabs, remissionDate));
  const allConditions = (c.conditions ?? []).filter((x) => !OTHER_DIAGNOSES.includes(x.diagnosis));

  return {
    ageYears: c.patient.ageYears ?? ageAt(c.patient.birthDate ?? asOf, asOf),
    ecog: c.performance?.ecog ?? null,
    comorbidities: c.comorbidities ?? null,
    comorbidityCount: c.comorbidities?.length ?? null,
    declinesIntensiveTherapy: c.preferences?.declinesIntensiveTherapy ?? null,
    donor: c.transplant?.donor ?? 'unknown',

    symptoms: c.findings?.symptoms ?? null,
    extramedullary: c.findings?.extramedullary ?? [],
    temperatureC: c.findings?.temperatureC ?? null,
    temperatureAgeDays: c.findings?.temperatureC === undefined ? null : daysBetween(c.findings.temperatureDate ?? asOf, asOf),
    recordedDiagnoses: [...new Set((c.conditions ?? []).map((x) => x.diagnosis))],
    recordedStatuses: [...new Set(allConditions.flatMap((x) => (x.clinicalStatus === undefined ? [] : [x.clinicalStatus])))],
    csfBlasts,
    csfBlastsSinceRemission,
    csfWbcPerUL: cns?.csfWbcPerUL ?? null,
    cranialNervePalsy: cns?.cranialNervePalsy ?? null,

    markerCount: Object.keys(c.immunophenotype?.markers ?? {}).length,
    markers: c.immunophenotype?.markers ?? {},
    fab: [...(c.marrow ?? [])].sort(byDate).filter((m) => m.fab !== undefined).map((m) => m.fab ?? null)[0] ?? null,
    genetics: (c.genetics ?? []).map((g): GeneticRecord => ({
      finding: g.finding, result: g.result, method: g.method ?? 'unknown', detail: g.detail ?? null,
    })),

    diagnosticMarrowBlasts: latest(pre(marrow))?.value ?? null,
    marrowBlasts: marrow.map((m) => m.value),
    latestMarrowBlasts: latest(marrow)?.value ?? null,
    wbcAtDiagnosis: preWbc.length === 0 ? null : Math.max(...preWbc),

    anc: anc.value, ancAgeDays: anc.age,
    platelets: platelets.value, plateletsAgeDays: platelets.age,
    hemoglobin: hemoglobin.value, hemoglobinAgeDays: hemoglobin.age,
    wbc: latestOf('wbc').value,
    qtc: qtc.value, qtcAgeDays: qtc.age,
    potassium: potassium.value, potassiumAgeDays: potassium.age,
    bilirubin: bilirubin.value, bilirubinAgeDays: bilirubin.age,
    alt: alt.value, altAgeDays: alt.age,

    treated: courses.length > 0,
    lastCourseKind: last?.kind ?? null,
    lastCourseOngoing: last === undefined ? null : isOngoing(last, asOf),
    lastPhaseKind: lastPhase?.kind ?? null,
    lastPhaseOngoing: lastPhase === undefined ? null : isOngoing(lastPhase, asOf),
    latestResponse,
    postRemissionTherapyStarted: postRemission.length > 0,
    marrowBlastsSinceRemission: after(marrow, remissionDate).map((m) => m.value),
    bloodBlastsSinceRemission: after(bloodBlasts, remissionDate).map((m) => m.value),
    marrowBlastsSinceInduction: marrowSinceInduction.map((m) => m.value),
    latestMarrowBlastsSinceInduction: latest(marrowSinceInduction)?.value ?? null,
    ancSinceInduction: latest(after(lab('anc'), induction?.start))?.value ?? null,
    plateletsSinceInduction: latest(after(lab('platelets'), induction?.start))?.value ?? null,
    daysSinceInductionStart: induction === undefined ? null : daysBetween(induction.start, asOf),
    daysToFirstRemission: firstInduction === undefined || firstCrDate === undefined ? null : daysBetween(firstInduction.start, firstCrDate),
    inductionCourses: courses.filter((t) => t.kind === 'induction').length,
    relapses: courses.filter((t) => t.outcome === 'relapse').length,
    firstRemissionMonths: firstCrDate === undefined || firstRelapseDate === undefined ? null
      : Math.round((daysBetween(firstCrDate, firstRelapseDate) / 30.44) * 10) / 10,
    relapseAfterTransplant: hsct !== undefined && courses.some((t) => t.outcome === 'relapse' && t.start >= hsct.start),
    daysSinceCarT: carT === undefined ? null : daysBetween(carT.start, asOf),
    currentAgents: agentsOf(courses.filter((t) => isOngoing(t, asOf))),
    priorAgents: agentsOf(courses),
    mrdPercent: latest(induction === undefined ? mrd : after(mrd, induction.start))?.value ?? null,

    lineage: 'unknown', leukemia: 'unknown', subtype: 'unknown', philadelphia: 'unknown', kmt2a: 'unknown',
    status: 'unknown', phase: 'unknown', relapseCategory: 'unknown', riskGroup: 'unknown', riskFactorsPresent: [],
  };
}
