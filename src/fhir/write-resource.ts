/**
 * What the Bundle writer's modules share: the resource and Bundle shapes, deterministic ids
 * (from the case id and a counter per kind: no clock, no randomness), the patient reference and
 * the small element builders.
 */
import type { Code } from './write-codes.js';

/** A FHIR R4 resource as JSON. */
export interface FhirResource {
  readonly resourceType: string;
  readonly id: string;
  readonly [element: string]: unknown;
}

export interface FhirBundleEntry {
  readonly fullUrl: string;
  readonly resource: FhirResource;
  readonly search?: { readonly mode: 'match' };
}

/** A FHIR R4 Bundle: `collection` from caseToBundle, `searchset` in a CDS Hooks prefetch. */
export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly id?: string;
  readonly type: 'collection' | 'searchset';
  readonly total?: number;
  readonly link?: readonly { readonly relation: string; readonly url: string }[];
  readonly entry: readonly FhirBundleEntry[];
}

/** Where the resources live; relative references (`Patient/x`) resolve against it. */
export const FHIR_BASE = 'https://example.org/fhir';

export const fullUrlOf = (r: FhirResource): string => `${FHIR_BASE}/${r.resourceType}/${r.id}`;

/** FNV-1a, 32 bits, as 8 hex digits: a short stable stand-in for an id FHIR would refuse. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A FHIR id ([A-Za-z0-9-.]{1,64}) from a case id: the case id itself when it is one and short
 * enough to take suffixes (`-lab-12`), else its legal characters cut short plus a hash of the whole.
 */
export function fhirIdOf(caseId: string): string {
  if (/^[A-Za-z0-9\-.]{1,40}$/.test(caseId)) return caseId;
  const legal = caseId.replace(/[^A-Za-z0-9\-.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30);
  return `${legal === '' ? 'case' : legal}-${fnv1a(caseId)}`;
}

/** Ids and the subject reference for one case's resources. */
export class Writer {
  private readonly counts = new Map<string, number>();
  readonly subject: { readonly reference: string };

  constructor(readonly base: string, readonly asOf: string) {
    this.subject = { reference: `Patient/${base}` };
  }

  /** `<base>-<kind>-<n>`, n counting from 1 per kind in the order resources are written. */
  id(kind: string): string {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    return `${this.base}-${kind}-${n}`;
  }
}

export const coding = (c: Code) => ({ system: c.system, code: c.code, ...(c.display === undefined ? {} : { display: c.display }) });

export const concept = (c: Code, text?: string) => ({ coding: [coding(c)], ...(text === undefined ? {} : { text }) });

const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Observation.category (FHIR R4 observation-category): laboratory, vital-signs, survey. */
export const category = (code: 'laboratory' | 'vital-signs' | 'survey') => [{ coding: [{ system: CATEGORY, code }] }];

const UCUM = 'http://unitsofmeasure.org';

/** A UCUM quantity: the contract's units are UCUM codes, written as both unit and code. */
export const ucum = (value: number, unit: string) => ({ value, unit, system: UCUM, code: unit });
