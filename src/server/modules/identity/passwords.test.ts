import { describe, expect, it } from 'vitest';
import { hashPassword, unusableHash, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Příliš žluťoučký kůň');
    expect(hash.startsWith('scrypt$15$8$1$')).toBe(true);
    expect(await verifyPassword('Příliš žluťoučký kůň', hash)).toBe(true);
    expect(await verifyPassword('prilis zlutoucky kun', hash)).toBe(false);
  });

  it('salts each hash, so equal passwords hash differently', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('matches no password against the unusable hash, and rejects malformed hashes', async () => {
    expect(await verifyPassword('', unusableHash)).toBe(false);
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
  });
});
