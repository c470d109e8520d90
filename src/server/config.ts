// One typed configuration object, read once from the environment (and CLI flags on top).
import net from 'node:net';
import path from 'node:path';

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null }
  | {
      kind: 'postgres';
      url: string /** Connections in the pool (default 20). */;
      poolSize?: number;
    };

export interface Config {
  host: string;
  port: number;
  /** Where PGlite keeps its files, and where outgoing .eml files land without SMTP. */
  dataDir: string;
  database: DatabaseConfig;
  /** `smtp://user:pass@host:port`; when null, e-mails are written as .eml files. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Marks the session cookie `Secure`: set when Caravel is served over HTTPS. */
  secureCookies: boolean;
  sessionTtlHours: number;
  admin: { email: string; password: string | null };
  loadDemo: boolean;
  /** Public base URL, used in links that leave the server (e-mails, QR codes). */
  publicUrl: string;
  logLevel: string;
  workerEnabled: boolean;
  /**
   * Which proxies in front of Caravel may name the client in `X-Forwarded-For`: none (false),
   * the nearest N hops, or the proxies at these addresses (IPs, CIDR ranges, or `loopback`,
   * `linklocal`, `uniquelocal`). Fastify's `trustProxy` takes each form.
   */
  trustProxy: false | number | string[];
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a whole number, got "${value}"`);
  }
  return parsed;
}

const namedRanges = ['loopback', 'linklocal', 'uniquelocal'];

function proxyAddress(entry: string): boolean {
  if (namedRanges.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * `CARAVEL_TRUST_PROXY`: empty or `0` trusts no proxy; a number N trusts the nearest N hops
 * (`1`: one reverse proxy, the usual set-up; `true` means the same); otherwise a comma-separated
 * list of the proxies' addresses. Trusting every hop is not offered: anyone could then name
 * any address in `X-Forwarded-For`.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const given = value?.trim() ?? '';
  if (given === '' || ['0', 'false', 'no', 'off'].includes(given.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(given.toLowerCase())) return 1;
  if (/^\d+$/.test(given)) return Number(given);
  const entries = given.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !proxyAddress(entry));
  if (wrong.length > 0) {
    throw new Error(
      `CARAVEL_TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses; "${wrong.join('", "')}" is neither`,
    );
  }
  return entries;
}

/**
 * The form Fastify's `trustProxy` takes. A hop count becomes a function: Fastify itself
 * treats a bare number as "trust nothing". Trusting N hops means the N nearest addresses
 * (the socket's peer first) are proxies, so the client is the next one to the left in
 * `X-Forwarded-For`.
 */
export function trustProxyOption(
  trustProxy: Config['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy;
  return (_address, hop) => hop < trustProxy;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.CARAVEL_DATA_DIR || 'data');
  const port = integer('PORT', env.PORT, 3000);
  const host = env.HOST || '127.0.0.1';
  const database: DatabaseConfig = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(dataDir, 'db') };
  return {
    host,
    port,
    dataDir,
    database,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.CARAVEL_MAIL_FROM || 'Caravel <no-reply@caravel.local>',
    secureCookies: flag(env.CARAVEL_SECURE_COOKIES, false),
    sessionTtlHours: integer('CARAVEL_SESSION_TTL_HOURS', env.CARAVEL_SESSION_TTL_HOURS, 12),
    admin: {
      email: env.CARAVEL_ADMIN_EMAIL || 'admin@example.com',
      password: env.CARAVEL_ADMIN_PASSWORD || null,
    },
    loadDemo: flag(env.CARAVEL_DEMO, true),
    publicUrl:
      env.CARAVEL_PUBLIC_URL || `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    logLevel: env.LOG_LEVEL || 'info',
    workerEnabled: flag(env.CARAVEL_WORKER, true),
    trustProxy: parseTrustProxy(env.CARAVEL_TRUST_PROXY),
  };
}
