/** Fills `{fact}` and `{CD19}`-style marker placeholders in knowledge wording with the case's values. */
import { MARKERS } from '../contract/index.js';
import type { Facts } from '../knowledge/facts.js';

function show(value: unknown): string {
  if (value === null || value === undefined || value === 'unknown') return 'unknown';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  return String(value);
}

export function fill(template: string, facts: Facts, extra: Readonly<Record<string, string>> = {}): string {
  const values = new Map<string, unknown>([
    ...MARKERS.map((m): [string, unknown] => [m, facts.markers[m] ?? 'not tested']),
    ...Object.entries(facts),
    ...Object.entries(extra),
  ]);
  return template.replace(/\{(\w+)\}/g, (whole: string, key: string) => (values.has(key) ? show(values.get(key)) : whole));
}
