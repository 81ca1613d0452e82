import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Admin passwords: scrypt from node:crypto, stored as `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the cost
 * can be raised later without breaking the hashes already in a deployment's environment. Node-only: kept out of
 * middleware. scripts/admin-hash.mjs writes the same format.
 */
export const SCRYPT_DEFAULTS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
/** Within what Node's default maxmem (32 MiB) and a sign-in's time allow; a stored hash asking for more is refused. */
const LIMITS = { N: 2 ** 17, r: 32, p: 16 } as const;

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, scryptOptions, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, options: { N: number; r: number; p: number } = SCRYPT_DEFAULTS): Promise<string> {
  if (!password) throw new Error('The password is empty.');
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, options, KEY_LENGTH);
  return ['scrypt', options.N, options.r, options.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > LIMITS.N || !(params.r >= 1 && params.r <= LIMITS.r) || !(params.p >= 1 && params.p <= LIMITS.p)) return null;
  const parsed = { ...params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
  return parsed.salt.length >= 8 && parsed.key.length >= 16 ? parsed : null;
}

/** A stored hash lib/admin/password.ts can check (the config validates the shape; this checks the numbers too). */
export function isPasswordHash(stored: string): boolean {
  return parseHash(stored) !== null;
}

/** True when `password` matches the stored hash; timing-safe. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || !password) {
    // Same work as a real check, so a malformed or missing hash cannot be told apart by timing.
    await burnPasswordCheck(password);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

const DUMMY_SALT = randomBytes(SALT_BYTES);

/**
 * A check against a hash nobody knows: run for an unknown account so that "no such account" takes as long as
 * "wrong password" (an attacker cannot enumerate the accounts by timing).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  await derive(password || '-', DUMMY_SALT, SCRYPT_DEFAULTS, KEY_LENGTH);
}

/** A password for the generated admin: 24 characters of base64url, 144 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
