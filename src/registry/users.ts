/**
 * Registry users from the command line: add (with a random password when none is given, shown
 * once), list, disable. The rules for a username and a password are the server's too.
 */
import { ROLES, type Actor, type Role, type Store, type User } from '../store/types.js';
import { hashPassword, randomPassword } from './passwords.js';

/** Letters, digits and . _ - ; no spaces, so a username reads the same in a log line and a URL. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 12;

export function isRole(value: string): value is Role {
  return ROLES.some((r) => r === value);
}

/** What is wrong with a new user's username or password, if anything. */
export function checkNewUser(username: string, password: string | undefined): string[] {
  const problems: string[] = [];
  if (!USERNAME_PATTERN.test(username)) problems.push('username: expected letters, digits, . _ - (at most 64, starting with a letter or digit)');
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) problems.push(`password: expected at least ${MIN_PASSWORD_LENGTH} characters`);
  return problems;
}

/** Creates the user; `password` is the one generated when none was given (to show once), else null. */
export async function addUser(
  store: Store, input: { username: string; role: Role; password?: string }, actor: Actor,
): Promise<{ user: User; password: string | null }> {
  const password = input.password ?? randomPassword();
  const user = await store.createUser({ username: input.username, role: input.role, passwordHash: await hashPassword(password) }, actor);
  return { user, password: input.password === undefined ? password : null };
}
