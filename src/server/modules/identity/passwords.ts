// Password hashing with scrypt from node:crypto (memory-hard, no native add-on to build).
// The parameters are stored in each hash, so the cost can rise later without a migration.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// N = 2^15, r = 8: 32 MiB and about 50–100 ms per hash on a small server, the cost OWASP's
// password storage cheat sheet recommends for scrypt.
const LOG2_N = 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function params(log2N: number, r: number, p: number) {
  return { N: 2 ** log2N, r, p, maxmem: 2 ** log2N * r * 256 };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, params(LOG2_N, R, P));
  return ['scrypt', LOG2_N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(
    password.normalize('NFKC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    params(Number(log2N), Number(r), Number(p)),
  );
  return timingSafeEqual(actual, expected);
}

/** A hash no password matches: verified against for unknown e-mails, so timing tells nothing. */
export const unusableHash = `scrypt$${LOG2_N}$${R}$${P}$${randomBytes(16).toString('base64')}$${randomBytes(KEY_LENGTH).toString('base64')}`;

export const minPasswordLength = 10;
