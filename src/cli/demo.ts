/**
 * `allpath demo`: a synthetic demo cohort (the same cases for the same seed and date) as NDJSON
 * on stdout or in a file, or loaded into the registry as synthetic cases. `--format fhir` writes
 * each case as a FHIR R4 Bundle instead (src/fhir/case-bundle.ts: what FHIR ingest reads back).
 */
import { demoCase, demoCases } from '../demo/index.js';
import { caseToBundle } from '../fhir/case-bundle.js';
import { importRecords, ndjsonRecords, todayOf } from '../registry/index.js';
import type { Io } from './io.js';
import { INVALID_INPUT } from './issues.js';
import { cliActor, INTERNAL_ERROR, withStore, type StoreFlags } from './registry-store.js';
import { openOutput } from './write-output.js';

/** What each NDJSON line holds: a contract case, or that case as a FHIR R4 Bundle. */
export const DEMO_FORMATS = ['case', 'fhir'] as const;
export type DemoFormat = (typeof DEMO_FORMATS)[number];

export interface DemoOptions extends StoreFlags {
  readonly count: number;
  readonly seed: number;
  readonly asOf?: string;
  readonly out?: string;
  readonly load: boolean;
  readonly format?: DemoFormat;
}

/** About 1 MB per write: 10,000 Bundles (~20 kB each) never sit in memory as one string. */
const CHUNK_CHARS = 1 << 20;

async function writeInChunks(lines: Iterable<string>, write: (chunk: string) => unknown): Promise<void> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await write(chunk);
}

/** The cohort as FHIR Bundles, one a line, made one case at a time. */
async function writeBundles(options: DemoOptions, asOf: string, io: Io): Promise<number> {
  function* lines(): Generator<string> {
    for (let i = 0; i < options.count; i += 1) yield `${JSON.stringify(caseToBundle(demoCase(i, options.seed, asOf)))}\n`;
  }
  if (options.out === undefined) {
    await writeInChunks(lines(), io.stdout);
    return 0;
  }
  const file = await openOutput(options.out, io);
  if (typeof file === 'number') return file;
  try {
    await writeInChunks(lines(), (chunk) => file.write(chunk, null, 'utf8'));
  } finally {
    await file.close();
  }
  io.stderr(`allpath: wrote ${options.count} synthetic cases as FHIR Bundles (seed ${options.seed}, as of ${asOf}) to ${options.out}\n`);
  return 0;
}

export async function demoCommand(options: DemoOptions, io: Io): Promise<number> {
  const asOf = options.asOf ?? todayOf(new Date());
  if (options.format === 'fhir') {
    if (options.load) {
      io.stderr('allpath: --load stores the contract cases; --format fhir only writes Bundles. Use one or the other.\n');
      return INVALID_INPUT;
    }
    return writeBundles(options, asOf, io);
  }
  const ndjson = demoCases(options.count, options.seed, asOf).map((c) => `${JSON.stringify(c)}\n`).join('');
  if (options.out !== undefined) {
    const file = await openOutput(options.out, io);
    if (typeof file === 'number') return file;
    try {
      await file.writeFile(ndjson, 'utf8');
    } finally {
      await file.close();
    }
    io.stderr(`allpath: wrote ${options.count} synthetic cases (seed ${options.seed}, as of ${asOf}) to ${options.out}\n`);
  }
  if (!options.load) {
    if (options.out === undefined) io.stdout(ndjson);
    return 0;
  }
  return withStore(options, io, async (store, where) => {
    const report = await importRecords(store, ndjsonRecords(ndjson), cliActor(), { synthetic: true });
    if (report.invalid.length > 0) {
      // The generator makes only valid cases: an invalid one is a bug, not the user's input.
      io.stderr(`allpath: internal error: ${report.invalid.length} demo cases were invalid\n`);
      return INTERNAL_ERROR;
    }
    io.stdout(`Loaded ${options.count} synthetic demo cases (seed ${options.seed}, as of ${asOf}) into ${where}: `
      + `${report.imported} new, ${report.updated} new versions of cases already there, ${report.unchanged} unchanged.\n`);
    return 0;
  });
}
