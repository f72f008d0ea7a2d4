/**
 * Re-evaluating the registry with the knowledge as it is now: every case's latest version is
 * evaluated again, the new evaluation is stored when it differs from the last one stored, and
 * the report says, case by case, which recommendation and alert actions a guideline update adds
 * or drops, so that a clinic sees what the update means for its patients.
 */
import { isDeepStrictEqual } from 'node:util';
import { evaluate, type ActionId, type Evaluation } from '../index.js';
import { KNOWLEDGE, type Knowledge } from '../knowledge/index.js';
import type { Actor, Store } from '../store/types.js';

export interface ActionChanges {
  readonly added: readonly ActionId[];
  readonly dropped: readonly ActionId[];
}

export interface CaseChange {
  readonly caseId: string;
  readonly version: number;
  /** The knowledge version of the evaluation stored before; null when there was none. */
  readonly previousKnowledgeVersion: string | null;
  readonly knowledgeVersion: string;
  readonly recommendations: ActionChanges;
  readonly alerts: ActionChanges;
}

export interface ReevaluationReport {
  /** Cases re-evaluated. */
  readonly cases: number;
  /** New evaluations stored (those that differ in any way from the one stored before). */
  readonly stored: number;
  /** Cases whose recommendation or alert actions changed. */
  readonly changed: readonly CaseChange[];
  readonly totals: {
    readonly recommendationsAdded: number;
    readonly recommendationsDropped: number;
    readonly alertsAdded: number;
    readonly alertsDropped: number;
  };
}

function compare(before: readonly { action: ActionId }[], after: readonly { action: ActionId }[]): ActionChanges {
  const was = new Set(before.map((x) => x.action));
  const now = new Set(after.map((x) => x.action));
  return { added: [...now].filter((a) => !was.has(a)).sort(), dropped: [...was].filter((a) => !now.has(a)).sort() };
}

const changes = (c: ActionChanges) => c.added.length + c.dropped.length;

/** Equal as JSON: the database need not keep key order (jsonb does not), nor undefined fields. */
function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

export async function reevaluateAll(store: Store, actor: Actor, options: { knowledge?: Knowledge } = {}): Promise<ReevaluationReport> {
  const knowledge = options.knowledge ?? KNOWLEDGE;
  const changed: CaseChange[] = [];
  let cases = 0;
  let stored = 0;
  for (const { caseId, version } of await store.caseIds()) {
    const current = await store.getCase(caseId, actor, version);
    if (current === null) continue;
    const previous = await store.latestEvaluation(caseId, actor, version);
    const fresh = evaluate(current.case, knowledge);
    // A case imported from a FHIR Bundle keeps the report of how the Bundle was read.
    const evaluation: Evaluation = previous?.evaluation.ingest === undefined ? fresh : { ...fresh, ingest: previous.evaluation.ingest };
    cases += 1;
    if (previous === null || !sameJson(previous.evaluation, evaluation)) {
      await store.saveEvaluation(caseId, version, evaluation, actor);
      stored += 1;
    }
    const recommendations = compare(previous?.evaluation.recommendations ?? [], evaluation.recommendations);
    const alerts = compare(previous?.evaluation.alerts ?? [], evaluation.alerts);
    if (changes(recommendations) + changes(alerts) > 0) {
      changed.push({
        caseId, version, previousKnowledgeVersion: previous?.knowledgeVersion ?? null,
        knowledgeVersion: evaluation.knowledgeVersion, recommendations, alerts,
      });
    }
  }
  const sum = (f: (c: CaseChange) => number) => changed.reduce((n, c) => n + f(c), 0);
  const totals = {
    recommendationsAdded: sum((c) => c.recommendations.added.length),
    recommendationsDropped: sum((c) => c.recommendations.dropped.length),
    alertsAdded: sum((c) => c.alerts.added.length),
    alertsDropped: sum((c) => c.alerts.dropped.length),
  };
  await store.audit('reevaluate', actor, null, `cases ${cases}, stored ${stored}, changed ${changed.length}`);
  return { cases, stored, changed, totals };
}
