import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy, trustProxyOption } from './config.ts';

describe('CARAVEL_TRUST_PROXY', () => {
  it('trusts no proxy by default or with 0', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('reads a number as that many hops (1 and true: one reverse proxy), never as "every hop"', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    const trust = trustProxyOption(1);
    if (typeof trust !== 'function') throw new Error('a hop count becomes a function');
    expect(trust('10.0.0.1', 0)).toBe(true);
    expect(trust('6.6.6.6', 1)).toBe(false);
  });

  it('reads a comma-separated list of proxy addresses and ranges, and refuses anything else', () => {
    expect(parseTrustProxy('10.0.0.2, 192.168.0.0/16,loopback, ::1')).toEqual([
      '10.0.0.2',
      '192.168.0.0/16',
      'loopback',
      '::1',
    ]);
    expect(() => parseTrustProxy('10.0.0.2,proxy.example')).toThrow(/proxy\.example/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/CARAVEL_TRUST_PROXY/);
  });
});
