/**
 * Where imported records come from: an NDJSON file (one JSON document per line, blank lines
 * skipped) or a directory (one JSON file per record, in name order). Each record keeps where it
 * was, so a problem can be reported by line number or file name.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface SourceRecord {
  /** The line number in an NDJSON file (1-based), or the file's place in a directory. */
  readonly line: number;
  /** The file name, for a record read from a directory. */
  readonly file?: string;
  readonly text: string;
}

/** Where a record was, as a person reads it: `line 3` or `case-7.json`. */
export function recordPlace(r: { readonly line: number; readonly file?: string }): string {
  return r.file ?? `line ${r.line}`;
}

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json')).map((e) => e.name).sort();
}

async function* ndjsonLines(path: string): AsyncGenerator<SourceRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() !== '') yield { line, text };
  }
}

async function* directoryFiles(dir: string): AsyncGenerator<SourceRecord> {
  const files = await jsonFiles(dir);
  for (const [i, file] of files.entries()) yield { line: i + 1, file, text: await readFile(join(dir, file), 'utf8') };
}

/** The records of an NDJSON file or a directory of JSON files. */
export async function readRecords(path: string): Promise<AsyncIterable<SourceRecord>> {
  return (await stat(path)).isDirectory() ? directoryFiles(path) : ndjsonLines(path);
}

/** How many records `readRecords(path)` will give (for a progress bar). */
export async function countRecords(path: string): Promise<number> {
  if ((await stat(path)).isDirectory()) return (await jsonFiles(path)).length;
  let count = 0;
  for await (const _ of ndjsonLines(path)) count += 1;
  return count;
}

/** Records from text in memory (NDJSON), e.g. for a test or an upload. */
export async function* ndjsonRecords(text: string): AsyncGenerator<SourceRecord> {
  for (const [i, line] of text.split(/\r?\n/).entries()) if (line.trim() !== '') yield { line: i + 1, text: line };
}
