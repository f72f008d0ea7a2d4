/** The audit log (append-only; the database refuses UPDATE, DELETE and TRUNCATE) and CDS Hooks feedback. */
import type { Queries } from './database.js';
import { auditEntryOf } from './rows.js';
import { StoreError, type Actor, type AuditAction, type AuditEntry } from './types.js';

/** Appends one entry. `detail` is never patient data: a version number, a count, a reason. */
export async function appendAudit(q: Queries, action: AuditAction, actor: Actor, caseId: string | null, detail: string | null): Promise<void> {
  await q.query(
    'INSERT INTO audit_log (actor, user_id, action, case_id, request_id, detail) VALUES ($1, $2, $3, $4, $5, $6)',
    [actor.username, actor.userId, action, caseId, actor.requestId, detail],
  );
}

/** A page size: `fallback` when absent, else a whole number from 1 to `max`. */
export function limitOf(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new StoreError('invalid', `limit must be a whole number from 1 to ${max}`);
  return limit;
}

/** Newest first. */
export async function auditLog(q: Queries, filter: { caseId?: string; action?: AuditAction; limit?: number }): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.caseId !== undefined) where.push(`case_id = $${params.push(filter.caseId)}`);
  if (filter.action !== undefined) where.push(`action = $${params.push(filter.action)}`);
  const limit = `$${params.push(limitOf(filter.limit, 100, 10_000))}`;
  const rows = await q.query(
    `SELECT id, at, actor, user_id, action, case_id, request_id, detail FROM audit_log
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`,
    params,
  );
  return rows.map(auditEntryOf);
}

export async function saveFeedback(q: Queries, serviceId: string, feedback: unknown, actor: Actor): Promise<void> {
  await q.query('INSERT INTO feedback (service_id, feedback, actor) VALUES ($1, $2::jsonb, $3)',
    [serviceId, JSON.stringify(feedback ?? null), actor.username]);
}
