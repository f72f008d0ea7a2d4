/**
 * Small labels. Each says what it means in words (and, where it matters, with an icon), so colour
 * is never the only signal.
 */
import type { Priority, Severity } from '../../../src/contract/index.js';
import { PRIORITY_LABEL, SEVERITY_LABEL } from '../words.js';

const SEVERITY_ICON: Readonly<Record<Severity, string>> = { critical: '!', warning: '▲', info: 'i' };

export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  return (
    <span className={`badge badge-${severity}`}>
      <span className="badge-icon" aria-hidden="true">{SEVERITY_ICON[severity]}</span>
      {SEVERITY_LABEL[severity]}
    </span>
  );
}

export function PriorityBadge({ priority }: { readonly priority: Priority }) {
  return <span className={`badge badge-${priority}`}>{PRIORITY_LABEL[priority]}</span>;
}

/** The registry's count of critical alerts: a red badge with its number and the word. */
export function CriticalBadge({ count }: { readonly count: number }) {
  if (count === 0) return <span className="muted">None</span>;
  return (
    <span className="badge badge-critical">
      <span className="badge-icon" aria-hidden="true">!</span>
      {count} critical
    </span>
  );
}

export function SyntheticTag() {
  return <span className="tag tag-synthetic" title="A made-up demo case, not a real patient">Synthetic</span>;
}
