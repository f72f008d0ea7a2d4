/**
 * Passwords: scrypt (node:crypto) with a random salt per password. The stored string names the
 * scheme and carries its parameters, so they can be raised later without breaking old hashes:
 * `scrypt$<N>$<r>$<p>$<salt base64>$<key base64>`. Verification compares in constant time.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCHEME = 'scrypt';
/** N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds per hash. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse parameters that would make one verification exhaust memory (a tampered hash string). */
const MAX_N = 2 ** 20;
const MAX_RP = 32;

function derive(password: string, salt: Buffer, keyLength: number, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, COST);
  return [SCHEME, COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const positive = (text: string | undefined, max: number): number | null => {
  if (text === undefined || !/^\d{1,8}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= max ? n : null;
};

/** True when `password` is the one `stored` was made from; false for any other or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText, ...rest] = stored.split('$');
  const N = positive(n, MAX_N);
  const cost = { N: N ?? 0, r: positive(r, MAX_RP) ?? 0, p: positive(p, MAX_RP) ?? 0 };
  if (scheme !== SCHEME || rest.length > 0 || saltText === undefined || keyText === undefined) return false;
  if (N === null || (N & (N - 1)) !== 0 || N < 2 || cost.r === 0 || cost.p === 0) return false;
  const salt = Buffer.from(saltText, 'base64');
  const expected = Buffer.from(keyText, 'base64');
  if (salt.length === 0 || expected.length < 16) return false;
  const actual = await derive(password, salt, expected.length, cost);
  return timingSafeEqual(actual, expected);
}

/** Letters and digits without look-alikes (0/O, 1/l/I), for a password read off a terminal. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 20 characters (about 115 bits), drawn without modulo bias. */
export function randomPassword(length = 20): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
