/**
 * The contract has the last word on an ingested case. A value a mapper read that the contract
 * refuses (a lab below zero, a date that is not a calendar day, a temperature of 60 °C, a course
 * that ends before it starts) is left out, with the contract's reason, under the resource it came
 * from; the case is then built again without it. One bad resource does not make a whole record
 * unreadable, and no issue names a path of a case the sender never wrote.
 */
import type { Issue } from '../contract/index.js';
import type { Context, Draft } from './ingest-context.js';

/** A part of the built case (a contract path) and the resources it was read from. */
export interface CaseSource {
  readonly path: string;
  readonly keys: readonly string[];
}

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** The resource behind each issue, with the issue; undefined when an issue has no resource behind it. */
export function refusedResources(issues: readonly Issue[], sources: readonly CaseSource[]): Map<string, Issue> | undefined {
  const refused = new Map<string, Issue>();
  for (const issue of issues) {
    const source = sources.find((s) => within(issue.path, s.path));
    if (source === undefined || source.keys.length === 0) return undefined;
    for (const key of source.keys) if (!refused.has(key)) refused.set(key, issue);
  }
  return refused;
}

function withdraw<T extends { readonly key: string }>(list: T[], key: string): void {
  for (let i = list.length - 1; i >= 0; i -= 1) if (list[i]?.key === key) list.splice(i, 1);
}

/** Takes back everything the resource contributed to the draft and says why in the ingest report. */
export function leaveOut(ctx: Context, key: string, issue: Issue): void {
  const d: Draft = ctx.draft;
  withdraw(d.conditions, key);
  withdraw(d.diseaseStatus, key);
  withdraw(d.labs, key);
  withdraw(d.markers, key);
  withdraw(d.genetics, key);
  withdraw(d.temperatures, key);
  withdraw(d.ecog, key);
  withdraw(d.csfWbc, key);
  withdraw(d.agents, key);
  withdraw(d.procedures, key);
  ctx.mapped.delete(key);
  const field = /([A-Za-z]+)$/.exec(issue.path)?.[1] ?? 'value';
  ctx.unmapped(key, `${field} refused by the contract (expected ${issue.expected ?? '?'}, found ${issue.found ?? '?'}): not used`);
}
