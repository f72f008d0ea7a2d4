/** Writing a command's output to a file (--out): an unwritable path is an input problem, not a crash. */
import { open, type FileHandle } from 'node:fs/promises';
import type { Io } from './io.js';
import { INVALID_INPUT } from './issues.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such directory',
  EACCES: 'permission denied',
  EISDIR: 'a directory',
};

/** Opens `path` for writing, or reports why not (exit 2). */
export async function openOutput(path: string, io: Io): Promise<FileHandle | number> {
  try {
    return await open(path, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    io.stderr(`allpath: cannot write ${JSON.stringify(path)}: ${REASONS[code] ?? 'not writable'}\n`);
    return INVALID_INPUT;
  }
}
