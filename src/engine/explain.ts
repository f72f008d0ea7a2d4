/** Fills `{fact}` and `{CD19}`-style marker placeholders in knowledge wording with the case's values. */
import { MARKERS } from '../contract/index.js';
import type { Facts } from '../knowledge/facts.js';

const PLACEHOLDER = /\{(\w+)\}/g;

function show(value: unknown): string {
  if (value === null || value === undefined || value === 'unknown') return 'unknown';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  return String(value);
}

/**
 * A placeholder names, in this order of precedence, an `extra` value, a fact, or a marker (a
 * marker the panel does not report reads "not tested"); anything else is left as written.
 * Only the placeholders in the template are looked up: most wording has none, and this runs for
 * every rule that fires.
 */
export function fill(template: string, facts: Facts, extra: Readonly<Record<string, string>> = {}): string {
  if (!template.includes('{')) return template;
  return template.replace(PLACEHOLDER, (whole: string, key: string) => {
    if (Object.hasOwn(extra, key)) return show(extra[key]);
    if (Object.hasOwn(facts, key)) return show(Reflect.get(facts, key));
    const marker = MARKERS.find((m) => m === key);
    if (marker !== undefined) return show(facts.markers[marker] ?? 'not tested');
    return whole;
  });
}
