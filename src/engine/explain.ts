/** Fills `{fact}` placeholders in knowledge wording with the case's values. */
import type { Facts } from '../knowledge/facts.js';

function show(value: unknown): string {
  if (value === null || value === undefined || value === 'unknown') return 'unknown';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  return String(value);
}

export function fill(template: string, facts: Facts): string {
  const values = new Map<string, unknown>(Object.entries(facts));
  return template.replace(/\{(\w+)\}/g, (whole: string, key: string) => (values.has(key) ? show(values.get(key)) : whole));
}
