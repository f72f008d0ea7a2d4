/** Users, sessions and API tokens. Only hashes of session and API tokens are stored. */
import { randomUUID } from 'node:crypto';
import { appendAudit } from './audit.js';
import { FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION, sqlState, type Database } from './database.js';
import { number, text, timestamp, userOf } from './rows.js';
import { StoreError, type Actor, type Role, type Session, type User } from './types.js';

const USER_COLUMNS = 'id, username, role, disabled, created_at';

export async function createUser(db: Database, input: { username: string; passwordHash: string; role: Role }, actor: Actor): Promise<User> {
  if (input.username.trim() === '') throw new StoreError('invalid', 'a username is required');
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `INSERT INTO users (id, username, password_hash, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO NOTHING RETURNING ${USER_COLUMNS}`,
      [randomUUID(), input.username, input.passwordHash, input.role],
    );
    if (row === undefined) throw new StoreError('conflict', `user ${input.username} already exists`);
    await appendAudit(tx, 'user-create', actor, null, `${input.username} as ${input.role}`);
    return userOf(row);
  });
}

export async function userByUsername(db: Database, username: string): Promise<(User & { readonly passwordHash: string }) | null> {
  const [row] = await db.query(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE username = $1`, [username]);
  return row === undefined ? null : { ...userOf(row), passwordHash: text(row, 'password_hash') };
}

export async function userById(db: Database, id: string): Promise<User | null> {
  const [row] = await db.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return row === undefined ? null : userOf(row);
}

export async function listUsers(db: Database): Promise<User[]> {
  return (await db.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`)).map(userOf);
}

/** Disabling a user also ends their sessions (their API tokens stay, refused while disabled). */
export async function setUserDisabled(db: Database, username: string, disabled: boolean, actor: Actor): Promise<User> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query(`UPDATE users SET disabled = $2 WHERE username = $1 RETURNING ${USER_COLUMNS}`, [username, disabled]);
    if (row === undefined) throw new StoreError('not-found', `no user ${username}`);
    const user = userOf(row);
    if (disabled) await tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
    await appendAudit(tx, 'user-disable', actor, null, `${username} ${disabled ? 'disabled' : 'enabled'}`);
    return user;
  });
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.query('SELECT count(*)::int AS n FROM users');
  return row === undefined ? 0 : number(row, 'n');
}

/** A unique or foreign-key violation as the StoreError an adapter can answer with. */
function refused(error: unknown, what: string): unknown {
  const state = sqlState(error);
  if (state === UNIQUE_VIOLATION) return new StoreError('conflict', `${what} already exists`, { cause: error });
  if (state === FOREIGN_KEY_VIOLATION) return new StoreError('not-found', `${what}: no such user`, { cause: error });
  return error;
}

export async function createSession(db: Database, userId: string, tokenHash: string, expiresAt: string): Promise<void> {
  if (Number.isNaN(Date.parse(expiresAt))) throw new StoreError('invalid', 'expiresAt must be an ISO 8601 date-time');
  try {
    await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]);
  } catch (error) {
    throw refused(error, 'session');
  }
}

/** The session, expired or not: the caller compares `expiresAt` with its own clock. */
export async function sessionByHash(db: Database, tokenHash: string): Promise<Session | null> {
  const [row] = await db.query('SELECT user_id, expires_at FROM sessions WHERE token_hash = $1', [tokenHash]);
  return row === undefined ? null : { userId: text(row, 'user_id'), expiresAt: timestamp(row, 'expires_at') };
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function createApiToken(db: Database, userId: string, name: string, tokenHash: string, actor: Actor): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO api_tokens (token_hash, user_id, name) VALUES ($1, $2, $3)', [tokenHash, userId, name]);
      await appendAudit(tx, 'token-create', actor, null, `token ${name}`);
    });
  } catch (error) {
    throw refused(error, `API token ${name}`);
  }
}

export async function apiTokenByHash(db: Database, tokenHash: string): Promise<{ readonly userId: string; readonly name: string } | null> {
  const [row] = await db.query('SELECT user_id, name FROM api_tokens WHERE token_hash = $1', [tokenHash]);
  return row === undefined ? null : { userId: text(row, 'user_id'), name: text(row, 'name') };
}

export async function userByToken(db: Database, kind: 'api' | 'session', tokenHash: string): Promise<{ user: User; expiresAt: string | null } | null> {
  const columns = USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ');
  const [row] = kind === 'api'
    ? await db.query(`SELECT ${columns}, NULL AS expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`, [tokenHash])
    : await db.query(`SELECT ${columns}, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`, [tokenHash]);
  if (row === undefined) return null;
  return { user: userOf(row), expiresAt: row['expires_at'] === null ? null : timestamp(row, 'expires_at') };
}
