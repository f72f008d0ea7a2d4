import { z } from 'zod';
import { Case } from './case.js';
import { Evaluation } from './evaluation.js';

/** The machine-readable contract, generated from the same schemas that validate. */
export function jsonSchema(which: 'case' | 'evaluation'): Record<string, unknown> {
  const schema = which === 'case' ? Case : Evaluation;
  return {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: `https://allpath.dev/schema/${which}.json`,
    title: which === 'case' ? 'allpath case' : 'allpath evaluation',
  };
}
