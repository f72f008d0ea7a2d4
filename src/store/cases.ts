/**
 * Cases, their versions and evaluations. A write stores the version, its evaluation and the
 * audit entry in one transaction; a read and its audit entry share one too, so nothing is read
 * unaudited. Versions are numbered under a lock on the case's row (SELECT … FOR UPDATE):
 * concurrent updates of one case queue, each takes the next number, and the primary key
 * (case_id, version) would refuse a duplicate if they ever did not.
 */
import {
  PHASES, PH_STATUSES, RISK_GROUPS, STATUSES, SUBTYPES, ageAt, type Case, type Evaluation,
} from '../contract/index.js';
import { appendAudit, limitOf } from './audit.js';
import type { Database, Queries, Row } from './database.js';
import {
  bool, caseVersionOf, number, numberOrNull, oneOf, storedEvaluationOf, text, timestamp,
} from './rows.js';
import {
  StoreError,
  type Actor, type CaseFilter, type CaseSummary, type CaseVersion, type StoredEvaluation,
} from './types.js';

function checkIds(caseId: string, input: Case, evaluation: Evaluation): void {
  if (input.id !== caseId) throw new StoreError('invalid', `the case's id (${input.id}) is not ${caseId}`);
  if (evaluation.caseId !== caseId) throw new StoreError('invalid', `the evaluation is of case ${evaluation.caseId}, not ${caseId}`);
}

async function insertVersion(tx: Queries, caseId: string, version: number, input: Case, actor: Actor, synthetic: boolean): Promise<CaseVersion> {
  const [row] = await tx.query(
    'INSERT INTO case_versions (case_id, version, case_data, author) VALUES ($1, $2, $3::jsonb, $4) RETURNING created_at',
    [caseId, version, JSON.stringify(input), actor.username],
  );
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
  return { caseId, version, case: input, author: actor.username, createdAt: timestamp(row, 'created_at'), synthetic };
}

/** Stores an evaluation with the columns the registry list filters on. */
async function insertEvaluation(tx: Queries, caseId: string, version: number, input: Case, evaluation: Evaluation): Promise<StoredEvaluation> {
  const { ageYears, birthDate } = input.patient;
  const age = ageYears ?? (birthDate === undefined ? null : ageAt(birthDate, input.asOf));
  const [row] = await tx.query(
    `INSERT INTO evaluations (case_id, case_version, knowledge_version, evaluation,
       status, subtype, philadelphia, phase, risk_group, critical_alerts, age_years)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11) RETURNING created_at`,
    [caseId, version, evaluation.knowledgeVersion, JSON.stringify(evaluation),
      evaluation.status, evaluation.diagnosis.subtype, evaluation.diagnosis.philadelphia, evaluation.phase,
      evaluation.risk.group, evaluation.alerts.filter((a) => a.severity === 'critical').length, age],
  );
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
  return { caseId, caseVersion: version, knowledgeVersion: evaluation.knowledgeVersion, evaluation, createdAt: timestamp(row, 'created_at') };
}

export async function createCase(db: Database, input: Case, evaluation: Evaluation, actor: Actor, synthetic: boolean): Promise<CaseVersion> {
  checkIds(input.id, input, evaluation);
  return db.transaction(async (tx) => {
    // ON CONFLICT waits for a concurrent creator of the same id to finish, then does nothing.
    const created = await tx.query(
      'INSERT INTO cases (case_id, synthetic, latest_version) VALUES ($1, $2, 1) ON CONFLICT (case_id) DO NOTHING RETURNING case_id',
      [input.id, synthetic],
    );
    if (created.length === 0) throw new StoreError('conflict', `case ${input.id} already exists`);
    const stored = await insertVersion(tx, input.id, 1, input, actor, synthetic);
    await insertEvaluation(tx, input.id, 1, input, evaluation);
    await appendAudit(tx, 'create', actor, input.id, 'version 1');
    return stored;
  });
}

