/**
 * `allpath demo`: a synthetic demo cohort (the same cases for the same seed and date) as NDJSON
 * on stdout or in a file, or loaded into the registry as synthetic cases.
 */
import { demoCases } from '../demo/index.js';
import { importRecords, ndjsonRecords, todayOf } from '../registry/index.js';
import type { Io } from './io.js';
import { cliActor, INTERNAL_ERROR, withStore, type StoreFlags } from './registry-store.js';
import { openOutput } from './write-output.js';

export interface DemoOptions extends StoreFlags {
  readonly count: number;
  readonly seed: number;
  readonly asOf?: string;
  readonly out?: string;
  readonly load: boolean;
}

export async function demoCommand(options: DemoOptions, io: Io): Promise<number> {
  const asOf = options.asOf ?? todayOf(new Date());
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
