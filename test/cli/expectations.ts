/**
 * The `expect` keys of ../shared/cases (see its README), checked the way
 * ../shared/tools/check-cases.cjs checks them. Returns what does not hold, so a failing test
 * says why.
 */
import type { ActionId, Evaluation } from '../../src/contract/index.js';

export interface CaseExpectation {
  readonly diagnosis?: Readonly<Record<string, string>>;
  readonly status?: string;
  readonly phase?: string;
  readonly riskGroup?: string;
  readonly actionsInclude?: readonly string[];
  readonly actionsExclude?: readonly string[];
  readonly alertsInclude?: readonly string[];
  readonly criticalAlerts?: readonly string[];
  readonly actionsOrAlertsInclude?: readonly string[];
  readonly missingInclude?: readonly string[];
  readonly tkiAgentsInclude?: readonly string[];
  readonly tkiAgentsExclude?: readonly string[];
  readonly carTAgentsInclude?: readonly string[];
  readonly carTAgentsExclude?: readonly string[];
  readonly asOf?: string;
  readonly exitCode?: number;
  readonly stderrIncludes?: readonly string[];
}

export function unmet(e: CaseExpectation, out: Evaluation): string[] {
  const why: string[] = [];
  const diagnosis: Readonly<Record<string, unknown>> = out.diagnosis;
  for (const [k, v] of Object.entries(e.diagnosis ?? {})) {
    if (diagnosis[k] !== v) why.push(`diagnosis.${k}=${String(diagnosis[k])}, wanted ${v}`);
  }
  if (e.status !== undefined && out.status !== e.status) why.push(`status=${out.status}, wanted ${e.status}`);
  if (e.phase !== undefined && out.phase !== e.phase) why.push(`phase=${String(out.phase)}, wanted ${e.phase}`);
  if (e.riskGroup !== undefined && out.risk.group !== e.riskGroup) why.push(`risk.group=${out.risk.group}, wanted ${e.riskGroup}`);

  const actions = new Set<string>(out.recommendations.map((r) => r.action));
  const alerts = new Set<string>(out.alerts.map((a) => a.action));
  const missing = new Set<string>(out.missing.map((m) => m.action));
  const agentsOf = (action: ActionId) => new Set<string>(out.recommendations.filter((r) => r.action === action).flatMap((r) => r.agents ?? []));
  const tki = agentsOf('tki');
  const carT = agentsOf('car-t');

  for (const a of e.actionsInclude ?? []) if (!actions.has(a)) why.push(`no recommendation ${a}`);
  for (const a of e.actionsExclude ?? []) if (actions.has(a)) why.push(`recommends ${a}`);
  for (const a of e.alertsInclude ?? []) if (!alerts.has(a)) why.push(`no alert ${a}`);
  for (const a of e.criticalAlerts ?? []) {
    if (!out.alerts.some((x) => x.action === a && x.severity === 'critical')) why.push(`alert ${a} not critical`);
  }
  for (const a of e.actionsOrAlertsInclude ?? []) if (!actions.has(a) && !alerts.has(a)) why.push(`neither recommendation nor alert ${a}`);
  for (const a of e.missingInclude ?? []) if (!missing.has(a)) why.push(`missing lacks ${a}`);
  for (const a of e.carTAgentsInclude ?? []) if (!carT.has(a)) why.push(`car-t agents lack ${a}`);
  for (const a of e.carTAgentsExclude ?? []) if (carT.has(a)) why.push(`car-t agents include ${a}`);
  for (const a of e.tkiAgentsInclude ?? []) if (!tki.has(a)) why.push(`tki agents lack ${a}`);
  for (const a of e.tkiAgentsExclude ?? []) if (tki.has(a)) why.push(`tki agents include ${a}`);
  const unsupported = [...out.recommendations, ...out.alerts].find((x) => x.evidence.length === 0);
  if (unsupported !== undefined) why.push(`${unsupported.action} has no evidence`);
  return why;
}