export async function updateCase(db: Database, caseId: string, input: Case, evaluation: Evaluation, actor: Actor): Promise<CaseVersion> {
  checkIds(caseId, input, evaluation);
  return db.transaction(async (tx) => {
    const [row] = await tx.query('SELECT latest_version, synthetic FROM cases WHERE case_id = $1 FOR UPDATE', [caseId]);
    if (row === undefined) throw new StoreError('not-found', `no case ${caseId}`);
    const version = number(row, 'latest_version') + 1;
    const stored = await insertVersion(tx, caseId, version, input, actor, bool(row, 'synthetic'));
    await tx.query('UPDATE cases SET latest_version = $2 WHERE case_id = $1', [caseId, version]);
    await insertEvaluation(tx, caseId, version, input, evaluation);
    await appendAudit(tx, 'update', actor, caseId, `version ${version}`);
    return stored;
  });
}

const VERSION_COLUMNS = 'v.case_id, v.version, v.case_data, v.author, v.created_at, c.synthetic';

export async function getCase(db: Database, caseId: string, actor: Actor, version: number | undefined): Promise<CaseVersion | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM cases c
       JOIN case_versions v ON v.case_id = c.case_id AND v.version = coalesce($2::int, c.latest_version)
       WHERE c.case_id = $1`,
      [caseId, version ?? null],
    );
    const found = row === undefined ? null : caseVersionOf(row);
    const asked = version === undefined ? '' : `version ${version} `;
    await appendAudit(tx, 'read', actor, caseId, found === null ? `${asked}not found` : `version ${found.version}`);
    return found;
  });
}

export async function latestVersion(db: Database, caseId: string, actor: Actor): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query('SELECT latest_version FROM cases WHERE case_id = $1', [caseId]);
    const version = row === undefined ? null : number(row, 'latest_version');
    await appendAudit(tx, 'read', actor, caseId, version === null ? 'not found' : `version ${version}`);
    return version;
  });
}

export async function caseVersions(db: Database, caseId: string, actor: Actor): Promise<CaseVersion[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM cases c JOIN case_versions v ON v.case_id = c.case_id
       WHERE c.case_id = $1 ORDER BY v.version`,
      [caseId],
    );
    const versions = rows.map(caseVersionOf);
    await appendAudit(tx, 'read', actor, caseId, versions.length === 0 ? 'not found' : `versions ${versions.length}`);
    return versions;
  });
}

const EVALUATION_COLUMNS = 'e.case_id, e.case_version, e.knowledge_version, e.evaluation, e.created_at';

export async function latestEvaluation(db: Database, caseId: string, actor: Actor, version: number | undefined): Promise<StoredEvaluation | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `SELECT ${EVALUATION_COLUMNS} FROM cases c
       JOIN evaluations e ON e.case_id = c.case_id AND e.case_version = coalesce($2::int, c.latest_version)
       WHERE c.case_id = $1 ORDER BY e.id DESC LIMIT 1`,
      [caseId, version ?? null],
    );
    const found = row === undefined ? null : storedEvaluationOf(row);
    const asked = version === undefined ? '' : `of version ${version} `;
    await appendAudit(tx, 'read', actor, caseId,
      found === null ? `evaluation ${asked}not found` : `evaluation of version ${found.caseVersion}`);
    return found;
  });
}

