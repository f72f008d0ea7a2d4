/**
 * `allpath user add|list|disable`: registry users from the command line. A password generated
 * for a new user is printed once and never stored in the clear.
 */
import { addUser, checkNewUser } from '../registry/index.js';
import { StoreError, type Role } from '../store/types.js';
import type { Io } from './io.js';
import { INVALID_INPUT } from './issues.js';
import { cliActor, withStore, type StoreFlags } from './registry-store.js';

export interface UserAddOptions extends StoreFlags {
  readonly role: Role;
  readonly password?: string;
}

/** A store refusal the user can act on (exists already, no such user) is exit 2; anything else is thrown on. */
function refused(e: unknown, io: Io): number {
  if (e instanceof StoreError && (e.code === 'conflict' || e.code === 'not-found' || e.code === 'invalid')) {
    io.stderr(`allpath: ${e.message}\n`);
    return INVALID_INPUT;
  }
  throw e;
}

export async function userAddCommand(username: string, options: UserAddOptions, io: Io): Promise<number> {
  const problems = checkNewUser(username, options.password);
  if (problems.length > 0) {
    io.stderr(`allpath: invalid user:\n${problems.map((p) => `  ${p}\n`).join('')}`);
    return INVALID_INPUT;
  }
  return withStore(options, io, async (store) => {
    try {
      const { user, password } = await addUser(store, {
        username, role: options.role, ...(options.password === undefined ? {} : { password: options.password }),
      }, cliActor());
      io.stdout(`Added user ${user.username} (${user.role}).\n`);
      if (password !== null) io.stdout(`Password: ${password}\n(shown once: give it to the user now; it is stored only as a hash)\n`);
      return 0;
    } catch (e) {
      return refused(e, io);
    }
  });
}

export async function userListCommand(options: StoreFlags, io: Io): Promise<number> {
  return withStore(options, io, async (store) => {
    const users = await store.listUsers();
    if (users.length === 0) {
      io.stdout('No users.\n');
      return 0;
    }
    const rows = [['USERNAME', 'ROLE', 'STATUS', 'CREATED'], ...users.map((u) => [u.username, u.role, u.disabled ? 'disabled' : 'active', u.createdAt])];
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
    io.stdout(rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n');
    return 0;
  });
}

export async function userDisableCommand(username: string, options: StoreFlags, io: Io): Promise<number> {
  return withStore(options, io, async (store) => {
    try {
      const user = await store.setUserDisabled(username, true, cliActor());
      io.stdout(`Disabled user ${user.username}: they can no longer sign in.\n`);
      return 0;
    } catch (e) {
      return refused(e, io);
    }
  });
}
