/**
 * Procedure → `treatments[]` where the code names a treatment (autologous transplant, radiation,
 * CAR-T infusion; src/terminology/procedures.ts). Diagnostic procedures (marrow aspiration,
 * lumbar puncture) contribute through their Observations and are reported as unmapped here.
 */
import { procedureOf } from '../terminology/index.js';
import type { Context, Entry } from './ingest-context.js';
import { Procedure } from './resources.js';

const NOT_DONE = ['preparation', 'not-done', 'entered-in-error'];

export function ingestProcedure(entry: Entry, ctx: Context): void {
  const p = ctx.read(entry, Procedure);
  if (p === undefined) return;
  if (!ctx.isAboutPatient(p.subject?.reference)) {
    ctx.unmapped(entry.key, `about another patient (${p.subject?.reference ?? '?'})`);
    return;
  }
  const codings = p.code?.coding ?? [];
  const hit = codings.map((c) => ({ c, found: procedureOf(c.system, c.code) })).find((x) => x.found !== undefined);
  if (hit?.found === undefined) {
    ctx.unmapped(entry.key, 'not a treatment procedure allpath maps', codings[0] ?? p.code?.text);
    return;
  }
  if (hit.found.kind === 'not-used') {
    ctx.unmapped(entry.key, hit.found.why, hit.c);
    return;
  }
  if (p.status !== undefined && NOT_DONE.includes(p.status)) {
    ctx.unmapped(entry.key, `not performed (status ${p.status})`, hit.c);
    return;
  }
  const start = ctx.day(entry.key, p.performedDateTime ?? p.performedPeriod?.start, 'performed[x]');
  if (start === undefined) {
    ctx.warn(entry.key, `${hit.found.treatment} without a date: not used`);
    return;
  }
  if (ctx.afterAsOf(entry.key, start, hit.found.treatment)) return;
  // A procedure on one day ends that day; a period ends at its end, or is ongoing without one.
  const end = p.performedPeriod !== undefined ? ctx.day(entry.key, p.performedPeriod.end, 'performedPeriod.end') : start;
  ctx.draft.procedures.push({ kind: hit.found.treatment, start, ...(end === undefined || end < start ? {} : { end }), key: entry.key });
  ctx.contributed(entry.key);
}
