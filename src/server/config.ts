// One typed configuration object, read once from the environment (and CLI flags on top).
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
  };
}
