/** Every migration, in order. Versions are 1, 2, 3, … with no gaps (a test checks). */
import initial from './001-initial.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
];
