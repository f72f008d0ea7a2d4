import { describe, expect, test } from 'vitest';
import { hashPassword, randomPassword, verifyPassword } from '../../src/registry/index.js';

describe('passwords (scrypt)', () => {
  test('the right password verifies, a wrong one does not', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  test('the same password hashes differently each time (a random salt), and each hash verifies', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  test('the hash names the scheme and its parameters and never holds the password', async () => {
    const hash = await hashPassword('plain-text-secret');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('plain-text-secret');
  });

  test('a malformed or tampered hash does not verify', async () => {
    const hash = await hashPassword('pw-0123456789');
    const parts = hash.split('$');
    const withKey = (key: string) => [...parts.slice(0, 5), key].join('$');
    const flipped = Buffer.from(parts[5] ?? '', 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    for (const bad of [
      '', 'not a hash', hash.replace(/^scrypt/, 'bcrypt'), `${hash}$extra`,
      withKey(flipped.toString('base64')),
      [parts[0], '3', ...parts.slice(2)].join('$'), // N not a power of two
      [parts[0], String(2 ** 24), ...parts.slice(2)].join('$'), // N too large to try
    ]) {
      expect(await verifyPassword('pw-0123456789', bad), bad).toBe(false);
    }
  });

  test('random passwords are 20 characters without look-alikes, and differ', () => {
    const passwords = Array.from({ length: 50 }, () => randomPassword());
    for (const p of passwords) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});
