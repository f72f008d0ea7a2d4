/**
 * The registry's store: one interface, two backends with the same SQL and migrations (PGlite,
 * embedded, the default; PostgreSQL over node-postgres when DATABASE_URL is set).
 *
 * Cases are versioned and never overwritten; each evaluation is stored with the case version
 * and the knowledge version that produced it. Every read and write of a case is audited in the
 * same transaction as the work itself, and the audit log refuses UPDATE and DELETE.
 */
import type { Case, Evaluation, Phase, PhStatus, RiskGroup, Status, Subtype } from '../contract/index.js';

export const ROLES = ['admin', 'clinician', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const AUDIT_ACTIONS = [
  'read', 'create', 'update', 'evaluate', 'export', 'import', 'reevaluate',
  'login', 'failed-login', 'logout', 'user-create', 'user-disable', 'token-create',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who is acting, for the audit log: a user, or a named system job (import, demo seed). */
export interface Actor {
  readonly userId: string | null;
  readonly username: string;
  /** The request id (HTTP) or job id (CLI) the action belongs to. */
  readonly requestId: string | null;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** One stored version of a case. Version 1 is the first; every change adds one. */
export interface CaseVersion {
  readonly caseId: string;
  readonly version: number;
  readonly case: Case;
  readonly author: string;
  readonly createdAt: string;
  readonly synthetic: boolean;
}

export interface StoredEvaluation {
  readonly caseId: string;
  readonly caseVersion: number;
  readonly knowledgeVersion: string;
  readonly evaluation: Evaluation;
  readonly createdAt: string;
}

/** A row of the registry list: the latest version and what its latest evaluation says. */
export interface CaseSummary {
  readonly caseId: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly synthetic: boolean;
  readonly ageYears: number | null;
  readonly subtype: Subtype;
  readonly philadelphia: PhStatus;
  readonly status: Status;
  readonly phase: Phase | null;
  readonly riskGroup: RiskGroup;
  readonly criticalAlerts: number;
  readonly knowledgeVersion: string;
}

export interface CaseFilter {
  readonly status?: Status;
  readonly subtype?: Subtype;
  readonly philadelphia?: PhStatus;
  readonly phase?: Phase;
  /** true: only cases whose latest evaluation has at least one critical alert; false or absent: no filter. */
  readonly criticalAlerts?: boolean;
  /** Case id contains this text (case-insensitive). */
  readonly search?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly userId: string | null;
  readonly action: AuditAction;
  readonly caseId: string | null;
  readonly requestId: string | null;
  /** Never patient data: a version number, a count, a reason. */
  readonly detail: string | null;
}

export interface Session {
  readonly userId: string;
  readonly expiresAt: string;
}

/** A store error the adapters map to HTTP statuses / exit codes. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'conflict' | 'invalid',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export interface Store {
  /** Runs pending migrations (plain versioned SQL, each in a transaction). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  readonly backend: 'pglite' | 'postgres';

  // Cases: each write stores the case version, its evaluation and the audit entry atomically.
  createCase(input: Case, evaluation: Evaluation, actor: Actor, options?: { synthetic?: boolean }): Promise<CaseVersion>;
  updateCase(caseId: string, input: Case, evaluation: Evaluation, actor: Actor): Promise<CaseVersion>;
  /** The latest version, or the given one; audited as a read. Null when there is no such case. */
  getCase(caseId: string, actor: Actor, version?: number): Promise<CaseVersion | null>;
  /**
   * The latest version number, or null when there is no such case; audited as a read, as
   * getCase is, without reading the case itself (a CDS Hooks card links to the case this way).
   */
  latestVersion(caseId: string, actor: Actor): Promise<number | null>;
  /** Every version, oldest first (without re-auditing each); audited as one read. */
  caseVersions(caseId: string, actor: Actor): Promise<CaseVersion[]>;
  /** Most recently updated first (limit 50 by default, at most 1000); audited as one read, detail `list N`. */
  listCases(filter: CaseFilter, actor: Actor): Promise<{ total: number; cases: CaseSummary[] }>;
  /** The latest evaluation of the latest version (or of `version`); audited as a read. */
  latestEvaluation(caseId: string, actor: Actor, version?: number): Promise<StoredEvaluation | null>;
  /** Stores a new evaluation of an existing version (re-evaluation); audited as evaluate. */
  saveEvaluation(caseId: string, version: number, evaluation: Evaluation, actor: Actor): Promise<StoredEvaluation>;
  /** Every case id with its latest version, for export and re-evaluation (not audited itself). */
  caseIds(): Promise<{ caseId: string; version: number }[]>;
  countCases(): Promise<number>;

  // Users, sessions, API tokens (only hashes are stored).
  createUser(input: { username: string; passwordHash: string; role: Role }, actor: Actor): Promise<User>;
  userByUsername(username: string): Promise<(User & { readonly passwordHash: string }) | null>;
  userById(id: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  /** Disabling also deletes the user's sessions. */
  setUserDisabled(username: string, disabled: boolean, actor: Actor): Promise<User>;
  countUsers(): Promise<number>;
  createSession(userId: string, tokenHash: string, expiresAt: string): Promise<void>;
  /** Expired or not: the caller compares `expiresAt` with its own clock. */
  sessionByHash(tokenHash: string): Promise<Session | null>;
  deleteSession(tokenHash: string): Promise<void>;
  createApiToken(userId: string, name: string, tokenHash: string, actor: Actor): Promise<void>;
  apiTokenByHash(tokenHash: string): Promise<{ readonly userId: string; readonly name: string } | null>;
  /**
   * The user behind an API token (`api`) or a session (`session`, with its expiry), in one query:
   * what every /api request asks. Null for an unknown hash; a disabled user is returned as such.
   */
  userByToken(kind: 'api' | 'session', tokenHash: string): Promise<{ readonly user: User; readonly expiresAt: string | null } | null>;

  // Audit log (append-only) and CDS Hooks feedback.
  audit(action: AuditAction, actor: Actor, caseId: string | null, detail?: string): Promise<void>;
  /** Newest first; limit 100 by default. */
  auditLog(filter: { caseId?: string; action?: AuditAction; limit?: number }): Promise<AuditEntry[]>;
  saveFeedback(serviceId: string, feedback: unknown, actor: Actor): Promise<void>;
}
