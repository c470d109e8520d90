// Table types as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb columns: written through `json()` from db/json.ts, read back as parsed values. */
type Json<T = unknown> = ColumnType<T, unknown, unknown>;

export type Role =
  | 'admin'
  | 'agent'
  | 'customer_service'
  | 'accountant'
  | 'partner'
  | 'approver'
  | 'customer';

export interface AgenciesTable {
  id: string;
  name: string;
  slug: string;
  defaultLocale: string;
  baseCurrency: string;
  createdAt: CreatedAt;
}

export interface UsersTable {
  id: string;
  agencyId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  locale: string;
  disabledAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a leaked table does not leak live sessions. */
  tokenHash: string;
  agencyId: string;
  userId: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  lastSeenAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokensTable {
  id: string;
  agencyId: string;
  userId: string;
  name: string;
  tokenHash: string;
  /** The first characters of the token, shown in lists so a person can tell tokens apart. */
  tokenPrefix: string;
  createdAt: CreatedAt;
  lastUsedAt: Timestamp | null;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export type ActorType = 'user' | 'api_token' | 'system';

export interface AuditLogTable {
  id: string;
  agencyId: string;
  at: CreatedAt;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Json | null;
  after: Json | null;
  reason: string | null;
  requestId: string | null;
}

export type OutboxStatus = 'pending' | 'done' | 'dead';

export interface OutboxTable {
  id: string;
  agencyId: string;
  kind: string;
  payload: Json;
  status: OutboxStatus;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  runAt: Timestamp;
  lockedUntil: Timestamp | null;
  lastError: string | null;
  createdAt: CreatedAt;
  doneAt: Timestamp | null;
}

export interface IdempotencyKeysTable {
  agencyId: string;
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number | null;
  response: Json | null;
  createdAt: CreatedAt;
}

export interface DB {
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  auditLog: AuditLogTable;
  outbox: OutboxTable;
  idempotencyKeys: IdempotencyKeysTable;
}

export type Agency = Selectable<AgenciesTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type OutboxJob = Selectable<OutboxTable>;
