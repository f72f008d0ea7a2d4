/** Reads the case text from a file or, for `-`, from stdin. An unreadable file is an input issue. */
import { readFile } from 'node:fs/promises';
import type { Issue } from '../contract/index.js';
import type { Io } from './io.js';

export type Input = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issue: Issue };

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'a directory',
};

export async function readInput(file: string, io: Io): Promise<Input> {
  if (file === '-') return { ok: true, text: await io.stdin() };
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const found = `${REASONS[code] ?? 'an unreadable file'} (${JSON.stringify(file)})`;
    const issue: Issue = {
      code: 'unreadable', path: '(root)', expected: 'a readable JSON file', found,
      message: `(root): expected a readable JSON file, found ${found}`,
    };
    return { ok: false, issue };
  }
}
