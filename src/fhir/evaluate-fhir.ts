/**
 * A FHIR Bundle → the evaluation of the case it holds, with the ingest report attached as
 * `evaluation.ingest`. The engine sees only the parsed Case: this adapter holds no clinical logic.
 */
import type { Evaluation, Issue } from '../contract/index.js';
import { evaluate } from '../engine/index.js';
import { ingestBundle, type IngestOptions } from './ingest.js';

export function evaluateFhir(bundle: unknown, options: IngestOptions):
  { readonly ok: true; readonly evaluation: Evaluation } | { readonly ok: false; readonly issues: readonly Issue[] } {
  const ingested = ingestBundle(bundle, options);
  if (!ingested.ok) return ingested;
  return { ok: true, evaluation: { ...evaluate(ingested.case), ingest: ingested.report } };
}
