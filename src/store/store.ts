/** The Store over any Database: the same SQL for PGlite and PostgreSQL. */
import * as accounts from './accounts.js';
import { appendAudit, auditLog, saveFeedback } from './audit.js';
import * as cases from './cases.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import type { Store } from './types.js';

export function createStore(db: Database): Store {
  return {
    backend: db.backend,
    migrate: () => migrate(db),
    close: () => db.close(),

    createCase: (input, evaluation, actor, options) => cases.createCase(db, input, evaluation, actor, options?.synthetic ?? false),
    updateCase: (caseId, input, evaluation, actor) => cases.updateCase(db, caseId, input, evaluation, actor),
    getCase: (caseId, actor, version) => cases.getCase(db, caseId, actor, version),
    latestVersion: (caseId, actor) => cases.latestVersion(db, caseId, actor),
    caseVersions: (caseId, actor) => cases.caseVersions(db, caseId, actor),
    listCases: (filter, actor) => cases.listCases(db, filter, actor),
    latestEvaluation: (caseId, actor, version) => cases.latestEvaluation(db, caseId, actor, version),
    saveEvaluation: (caseId, version, evaluation, actor) => cases.saveEvaluation(db, caseId, version, evaluation, actor),
    caseIds: () => cases.caseIds(db),
    countCases: () => cases.countCases(db),

    createUser: (input, actor) => accounts.createUser(db, input, actor),
    userByUsername: (username) => accounts.userByUsername(db, username),
    userById: (id) => accounts.userById(db, id),
    listUsers: () => accounts.listUsers(db),
    setUserDisabled: (username, disabled, actor) => accounts.setUserDisabled(db, username, disabled, actor),
    countUsers: () => accounts.countUsers(db),
    createSession: (userId, tokenHash, expiresAt) => accounts.createSession(db, userId, tokenHash, expiresAt),
    sessionByHash: (tokenHash) => accounts.sessionByHash(db, tokenHash),
    deleteSession: (tokenHash) => accounts.deleteSession(db, tokenHash),
    createApiToken: (userId, name, tokenHash, actor) => accounts.createApiToken(db, userId, name, tokenHash, actor),
    apiTokenByHash: (tokenHash) => accounts.apiTokenByHash(db, tokenHash),
    userByToken: (kind, tokenHash) => accounts.userByToken(db, kind, tokenHash),

    audit: (action, actor, caseId, detail) => appendAudit(db, action, actor, caseId, detail ?? null),
    auditLog: (filter) => auditLog(db, filter),
    saveFeedback: (serviceId, feedback, actor) => saveFeedback(db, serviceId, feedback, actor),
  };
}
