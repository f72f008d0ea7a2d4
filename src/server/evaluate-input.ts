/**
 * Evaluate a document whatever its kind: a contract case (or an example document holding one) or
 * a FHIR Bundle, told apart by `resourceType`. The HTTP API and the CLI both call this, so the two
 * cannot disagree on what an input means. Translation only: the engine decides.
 */
import { ingestBundle, isFhirBundle } from '../fhir/ingest.js';
import { evaluate, parseCaseDocument, parseCaseJson, type Case, type Evaluation, type Issue, type Parsed } from '../index.js';

export type InputKind = 'case' | 'fhir';

export type EvaluatedInput =
  | { readonly ok: true; readonly kind: InputKind; readonly case: Case; readonly evaluation: Evaluation }
  | { readonly ok: false; readonly kind: InputKind; readonly issues: readonly Issue[] };

export interface InputOptions {
  /** The date asked for; a contract case carries its own, which must agree. */
  readonly asOf?: string;
  /** Where `asOf` came from, for the message (`--as-of`, `?asOf`). */
  readonly asOfSource: string;
  /** The date a FHIR Bundle (which carries none) is evaluated for when `asOf` is not given. */
  readonly today: string;
  /** The id a FHIR Bundle's case gets (by default `Bundle/<its id>`, else the Patient's reference). */
  readonly caseId?: string;
}

/** Evaluating a case for a date other than its own would silently re-date it; refuse instead. */
function asOfMismatch(asked: string, source: string, stated: string): Issue {
  const expected = `${asked} (from ${source})`;
  const found = JSON.stringify(stated);
  return { code: 'as_of_mismatch', path: 'asOf', expected, found, message: `asOf: expected ${expected}, found ${found}` };
}

/** The input as a case, and its evaluation (with the ingest report for a FHIR Bundle). */
export function evaluateInput(data: unknown, options: InputOptions): EvaluatedInput {
  if (isFhirBundle(data)) {
    const r = ingestBundle(data, { asOf: options.asOf ?? options.today, ...(options.caseId === undefined ? {} : { caseId: options.caseId }) });
    if (!r.ok) return { ok: false, kind: 'fhir', issues: r.issues };
    return { ok: true, kind: 'fhir', case: r.case, evaluation: { ...evaluate(r.case), ingest: r.report } };
  }
  const parsed = parseCaseDocument(data);
  if (!parsed.ok) return { ok: false, kind: 'case', issues: parsed.issues };
  if (options.asOf !== undefined && options.asOf !== parsed.value.asOf) {
    return { ok: false, kind: 'case', issues: [asOfMismatch(options.asOf, options.asOfSource, parsed.value.asOf)] };
  }
  return { ok: true, kind: 'case', case: parsed.value, evaluation: evaluate(parsed.value) };
}

/** JSON text (a leading byte order mark dropped) → data; a syntax error is an issue worded as the contract words it. */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    const parsed = parseCaseJson(text);
    return parsed.ok ? { ok: true, value: parsed.value } : parsed;
  }
}

/** Today's calendar date where the server or the CLI runs. Adapters may read the clock; the engine may not. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
