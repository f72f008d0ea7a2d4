/** Registry operations shared by the command line and the server. */
export { hashPassword, randomPassword, verifyPassword } from './passwords.js';
export { importRecords, readRecord, type ImportOptions, type ImportReport, type InvalidRecord, type RecordOutcome } from './import.js';
export { exportCases } from './export.js';
export { reevaluateAll, type ActionChanges, type CaseChange, type ReevaluationReport } from './reevaluate.js';
export { countRecords, ndjsonRecords, readRecords, recordPlace, type SourceRecord } from './records.js';
export { MIN_PASSWORD_LENGTH, USERNAME_PATTERN, addUser, checkNewUser, isRole } from './users.js';
export { todayOf } from './dates.js';
