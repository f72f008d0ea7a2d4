/**
 * `allpath import`: read an NDJSON file or a directory of JSON files into the registry. A bar
 * shows progress on a terminal (stderr); each invalid record is reported on stderr by line (or
 * file name) with the contract's messages and skipped, and the exit code is then 2, though the
 * valid records were imported.
 */
import { Presets, SingleBar } from 'cli-progress';
import { countRecords, importRecords, readRecords, recordPlace, type InvalidRecord } from '../registry/index.js';
import type { Io } from './io.js';
import { INVALID_INPUT } from './issues.js';
import { cliActor, withStore, type StoreFlags } from './registry-store.js';

export interface ImportCommandOptions extends StoreFlags {
  readonly asOf?: string;
  readonly synthetic: boolean;
}

const REASONS: Readonly<Record<string, string>> = { ENOENT: 'no such file or directory', EACCES: 'permission denied' };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function invalidReport(invalid: readonly InvalidRecord[]): string {
  const lines = invalid.flatMap((r) => [`  ${recordPlace(r)}:`, ...r.messages.map((m) => `    ${m}`)]);
  return `allpath: ${plural(invalid.length, 'invalid record')} skipped:\n${lines.join('\n')}\n`;
}

/** The progress bar, on a terminal only: piped or redirected output gets the summary alone. */
function progressBar(total: number): SingleBar | null {
  if (process.stderr.isTTY !== true || total === 0) return null;
  const bar = new SingleBar({
    stream: process.stderr, hideCursor: true, etaBuffer: 50,
    format: 'importing [{bar}] {value}/{total} records | {invalid} invalid | eta {eta_formatted}',
  }, Presets.shades_classic);
  bar.start(total, 0, { invalid: 0 });
  return bar;
}

export async function importCommand(path: string, options: ImportCommandOptions, io: Io): Promise<number> {
  let total: number;
  try {
    total = await countRecords(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    io.stderr(`allpath: cannot read ${JSON.stringify(path)}: ${REASONS[code] ?? 'unreadable'}\n`);
    return INVALID_INPUT;
  }
  return withStore(options, io, async (store, where) => {
    const bar = progressBar(total);
    let invalidSoFar = 0;
    let report;
    try {
      report = await importRecords(store, await readRecords(path), cliActor(), {
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
        synthetic: options.synthetic,
        onRecord: (outcome) => {
          if (outcome.result === 'invalid') invalidSoFar += 1;
          bar?.increment(1, { invalid: invalidSoFar });
        },
      });
    } finally {
      bar?.stop();
    }
    if (report.invalid.length > 0) io.stderr(invalidReport(report.invalid));
    io.stdout(`Imported ${path} into ${where}: ${plural(report.imported, 'new case')}, `
      + `${plural(report.updated, 'new version')} of cases already there, ${report.unchanged} unchanged, `
      + `${plural(report.invalid.length, 'invalid record')} skipped.\n`);
    if (report.invalid.length === 0) return 0;
    io.stderr('allpath: the valid records were imported; correct the invalid ones and import them again.\n');
    return INVALID_INPUT;
  });
}
