/** `allpath user add|list|disable` end to end, on a PGlite store in a temp directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyPassword } from '../../src/registry/index.js';
import { openStore } from '../../src/store/index.js';
import { allpath } from './run-cli.js';

const TMP = mkdtempSync(join(tmpdir(), 'allpath-cli-user-'));
const DATA = join(TMP, 'data');
const user = (...args: string[]) => allpath(['user', ...args, '--data', DATA]);
let generated = '';

beforeAll(async () => {
  const run = await user('add', 'alice', '--role', 'clinician');
  expect(run.code).toBe(0);
  generated = /^Password: (\S+)$/m.exec(run.stdout)?.[1] ?? '';
}, 120_000);
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('allpath user', { timeout: 120_000 }, () => {
  test('add without --password prints a random password once, and only its hash is stored', async () => {
    expect(generated).toMatch(/^[A-Za-z0-9]{20}$/);
    const store = await openStore({ dataDir: DATA });
    try {
      const alice = await store.userByUsername('alice');
      expect(alice?.role).toBe('clinician');
      expect(alice?.passwordHash).not.toContain(generated);
      expect(await verifyPassword(generated, alice?.passwordHash ?? '')).toBe(true);
      expect(await verifyPassword(`${generated}x`, alice?.passwordHash ?? '')).toBe(false);
      // The CLI acts as the operating-system user, with a job id.
      const [created] = await store.auditLog({ action: 'user-create' });
      expect(created?.actor).toMatch(/^cli:/);
      expect(created?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await store.close();
    }
  });

  test('add with --password stores that password and prints none', async () => {
    const run = await user('add', 'bob', '--role', 'viewer', '--password', 'a-long-enough-password');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Added user bob (viewer).\n');
    const store = await openStore({ dataDir: DATA });
    try {
      expect(await verifyPassword('a-long-enough-password', (await store.userByUsername('bob'))?.passwordHash ?? '')).toBe(true);
    } finally {
      await store.close();
    }
  });

  test('list shows each user with role and status; disable turns one off', async () => {
    const before = await user('list');
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^USERNAME\s+ROLE\s+STATUS\s+CREATED$/m);
    expect(before.stdout).toMatch(/^alice\s+clinician\s+active\s/m);

    const disabled = await user('disable', 'alice');
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain('Disabled user alice');
    expect((await user('list')).stdout).toMatch(/^alice\s+clinician\s+disabled\s/m);
  });

  test.each([
    [['add', 'alice', '--role', 'admin'], 'already exists'],
    [['disable', 'nobody'], 'no user nobody'],
    [['add', 'carol', '--role', 'admin', '--password', 'short'], 'password: expected at least 12 characters'],
    [['add', 'has space', '--role', 'admin'], 'username: expected letters'],
    [['add', 'dave', '--role', 'superuser'], "argument 'superuser' is invalid"],
    [['add', 'erin'], "required option '--role <role>' not specified"],
  ])('%j is refused with exit 2', async (args, message) => {
    const run = await user(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});
