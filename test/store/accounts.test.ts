// Users, sessions, API tokens and CDS Hooks feedback on both backends.
import { describe, expect, test } from 'vitest';
import { BACKENDS, openedFor } from './backends.js';
import { actor } from './fixtures.js';

const admin = actor('admin', 'req-admin', 'u-admin');

describe.each(BACKENDS)('$name: accounts', (backend) => {
  const live = openedFor(backend);

  test('a user round-trips by username (with the password hash) and by id (without)', async () => {
    const created = await live.store.createUser({ username: 'dr-house', passwordHash: 'scrypt$abc', role: 'clinician' }, admin);
    expect(created).toMatchObject({ username: 'dr-house', role: 'clinician', disabled: false });
    expect(Date.parse(created.createdAt)).not.toBeNaN();
    expect(await live.store.userByUsername('dr-house')).toEqual({ ...created, passwordHash: 'scrypt$abc' });
    expect(await live.store.userById(created.id)).toEqual(created);
    expect(await live.store.userByUsername('nobody')).toBeNull();
    expect(await live.store.userById('not-an-id')).toBeNull();
    expect((await live.store.auditLog({ action: 'user-create', limit: 1 }))[0])
      .toMatchObject({ actor: 'admin', userId: 'u-admin', requestId: 'req-admin', detail: 'dr-house as clinician' });
  });

  test('a username is taken once; a blank one is invalid', async () => {
    await live.store.createUser({ username: 'dup', passwordHash: 'h1', role: 'viewer' }, admin);
    await expect(live.store.createUser({ username: 'dup', passwordHash: 'h2', role: 'admin' }, admin)).rejects.toMatchObject({ code: 'conflict' });
    expect((await live.store.userByUsername('dup'))?.passwordHash).toBe('h1');
    await expect(live.store.createUser({ username: ' ', passwordHash: 'h', role: 'viewer' }, admin)).rejects.toMatchObject({ code: 'invalid' });
  });

  test('users are listed by username and counted', async () => {
    await live.store.createUser({ username: 'zed', passwordHash: 'h', role: 'viewer' }, admin);
    await live.store.createUser({ username: 'amy', passwordHash: 'h', role: 'admin' }, admin);
    const names = (await live.store.listUsers()).map((u) => u.username);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['amy', 'zed']));
    expect(await live.store.countUsers()).toBe(names.length);
  });

  test('a session round-trips by hash and is gone once deleted', async () => {
    const user = await live.store.createUser({ username: 'sess', passwordHash: 'h', role: 'viewer' }, admin);
    await live.store.createSession(user.id, 'hash-s1', '2031-01-02T03:04:05.000Z');
    expect(await live.store.sessionByHash('hash-s1')).toEqual({ userId: user.id, expiresAt: '2031-01-02T03:04:05.000Z' });
    await live.store.deleteSession('hash-s1');
    expect(await live.store.sessionByHash('hash-s1')).toBeNull();
    await expect(live.store.createSession('no-such-user', 'hash-s2', '2031-01-02T03:04:05Z')).rejects.toMatchObject({ code: 'not-found' });
    await expect(live.store.createSession(user.id, 'hash-s3', 'tomorrow')).rejects.toMatchObject({ code: 'invalid' });
  });

  test('an expired session is still returned: the caller decides with its own clock', async () => {
    const user = await live.store.createUser({ username: 'old', passwordHash: 'h', role: 'viewer' }, admin);
    await live.store.createSession(user.id, 'hash-old', '2001-01-01T00:00:00.000Z');
    expect(await live.store.sessionByHash('hash-old')).toEqual({ userId: user.id, expiresAt: '2001-01-01T00:00:00.000Z' });
  });

  test('an API token round-trips by hash; creating one is audited by name', async () => {
    const user = await live.store.createUser({ username: 'robot', passwordHash: 'h', role: 'clinician' }, admin);
    await live.store.createApiToken(user.id, 'nightly-import', 'hash-t1', admin);
    expect(await live.store.apiTokenByHash('hash-t1')).toEqual({ userId: user.id, name: 'nightly-import' });
    expect(await live.store.apiTokenByHash('hash-unknown')).toBeNull();
    expect((await live.store.auditLog({ action: 'token-create', limit: 1 }))[0]).toMatchObject({ actor: 'admin', detail: 'token nightly-import' });
    await expect(live.store.createApiToken(user.id, 'again', 'hash-t1', admin)).rejects.toMatchObject({ code: 'conflict' });
    await expect(live.store.createApiToken('no-such-user', 'x', 'hash-t2', admin)).rejects.toMatchObject({ code: 'not-found' });
    expect(await live.store.apiTokenByHash('hash-t2')).toBeNull();
  });

  test('disabling a user ends their sessions and is audited; enabling restores the flag', async () => {
    const user = await live.store.createUser({ username: 'leaver', passwordHash: 'h', role: 'clinician' }, admin);
    await live.store.createSession(user.id, 'hash-leaver', '2031-01-01T00:00:00.000Z');
    expect(await live.store.setUserDisabled('leaver', true, admin)).toMatchObject({ id: user.id, disabled: true });
    expect((await live.store.userById(user.id))?.disabled).toBe(true);
    expect(await live.store.sessionByHash('hash-leaver')).toBeNull();
    expect((await live.store.auditLog({ action: 'user-disable', limit: 1 }))[0]).toMatchObject({ detail: 'leaver disabled', requestId: 'req-admin' });
    expect((await live.store.setUserDisabled('leaver', false, admin)).disabled).toBe(false);
    await expect(live.store.setUserDisabled('nobody', true, admin)).rejects.toMatchObject({ code: 'not-found' });
  });

  test('CDS Hooks feedback is stored as sent, with the service and the actor', async () => {
    const feedback = { card: 'c-1', outcome: 'accepted', outcomeTimestamp: '2026-02-20T10:00:00Z' };
    await live.store.saveFeedback('allpath-patient-view', feedback, actor('ehr'));
    const rows = await live.opened.db.query('SELECT service_id, feedback, actor FROM feedback');
    expect(rows).toEqual([{ service_id: 'allpath-patient-view', feedback, actor: 'ehr' }]);
  });
});
