/** `allpath schema case|evaluation`: the machine-readable contract as JSON Schema. */
import { jsonSchema } from '../index.js';
import type { Io } from './io.js';

export const SCHEMAS = ['case', 'evaluation'] as const;
export type SchemaName = (typeof SCHEMAS)[number];

export function schemaCommand(which: SchemaName, io: Io): number {
  io.stdout(`${JSON.stringify(jsonSchema(which), null, 2)}\n`);
  return 0;
}
