/**
 * What every per-resource mapper shares: the resources by reference, the patient the case is
 * about, asOf, the notes of the ingest report, and the draft of the case being filled. Nothing is
 * dropped silently: a mapper either records what the resource contributed (`contributed`) or
 * says why it could not (`unmapped`, `warn`).
 */
import { parseWith, type Agent, type Case, type ExtramedullarySite, type GeneticTestResult, type IngestNote, type Lab, type Marker, type MarkerResult, type Treatment } from '../contract/index.js';
import type { z } from 'zod';
import { codeKey } from '../terminology/index.js';
import type { Coding } from './resources.js';

export interface Entry {
  /** `Type/id`, or `Type[index]` for a resource without an id. */
  readonly key: string;
  readonly type: string;
  readonly resource: Readonly<Record<string, unknown>>;
  readonly fullUrl?: string;
}

export type RecordedCondition = NonNullable<Case['conditions']>[number];

export interface DatedValue { readonly value: number; readonly date: string; readonly key: string }

/** A dated agent taken from one medication resource. */
export interface AgentRecord {
  readonly agent: Agent;
  readonly start: string;
  /** Last day given; undefined while the record is open (an active order without an end). */
  readonly end?: string;
  readonly key: string;
}

export interface ConditionDraft {
  readonly key: string;
  condition: RecordedCondition;
  /** True when the code itself states remission or relapse (ICD-10-CM x1/x2). */
  readonly statusFromCode: boolean;
  readonly site?: ExtramedullarySite;
}

export interface DiseaseStatusDraft {
  readonly key: string;
  readonly date: string;
  readonly remission: boolean;
  readonly focus: readonly string[];
  readonly coding?: Coding;
}

/** The case as it is being filled from the resources. */
export interface Draft {
  readonly conditions: ConditionDraft[];
  readonly diseaseStatus: DiseaseStatusDraft[];
  readonly labs: (Lab & { readonly key: string })[];
  readonly markers: { readonly marker: Marker; readonly result: MarkerResult; readonly date?: string; readonly key: string }[];
  readonly genetics: (GeneticTestResult & { readonly key: string })[];
  readonly temperatures: DatedValue[];
  readonly ecog: DatedValue[];
  readonly csfWbc: DatedValue[];
  readonly agents: AgentRecord[];
  readonly procedures: (Treatment & { readonly key: string })[];
}

export function emptyDraft(): Draft {
  return { conditions: [], diseaseStatus: [], labs: [], markers: [], genetics: [], temperatures: [], ecog: [], csfWbc: [], agents: [], procedures: [] };
}

export class Context {
  readonly unmappedNotes: IngestNote[] = [];
  readonly warnings: IngestNote[] = [];
  readonly mapped = new Set<string>();
  readonly draft: Draft = emptyDraft();
  /** Observation key → the effective date of the DiagnosticReport that lists it. */
  readonly reportDates = new Map<string, { date: string; report: string }>();
  private readonly byKey = new Map<string, Entry>();
  private readonly byFullUrl = new Map<string, Entry>();

  constructor(
    readonly asOf: string,
    readonly entries: readonly Entry[],
    readonly patient: { readonly key: string; readonly id?: string; readonly fullUrl?: string },
  ) {
    for (const e of entries) {
      this.byKey.set(e.key, e);
      if (e.fullUrl !== undefined) this.byFullUrl.set(e.fullUrl, e);
    }
  }

  contributed(key: string): void {
    this.mapped.add(key);
  }

  unmapped(key: string, why: string, coding?: Coding | string): void {
    this.unmappedNotes.push(note(key, why, coding));
  }

  warn(key: string, why: string, coding?: Coding | string): void {
    this.warnings.push(note(key, why, coding));
  }

  /** The entry a reference points to: `Type/id` (relative or absolute URL), a fullUrl, or `#id` in `contained`. */
  resolve(reference: string | undefined): Entry | undefined {
    if (reference === undefined) return undefined;
    const direct = this.byFullUrl.get(reference);
    if (direct !== undefined) return direct;
    const key = referenceKey(reference);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /**
   * Whether a subject reference names the case's patient. Without a reference, or when the
   * Patient has neither id nor fullUrl to compare with, the resource is taken to be about them.
   */
  isAboutPatient(reference: string | undefined): boolean {
    if (reference === undefined || (this.patient.id === undefined && this.patient.fullUrl === undefined)) return true;
    if (this.patient.fullUrl !== undefined && reference === this.patient.fullUrl) return true;
    return referenceKey(reference) === this.patient.key;
  }

  /** A FHIR date or dateTime as a calendar day; undefined (with a warning) when partial or malformed. */
  day(key: string, value: string | undefined, element: string): string | undefined {
    if (value === undefined) return undefined;
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
    if (m?.[1] === undefined) {
      this.warn(key, `${element} "${value.slice(0, 30)}" is not a full date: not used`);
      return undefined;
    }
    return m[1];
  }

  /** True (with a warning) when `date` lies after asOf: such data is left out. */
  afterAsOf(key: string, date: string, what: string): boolean {
    if (date <= this.asOf) return false;
    this.warn(key, `${what} dated ${date}, after asOf ${this.asOf}: left out`);
    return true;
  }

  /** Validates a resource against its schema; an invalid one is reported with the path and not mapped. */
  read<S extends z.ZodType>(entry: Entry, schema: S): z.infer<S> | undefined {
    const parsed = parseWith(schema, entry.resource);
    if (parsed.ok) return parsed.value;
    const first = parsed.issues.slice(0, 3).map((i) => i.message).join('; ');
    this.unmapped(entry.key, `not a valid FHIR R4 ${entry.type}: ${first}`);
    return undefined;
  }
}

/** A coding goes in `code` as `system|code`; an uncoded text only in `why`. */
function note(resource: string, why: string, coding?: Coding | string): IngestNote {
  if (coding === undefined) return { resource, why };
  if (typeof coding === 'string') return { resource, why: `${why} (uncoded: "${coding.slice(0, 60)}")` };
  if (coding.code === undefined) return { resource, why: coding.display === undefined ? why : `${why} (uncoded: "${coding.display.slice(0, 60)}")` };
  return { resource, code: codeKey(coding.system, coding.code), why };
}

/** `Type/id` from a relative or absolute reference (`…/Observation/r1`, `Observation/r1/_history/2`). */
export function referenceKey(reference: string): string | undefined {
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return m === null ? undefined : `${m[1]}/${m[2]}`;
}
