// Random bearer secrets (session cookies, API tokens) and the hashes we store instead of them.
import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe, with a prefix that says what the secret is for. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 is enough here: the secret is random, not a password, so no stretching is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}
