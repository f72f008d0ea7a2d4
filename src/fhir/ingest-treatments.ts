/**
 * Dated agents → courses (`treatments[]`).
 *
 * Grouping rule: agents are taken in date order; the first opens a course, and every agent whose
 * start falls within 28 days of that course's first day (day 1 to day 28) joins it; the next one
 * opens a new course. Growth factors (filgrastim, pegfilgrastim, sargramostim) are grouped the
 * same way into their own `supportive` courses, so they do not blur the kind of a chemotherapy
 * course. A course starts on its earliest day and ends on its last recorded day; it has no end
 * while any of its records is open (an active order without an end date).
 *
 * The kind comes from the agent mix (src/terminology/regimens.ts); no outcome is ever set.
 * Procedures (transplant, radiation, CAR-T infusion) are courses of their own.
 */
import { AGENTS, daysBetween, type Agent, type Treatment } from '../contract/index.js';
import { GROWTH_FACTORS, courseKind } from '../terminology/index.js';
import type { AgentRecord, Draft } from './ingest-context.js';

/** Day 1 to day 28 of a course. */
export const COURSE_WINDOW_DAYS = 28;

interface Course { readonly start: string; readonly records: AgentRecord[] }

function group(records: readonly AgentRecord[]): Course[] {
  const sorted = [...records].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : AGENTS.indexOf(a.agent) - AGENTS.indexOf(b.agent)));
  const courses: Course[] = [];
  for (const r of sorted) {
    const current = courses.at(-1);
    if (current !== undefined && daysBetween(current.start, r.start) < COURSE_WINDOW_DAYS) current.records.push(r);
    else courses.push({ start: r.start, records: [r] });
  }
  return courses;
}

function agentsOf(course: Course): Agent[] {
  const set = new Set(course.records.map((r) => r.agent));
  return AGENTS.filter((a) => set.has(a));
}

function endOf(course: Course): string | undefined {
  if (course.records.some((r) => r.end === undefined)) return undefined;
  return course.records.map((r) => r.end ?? r.start).sort().at(-1);
}

function treatment(course: Course, kind: Treatment['kind']): Treatment {
  const end = endOf(course);
  return { kind, agents: agentsOf(course), start: course.start, ...(end === undefined ? {} : { end }) };
}

/** Courses from the draft's agents and procedures, oldest first, with the resources each came from. */
export function buildTreatments(draft: Draft): { treatment: Treatment; keys: readonly string[] }[] {
  const supportive = draft.agents.filter((r) => GROWTH_FACTORS.includes(r.agent));
  const antileukemic = draft.agents.filter((r) => !GROWTH_FACTORS.includes(r.agent));
  const keysOf = (c: Course) => [...new Set(c.records.map((r) => r.key))];
  const courses = [
    ...group(antileukemic).map((c, i) => ({ treatment: treatment(c, courseKind(agentsOf(c), i === 0)), keys: keysOf(c) })),
    ...group(supportive).map((c) => ({ treatment: treatment(c, 'supportive'), keys: keysOf(c) })),
    ...draft.procedures.map(({ key, ...t }) => ({ treatment: t, keys: [key] })),
  ];
  return courses.sort((a, b) => (a.treatment.start < b.treatment.start ? -1 : a.treatment.start > b.treatment.start ? 1 : 0));
}
