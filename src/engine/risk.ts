/** Risk factors, each present / absent / unknown, and the group they add up to. */
import type { Evaluation, RiskFactor, TraceEntry } from '../contract/index.js';
import type { RiskFactorRule } from '../knowledge/format.js';
import type { Facts } from '../knowledge/facts.js';
import { fill } from './explain.js';
import { compiled } from './compile.js';

type Risk = Evaluation['risk'];

export function assessRisk(rules: readonly RiskFactorRule[], facts: Facts): { risk: Risk; trace: TraceEntry[] } {
  const trace: TraceEntry[] = [];
  const factors: RiskFactor[] = [];
  let pending = 0;
  for (const r of rules) {
    const present = compiled(r.present).test(facts);
    const absent = compiled(r.absent).test(facts);
    const waiting = r.pending === undefined ? undefined : compiled(r.pending).test(facts);
    trace.push({ rule: r.id, result: present.value, facts: { ...present.used, ...absent.used } });
    if (present.value === 'yes') {
      factors.push({ id: r.id, present: true, detail: fill(r.detail.present, facts) });
    } else if (absent.value === 'yes') {
      factors.push({ id: r.id, present: false, detail: fill(r.detail.absent, facts) });
    } else if (waiting?.value === 'yes') {
      pending += 1;
      factors.push({ id: r.id, present: 'unknown', detail: fill(r.detail.pending ?? r.detail.unknown, facts) });
    } else {
      factors.push({ id: r.id, present: 'unknown', detail: fill(r.detail.unknown, facts) });
    }
  }
  const anyPresent = factors.some((f) => f.present === true);
  const unresolved = factors.filter((f) => f.present === 'unknown').length;
  // Factors still pending (response not yet assessable) leave a standard group provisional.
  const group = anyPresent ? 'high' : unresolved === pending ? 'standard' : 'unknown';
  return { risk: { group, provisional: group === 'standard' && pending > 0, factors }, trace };
}
