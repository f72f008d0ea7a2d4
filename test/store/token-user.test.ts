// userByToken on both backends: the user behind an API token or a session in one query, as every
// /api request asks, with what the access check decides on (disabled, the session's expiry).
import { describe, expect, test } from 'vitest';
import { BACKENDS, openedFor } from './backends.js';
import { actor } from './fixtures.js';

const admin = actor('admin', 'req-admin', 'u-admin');

describe.each(BACKENDS)('$name: userByToken', (backend) => {
  const live = openedFor(backend);

  test('an API token names its user (no expiry); an unknown hash, or a session hash asked as a token, is null', async () => {
    const user = await live.store.createUser({ username: 'tok-robot', passwordHash: 'h', role: 'clinician' }, admin);
    await live.store.createApiToken(user.id, 'nightly', 'hash-tok-1', admin);
    await live.store.createSession(user.id, 'hash-tok-s', '2031-01-02T03:04:05.000Z');
    expect(await live.store.userByToken('api', 'hash-tok-1')).toEqual({ user, expiresAt: null });
    expect(await live.store.userByToken('api', 'hash-unknown')).toBeNull();
    expect(await live.store.userByToken('api', 'hash-tok-s')).toBeNull();
  });

  test('a session names its user and its expiry, expired or not; a token hash asked as a session is null', async () => {
    const user = await live.store.createUser({ username: 'tok-sess', passwordHash: 'h', role: 'viewer' }, admin);
    await live.store.createSession(user.id, 'hash-tok-live', '2031-01-02T03:04:05.000Z');
    await live.store.createSession(user.id, 'hash-tok-old', '2001-01-01T00:00:00.000Z');
    await live.store.createApiToken(user.id, 'script', 'hash-tok-2', admin);
    expect(await live.store.userByToken('session', 'hash-tok-live')).toEqual({ user, expiresAt: '2031-01-02T03:04:05.000Z' });
    expect(await live.store.userByToken('session', 'hash-tok-old')).toEqual({ user, expiresAt: '2001-01-01T00:00:00.000Z' });
    expect(await live.store.userByToken('session', 'hash-tok-2')).toBeNull();
  });

  test('a disabled user is returned as disabled behind a token (the access check refuses it); their sessions are gone', async () => {
    const user = await live.store.createUser({ username: 'tok-leaver', passwordHash: 'h', role: 'clinician' }, admin);
    await live.store.createApiToken(user.id, 'old-script', 'hash-tok-3', admin);
    await live.store.createSession(user.id, 'hash-tok-leaver', '2031-01-01T00:00:00.000Z');
    await live.store.setUserDisabled('tok-leaver', true, admin);
    expect((await live.store.userByToken('api', 'hash-tok-3'))?.user).toMatchObject({ id: user.id, disabled: true });
    expect(await live.store.userByToken('session', 'hash-tok-leaver')).toBeNull();
  });
});
