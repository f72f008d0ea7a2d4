/** Fills `{fact}` and `{CD19}`-style marker placeholders in knowledge wording with the case's values. */
import { MARKERS, type Marker } from '../contract/index.js';
import type { Facts } from '../knowledge/facts.js';

function show(value: unknown): string {
  if (value === null || value === undefined || value === 'unknown') return 'unknown';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  return String(value);
}

/** A template cut at its placeholders: text, then the name between braces, alternately. */
type Parts = readonly string[];

const PLACEHOLDER = /\{(\w+)\}/;
const PARTS = new Map<string, Parts>();

/**
 * The parts of a template, cut once: knowledge wording is a fixed set of strings, so this memo
 * never grows past it and changes no answer.
 */
function partsOf(template: string): Parts {
  const known = PARTS.get(template);
  if (known !== undefined) return known;
  const parts = template.split(PLACEHOLDER);
  PARTS.set(template, parts);
  return parts;
}

const markerNamed = (key: string): Marker | undefined => MARKERS.find((m) => m === key);

/** A placeholder's value: an `extra` value, else a fact, else a marker ("not tested" when unreported). */
function valueOf(key: string, facts: Facts, extra: Readonly<Record<string, string>>): string | undefined {
  if (Object.hasOwn(extra, key)) return show(extra[key]);
  if (Object.hasOwn(facts, key)) return show(Reflect.get(facts, key));
  const marker = markerNamed(key);
  return marker === undefined ? undefined : show(facts.markers[marker] ?? 'not tested');
}

/** A name that is neither a fact, a marker nor an extra value is left as written, braces and all. */
export function fill(template: string, facts: Facts, extra: Readonly<Record<string, string>> = {}): string {
  if (!template.includes('{')) return template;
  const parts = partsOf(template);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] ?? '';
    out += (valueOf(key, facts, extra) ?? `{${key}}`) + (parts[i + 1] ?? '');
  }
  return out;
}
