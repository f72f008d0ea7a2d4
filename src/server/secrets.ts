/**
 * Session and API tokens: 256 random bits each, shown to their holder once; the store keeps only
 * their SHA-256. A token's entropy makes a slow hash unnecessary (passwords use scrypt).
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'allpath_session';
/** Marks an allpath API token, so that a JWT or a mistyped header is told apart at once. */
export const API_TOKEN_PREFIX = 'ap_';
/** A session lasts this long from sign-in, however active. */
export const SESSION_HOURS = 12;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What the store keeps of a token: its SHA-256, hex. */
export function hashSecret(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
