/** A registry on PGlite in memory, the CLI-like actor, and the inputs the import tests share. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Case } from '../../src/index.js';
import { openStore, type Actor, type Store } from '../../src/store/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ACTOR: Actor = { userId: null, username: 'cli:test', requestId: 'job-test' };

export function memoryStore(): Promise<Store> {
  return openStore({ dataDir: 'memory://' });
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, new URL('../../', import.meta.url)), 'utf8'));
}

export function example(name: string): Case {
  return readJson(`examples/${name}.json`) as Case;
}

export const line = (x: unknown): string => JSON.stringify(x);
