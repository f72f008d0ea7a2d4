/**
 * The record of a synthetic patient's course, from its plan: each course with its agents, dates
 * and outcome as the chart states it, the response marrows and counts, MRD, and the latest blood
 * counts on the demo date (with febrile neutropenia in some).
 */
import type { Agent, Case, Lab, Treatment } from '../contract/index.js';
import type { Timeline } from './calendar.js';
import { bloodCounts, lab } from './work-up.js';
import type { Plan } from './plan.js';
import type { Random } from './random.js';
import {
  consolidationAgents, inductionAgents, maintenanceAgents, reinductionAgents, tkiFor, type Patient,
} from './regimens.js';

type Mrd = NonNullable<Case['mrd']>[number];

export interface History {
  readonly treatments: Treatment[];
  readonly labs: Lab[];
  readonly mrd: Mrd[];
  /** Fever with neutropenia on the demo date. */
  readonly febrile: boolean;
  /** The relapse involves the central nervous system. */
  readonly cnsRelapse: boolean;
}

const FEBRILE_NEUTROPENIA: Readonly<Record<Plan['stage'], number>> = {
  untreated: 0.08, 'on-induction': 0.35, consolidation: 0.12, maintenance: 0.03, 'follow-up': 0, relapse: 0.2, refractory: 0.25,
};

function mrdResult(rng: Random, date: string, deep: boolean): Mrd {
  const level = rng.weighted({ negative: deep ? 0.75 : 0.5, low: 0.2, positive: deep ? 0.05 : 0.3 });
  const percent = level === 'negative' ? 0 : level === 'low' ? rng.real(0.001, 0.009, 3) : rng.real(0.01, 1.5, 2);
  return { date, percent, method: rng.weighted({ flow: 0.6, NGS: 0.25, PCR: 0.15 }) };
}

/** The latest counts on the demo date, by where the patient stands. */
function latestCounts(rng: Random, stage: Plan['stage'], febrile: boolean) {
  const anc = (min: number, max: number) => (febrile ? rng.real(0.02, 0.45, 2) : rng.real(min, max, 2));
  switch (stage) {
    case 'untreated':
    case 'on-induction':
      return { wbc: rng.real(0.2, 2.8), anc: anc(0.05, 0.9), hb: rng.real(6.8, 10), platelets: rng.int(6, 70) };
    case 'consolidation':
      return { wbc: rng.real(1, 6), anc: anc(0.6, 3.5), hb: rng.real(8, 12.5), platelets: rng.int(40, 300) };
    case 'maintenance':
      return { wbc: rng.real(2, 6), anc: anc(0.8, 3), hb: rng.real(10, 14), platelets: rng.int(90, 320) };
    case 'follow-up':
      return { wbc: rng.real(4, 9.5), anc: anc(1.5, 5.5), hb: rng.real(11.5, 15.5), platelets: rng.int(150, 400) };
    case 'relapse':
    case 'refractory':
      return { wbc: rng.logReal(0.8, 60), anc: anc(0.1, 1.5), hb: rng.real(6.5, 11), platelets: rng.int(8, 90) };
  }
}

