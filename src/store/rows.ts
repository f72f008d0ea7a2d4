/**
 * Rows to the store's types. Both drivers return timestamps as Date and jsonb as parsed JSON;
 * int8 comes back as a string (node-postgres) or a number (PGlite), so numbers go through
 * Number(). Stored cases and evaluations are parsed again with the contract's schemas: jsonb
 * keeps no key order, and the schemas put the fields of every object back in the contract's
 * order (records, such as markers, keep jsonb's order), and refuse a stored document that no
 * longer matches the contract.
 */
import { Case, Evaluation, parseWith, type Parsed } from '../contract/index.js';
import type { Row } from './database.js';
import {
  AUDIT_ACTIONS, ROLES,
  type AuditAction, type AuditEntry, type CaseVersion, type Role, type StoredEvaluation, type User,
} from './types.js';

/** The database holds something this code cannot read: an infrastructure failure, not bad input. */
export class StoredDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoredDataError';
  }
}

export function text(row: Row, column: string): string {
  const v = row[column];
  if (typeof v !== 'string') throw new StoredDataError(`column ${column}: expected text`);
  return v;
}

export function textOrNull(row: Row, column: string): string | null {
  return row[column] === null ? null : text(row, column);
}

export function number(row: Row, column: string): number {
  const v = Number(row[column]);
  if (!Number.isFinite(v)) throw new StoredDataError(`column ${column}: expected a number`);
  return v;
}

export function numberOrNull(row: Row, column: string): number | null {
  return row[column] === null ? null : number(row, column);
}

export function bool(row: Row, column: string): boolean {
  const v = row[column];
  if (typeof v !== 'boolean') throw new StoredDataError(`column ${column}: expected a boolean`);
  return v;
}

export function timestamp(row: Row, column: string): string {
  const v = row[column];
  const date = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : null;
  if (date === null || Number.isNaN(date.getTime())) throw new StoredDataError(`column ${column}: expected a timestamp`);
  return date.toISOString();
}

export function oneOf<T extends string>(row: Row, column: string, values: readonly T[]): T {
  const v = text(row, column);
  const found = values.find((x) => x === v);
  if (found === undefined) throw new StoredDataError(`column ${column}: unknown value`);
  return found;
}

/** Names the paths only: an issue's message quotes the value found, which is patient data. */
function parsed<T>(result: Parsed<T>, what: string): T {
  if (result.ok) return result.value;
  throw new StoredDataError(`${what} no longer matches the contract at ${result.issues.map((i) => i.path).join(', ')}`);
}

export function caseVersionOf(row: Row): CaseVersion {
  const caseId = text(row, 'case_id');
  const version = number(row, 'version');
  return {
    caseId,
    version,
    case: parsed(parseWith(Case, row.case_data), `case ${caseId} version ${version}`),
    author: text(row, 'author'),
    createdAt: timestamp(row, 'created_at'),
    synthetic: bool(row, 'synthetic'),
  };
}

export function storedEvaluationOf(row: Row): StoredEvaluation {
  const caseId = text(row, 'case_id');
  const caseVersion = number(row, 'case_version');
  return {
    caseId,
    caseVersion,
    knowledgeVersion: text(row, 'knowledge_version'),
    evaluation: parsed(parseWith(Evaluation, row.evaluation), `evaluation of case ${caseId} version ${caseVersion}`),
    createdAt: timestamp(row, 'created_at'),
  };
}

export function userOf(row: Row): User {
  return {
    id: text(row, 'id'),
    username: text(row, 'username'),
    role: oneOf<Role>(row, 'role', ROLES),
    disabled: bool(row, 'disabled'),
    createdAt: timestamp(row, 'created_at'),
  };
}

export function auditEntryOf(row: Row): AuditEntry {
  return {
    id: number(row, 'id'),
    at: timestamp(row, 'at'),
    actor: text(row, 'actor'),
    userId: textOrNull(row, 'user_id'),
    action: oneOf<AuditAction>(row, 'action', AUDIT_ACTIONS),
    caseId: textOrNull(row, 'case_id'),
    requestId: textOrNull(row, 'request_id'),
    detail: textOrNull(row, 'detail'),
  };
}
