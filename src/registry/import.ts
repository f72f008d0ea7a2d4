/**
 * Importing records into the registry. Each record is a contract case (or an example document
 * holding one) or a FHIR R4 Bundle, told apart by `resourceType`. A record that breaks the
 * contract is reported with its place and the contract's messages and skipped; a valid one is
 * evaluated and stored as a new case, or as a new version when its id is already there (unless it
 * is the same as the latest version, which is left as it is, so importing a file twice adds nothing). Each
 * record is stored whole or not at all (the store writes the version, its evaluation and the
 * audit entry in one transaction), so an invalid or failing record leaves nothing behind.
 */
import { isDeepStrictEqual } from 'node:util';
import { isDemoId } from '../demo/index.js';
import { ingestBundle, isFhirBundle } from '../fhir/ingest.js';
import { evaluate, parseCaseDocument, parseCaseJson, type Case, type Evaluation, type Issue } from '../index.js';
import { StoreError, type Actor, type Store } from '../store/types.js';
import { todayOf } from './dates.js';
import type { SourceRecord } from './records.js';

export interface ImportOptions {
  /** The date FHIR Bundles (which carry none) are evaluated for; today by default. Contract cases carry their own. */
  readonly asOf?: string;
  /** Store every case as synthetic. Demo cases (`demo-…`) are synthetic anyway. */
  readonly synthetic?: boolean;
  /** Called after each record, e.g. to move a progress bar. */
  readonly onRecord?: (outcome: RecordOutcome) => void;
}

export type RecordOutcome =
  | { readonly line: number; readonly file?: string; readonly result: 'imported' | 'updated' | 'unchanged'; readonly caseId: string; readonly version: number }
  | { readonly line: number; readonly file?: string; readonly result: 'invalid'; readonly messages: readonly string[] };

export interface InvalidRecord {
  readonly line: number;
  readonly file?: string;
  readonly messages: readonly string[];
}

export interface ImportReport {
  /** New cases created. */
  readonly imported: number;
  /** Existing cases given a new version. */
  readonly updated: number;
  /** Records identical to the latest version already stored: nothing written. */
  readonly unchanged: number;
  readonly invalid: readonly InvalidRecord[];
}

type Read = { readonly ok: true; readonly case: Case; readonly evaluation: Evaluation } | { readonly ok: false; readonly issues: readonly Issue[] };

/** A record's text → the case and its evaluation, or the contract's issues. */
export function readRecord(text: string, asOf: string): Read {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const parsed = parseCaseJson(text);
    return parsed.ok ? { ok: true, case: parsed.value, evaluation: evaluate(parsed.value) } : parsed;
  }
  if (isFhirBundle(data)) {
    const ingested = ingestBundle(data, { asOf });
    if (!ingested.ok) return ingested;
    return { ok: true, case: ingested.case, evaluation: { ...evaluate(ingested.case), ingest: ingested.report } };
  }
  const parsed = parseCaseDocument(data);
  return parsed.ok ? { ok: true, case: parsed.value, evaluation: evaluate(parsed.value) } : parsed;
}

/** Equal as JSON: the database need not keep key order (jsonb does not). */
function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

async function storeCase(store: Store, known: Set<string>, c: Case, evaluation: Evaluation, actor: Actor, synthetic: boolean) {
  if (!known.has(c.id)) {
    try {
      const created = await store.createCase(c, evaluation, actor, { synthetic });
      known.add(c.id);
      return { result: 'imported' as const, version: created.version };
    } catch (e) {
      // Created meanwhile by someone else: store ours as its next version.
      if (!(e instanceof StoreError && e.code === 'conflict')) throw e;
      known.add(c.id);
    }
  }
  const latest = await store.getCase(c.id, actor);
  if (latest !== null && sameJson(latest.case, c)) return { result: 'unchanged' as const, version: latest.version };
  const updated = await store.updateCase(c.id, c, evaluation, actor);
  return { result: 'updated' as const, version: updated.version };
}

export async function importRecords(
  store: Store, source: AsyncIterable<SourceRecord>, actor: Actor, options: ImportOptions = {},
): Promise<ImportReport> {
  const asOf = options.asOf ?? todayOf(new Date());
  const known = new Set((await store.caseIds()).map((c) => c.caseId));
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  const invalid: InvalidRecord[] = [];
  for await (const record of source) {
    const where = { line: record.line, ...(record.file === undefined ? {} : { file: record.file }) };
    const read = readRecord(record.text, asOf);
    let outcome: RecordOutcome;
    if (!read.ok) {
      outcome = { ...where, result: 'invalid', messages: read.issues.map((i) => i.message) };
    } else {
      try {
        const synthetic = options.synthetic === true || isDemoId(read.case.id);
        const stored = await storeCase(store, known, read.case, read.evaluation, actor, synthetic);
        outcome = { ...where, ...stored, caseId: read.case.id };
      } catch (e) {
        // The store refused this record (not the database failing): report it like a contract issue.
        if (!(e instanceof StoreError) || e.code !== 'invalid') throw e;
        outcome = { ...where, result: 'invalid', messages: [`(root): ${e.message}`] };
      }
    }
    if (outcome.result === 'invalid') invalid.push({ ...where, messages: outcome.messages });
    else if (outcome.result === 'imported') imported += 1;
    else if (outcome.result === 'updated') updated += 1;
    else unchanged += 1;
    options.onRecord?.(outcome);
  }
  await store.audit('import', actor, null, `imported ${imported}, updated ${updated}, unchanged ${unchanged}, invalid ${invalid.length}`);
  return { imported, updated, unchanged, invalid };
}