export async function saveEvaluation(db: Database, caseId: string, version: number, evaluation: Evaluation, actor: Actor): Promise<StoredEvaluation> {
  if (evaluation.caseId !== caseId) throw new StoreError('invalid', `the evaluation is of case ${evaluation.caseId}, not ${caseId}`);
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM cases c JOIN case_versions v ON v.case_id = c.case_id
       WHERE c.case_id = $1 AND v.version = $2`,
      [caseId, version],
    );
    if (row === undefined) throw new StoreError('not-found', `no version ${version} of case ${caseId}`);
    const stored = await insertEvaluation(tx, caseId, version, caseVersionOf(row).case, evaluation);
    await appendAudit(tx, 'evaluate', actor, caseId, `version ${version}`);
    return stored;
  });
}

/**
 * Each case's latest version with the latest evaluation of that version: the rows the registry
 * list shows and filters.
 */
const LATEST = `
  SELECT c.case_id, c.synthetic, c.latest_version AS version, v.created_at AS updated_at, v.author AS updated_by,
         e.status, e.subtype, e.philadelphia, e.phase, e.risk_group, e.critical_alerts, e.age_years, e.knowledge_version
  FROM cases c
  JOIN case_versions v ON v.case_id = c.case_id AND v.version = c.latest_version
  JOIN LATERAL (
    SELECT * FROM evaluations x WHERE x.case_id = c.case_id AND x.case_version = c.latest_version
    ORDER BY x.id DESC LIMIT 1
  ) e ON true`;

/** `text` for ILIKE: its own %, _ and \ match literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function summaryOf(row: Row): CaseSummary {
  return {
    caseId: text(row, 'case_id'),
    version: number(row, 'version'),
    updatedAt: timestamp(row, 'updated_at'),
    updatedBy: text(row, 'updated_by'),
    synthetic: bool(row, 'synthetic'),
    ageYears: numberOrNull(row, 'age_years'),
    subtype: oneOf(row, 'subtype', SUBTYPES),
    philadelphia: oneOf(row, 'philadelphia', PH_STATUSES),
    status: oneOf(row, 'status', STATUSES),
    phase: row.phase === null ? null : oneOf(row, 'phase', PHASES),
    riskGroup: oneOf(row, 'risk_group', RISK_GROUPS),
    criticalAlerts: number(row, 'critical_alerts'),
    knowledgeVersion: text(row, 'knowledge_version'),
  };
}

/** Most recently updated first; `total` counts every match, not just the page. */
export async function listCases(db: Database, filter: CaseFilter, actor: Actor): Promise<{ total: number; cases: CaseSummary[] }> {
  const limit = limitOf(filter.limit, 50, 1000);
  const offset = filter.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw new StoreError('invalid', 'offset must be a whole number, 0 or more');
  const where: string[] = [];
  const params: unknown[] = [];
  // params.push returns the new length, which is the placeholder's number.
  if (filter.status !== undefined) where.push(`status = $${params.push(filter.status)}`);
  if (filter.subtype !== undefined) where.push(`subtype = $${params.push(filter.subtype)}`);
  if (filter.philadelphia !== undefined) where.push(`philadelphia = $${params.push(filter.philadelphia)}`);
  if (filter.phase !== undefined) where.push(`phase = $${params.push(filter.phase)}`);
  if (filter.criticalAlerts === true) where.push('critical_alerts > 0');
  if (filter.search !== undefined && filter.search !== '') where.push(`case_id ILIKE $${params.push(likePattern(filter.search))}`);
  const matching = `SELECT * FROM (${LATEST}) latest ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  return db.transaction(async (tx) => {
    const [count] = await tx.query(`SELECT count(*)::int AS total FROM (${matching}) m`, params);
    const rows = await tx.query(
      `${matching} ORDER BY updated_at DESC, case_id COLLATE "C" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const cases = rows.map(summaryOf);
    await appendAudit(tx, 'read', actor, null, `list ${cases.length}`);
    return { total: count === undefined ? 0 : number(count, 'total'), cases };
  });
}

/** Every case id with its latest version, in id order. */
export async function caseIds(db: Database): Promise<{ caseId: string; version: number }[]> {
  const rows = await db.query('SELECT case_id, latest_version FROM cases ORDER BY case_id COLLATE "C"');
  return rows.map((r) => ({ caseId: text(r, 'case_id'), version: number(r, 'latest_version') }));
}

export async function countCases(db: Database): Promise<number> {
  const [row] = await db.query('SELECT count(*)::int AS n FROM cases');
  return row === undefined ? 0 : number(row, 'n');
}
