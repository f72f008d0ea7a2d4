/**
 * `allpath reevaluate`: re-evaluate every case with the current knowledge and print the cases
 * whose recommendation or alert actions changed (+ new, − dropped), then the totals.
 */
import { KNOWLEDGE_VERSION } from '../index.js';
import { reevaluateAll, type ActionChanges, type CaseChange, type ReevaluationReport } from '../registry/index.js';
import type { Io } from './io.js';
import { cliActor, withStore, type StoreFlags } from './registry-store.js';

export interface ReevaluateOptions extends StoreFlags {
  readonly json: boolean;
}

function actions(label: string, c: ActionChanges): string[] {
  const items = [...c.added.map((a) => `+ ${a}`), ...c.dropped.map((a) => `− ${a}`)];
  return items.length === 0 ? [] : [`  ${label}: ${items.join(', ')}`];
}

function caseLines(c: CaseChange): string[] {
  const knowledge = c.previousKnowledgeVersion === c.knowledgeVersion ? '' : `, knowledge ${c.previousKnowledgeVersion ?? 'none'} → ${c.knowledgeVersion}`;
  return [`${c.caseId} (version ${c.version}${knowledge})`, ...actions('recommendations', c.recommendations), ...actions('alerts', c.alerts)];
}

export function reevaluationText(r: ReevaluationReport): string {
  const t = r.totals;
  return [
    ...r.changed.flatMap(caseLines),
    ...(r.changed.length === 0 ? [] : ['']),
    `Re-evaluated ${r.cases} cases with knowledge ${KNOWLEDGE_VERSION}: ${r.changed.length} with changed actions, ${r.stored} new evaluations stored.`,
    `Recommendations: ${t.recommendationsAdded} added, ${t.recommendationsDropped} dropped. Alerts: ${t.alertsAdded} added, ${t.alertsDropped} dropped.`,
    '',
  ].join('\n');
}

export async function reevaluateCommand(options: ReevaluateOptions, io: Io): Promise<number> {
  return withStore(options, io, async (store) => {
    const report = await reevaluateAll(store, cliActor());
    io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : reevaluationText(report));
    return 0;
  });
}
