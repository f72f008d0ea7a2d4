/** Risk factors, each present / absent / unknown, and the group they add up to. */
import type { Evaluation, RiskFactor, TraceEntry } from '../contract/index.js';
import type { RiskFactorRule } from '../knowledge/format.js';
import type { Facts } from '../knowledge/facts.js';
import { fill } from './explain.js';
import type { CompiledKnowledge } from './compile.js';

type Risk = Evaluation['risk'];

/** `compiled` holds the rules' conditions compiled; each factor read is appended to `trace`. */
export function assessRisk(
  rules: readonly RiskFactorRule[], compiled: CompiledKnowledge['riskFactors'], facts: Facts, trace: TraceEntry[],
): Risk {
  const factors: RiskFactor[] = [];
  let pending = 0;
  for (const [i, r] of rules.entries()) {
    const k = compiled[i];
    if (k === undefined) throw new RangeError(`risk factor ${r.id} was not compiled`);
    const present = k.present.value(facts);
    const absent = k.absent.value(facts);
    const waiting = k.pending?.value(facts);
    trace.push({ rule: r.id, result: present, facts: k.read.read(facts) });
    if (present === 'yes') {
      factors.push({ id: r.id, present: true, detail: fill(r.detail.present, facts) });
    } else if (absent === 'yes') {
      factors.push({ id: r.id, present: false, detail: fill(r.detail.absent, facts) });
    } else if (waiting === 'yes') {
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
  return { group, provisional: group === 'standard' && pending > 0, factors };
}