export function history(rng: Random, plan: Plan, t: Timeline, p: Patient): History {
  const treatments: Treatment[] = [];
  const labs: Lab[] = [];
  const mrd: Mrd[] = [];
  const febrile = rng.chance(FEBRILE_NEUTROPENIA[plan.stage]);
  const tki = tkiFor(rng);
  const on = (day: number) => t.on(day);
  const course = (kind: Treatment['kind'], agents: Agent[], start: number, end?: number, outcome?: Treatment['outcome']): Treatment =>
    ({ kind, agents, start: on(start), ...(end === undefined ? {} : { end: on(end) }), ...(outcome === undefined ? {} : { outcome }) });
  let lastDay = 0;

  if (plan.stage === 'untreated') {
    if (febrile) labs.push(lab('anc', rng.real(0.05, 0.45, 2), '10*9/L', on(plan.today)));
    return { treatments, labs, mrd, febrile, cnsRelapse: false };
  }

  // Induction, with intrathecal CNS prophylaxis in most.
  const ind = plan.induction;
  const refractory = plan.stage === 'refractory';
  if (ind.end === undefined) {
    const planned = rng.chance(0.4) ? on(plan.today + rng.int(1, 20)) : undefined;
    treatments.push({
      kind: 'induction', agents: inductionAgents(rng, p, tki), start: on(ind.start),
      ...(planned === undefined ? {} : { end: planned }), ...(rng.chance(0.5) ? { outcome: 'ongoing' as const } : {}),
    });
  } else {
    treatments.push(course('induction', inductionAgents(rng, p, tki), ind.start, ind.end, refractory ? 'no-remission' : 'complete-remission'));
  }
  if (rng.chance(0.6)) {
    const day = Math.min(plan.today, ind.start + rng.int(0, 7));
    treatments.push(course('cns-prophylaxis', rng.chance(0.5) ? ['methotrexate'] : ['methotrexate', 'cytarabine'], day, day));
  }
  if (ind.end !== undefined) {
    const date = on(ind.end);
    labs.push(lab('blasts', refractory ? rng.int(6, 70) : rng.real(0, 4.5), '%', date, 'marrow'));
    labs.push(...bloodCounts(rng, date, refractory
      ? { wbc: rng.real(0.8, 8), anc: rng.real(0.2, 1.5, 2), hb: rng.real(7, 10.5), platelets: rng.int(15, 120) }
      : { wbc: rng.real(2.5, 8), anc: rng.real(1, 4.5, 2), hb: rng.real(9, 13), platelets: rng.int(100, 380) }));
    if (!refractory && rng.chance(0.85)) mrd.push(mrdResult(rng, date, false));
    lastDay = ind.end;
  }

  const relapse = plan.relapse;
  const c = plan.consolidation;
  if (c !== undefined) {
    const relapsed = relapse?.after === 'consolidation';
    treatments.push(course('consolidation', consolidationAgents(rng, p, tki), c.start, relapsed ? relapse?.day : c.end,
      relapsed ? 'relapse' : c.end !== undefined && rng.chance(0.5) ? 'complete-remission' : undefined));
    lastDay = Math.max(lastDay, c.start);
    const mrdDay = c.start + rng.int(60, 100);
    if (relapse === undefined && mrdDay < plan.today && rng.chance(0.6)) mrd.push(mrdResult(rng, on(mrdDay), true));
  }
  const m = plan.maintenance;
  if (m !== undefined) {
    const relapsed = relapse?.after === 'maintenance';
    treatments.push(course('maintenance', maintenanceAgents(rng, p, tki), m.start, relapsed ? relapse?.day : m.end,
      relapsed ? 'relapse' : m.end !== undefined ? 'complete-remission' : undefined));
    lastDay = Math.max(lastDay, m.end ?? m.start);
  }
  const h = plan.hsct;
  if (h !== undefined) {
    treatments.push(course('allogeneic-hsct', ['cyclophosphamide', 'etoposide'], h.start, h.end, 'complete-remission'));
    lastDay = Math.max(lastDay, h.end);
    const tkiDay = h.end + rng.int(45, 90);
    if (p.philadelphia && relapse === undefined && tkiDay < plan.today) treatments.push(course('tki', [tki], tkiDay));
  }

  let cnsRelapse = false;
  if (relapse !== undefined) {
    const date = on(relapse.day);
    labs.push(lab('blasts', rng.int(8, 92), '%', date, 'marrow'));
    if (rng.chance(0.6)) labs.push(lab('blasts', rng.int(1, 60), '%', date, 'blood'));
    cnsRelapse = rng.chance(0.1);
    lastDay = relapse.day;
  }
  const r = plan.reinduction;
  if (r !== undefined) {
    treatments.push(course('reinduction', reinductionAgents(rng, p), r.start, r.end, r.failed ? 'no-remission' : undefined));
    if (r.end !== undefined) labs.push(lab('blasts', rng.int(6, 80), '%', on(r.end), 'marrow'));
    lastDay = Math.max(lastDay, r.end ?? r.start);
  }

  const recentDay = Math.min(plan.today, Math.max(lastDay + 1, plan.today - rng.int(0, 3)));
  const recent = on(recentDay);
  labs.push(...bloodCounts(rng, recent, latestCounts(rng, plan.stage, febrile)));
  if (plan.stage === 'maintenance') labs.push(lab('alt', rng.int(15, 260), 'U/L', recent), lab('bilirubin', rng.real(0.3, 2.4), 'mg/dL', recent));
  if (p.philadelphia && rng.chance(0.5)) labs.push(lab('qtc', rng.int(395, 490), 'ms', recent));
  if ((plan.stage === 'relapse' || plan.stage === 'refractory') && rng.chance(0.5)) labs.push(lab('blasts', rng.int(1, 70), '%', recent, 'blood'));
  if (plan.stage === 'follow-up' && rng.chance(0.4)) mrd.push({ date: recent, percent: 0, method: 'flow' });
  return { treatments, labs, mrd, febrile, cnsRelapse };
}
