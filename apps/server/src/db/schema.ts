import type { Generated, ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: 'city' | 'county' | 'township' | 'village';
  parent_id: number | null;
  path: string;
  created_at: Timestamp;
}

export interface FundTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
  founded_on: string | null;
  created_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  region_id: number;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  username: string;
  ip: string | null;
  succeeded: boolean;
  at: Timestamp;
}

export interface AuditEntityRef {
  type: string;
  id: string;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: number | null;
  username: string | null;
  ip: string | null;
  command: string;
  region_id: number | null;
  region_path: string | null;
  entities: Json<AuditEntityRef[]>;
  details: Json<Record<string, unknown>>;
}

export interface ClientRequestTable {
  request_id: string;
  user_id: number | null;
  command: string;
  payload_hash: string;
  response: Json<unknown>;
  created_at: Timestamp;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface Database {
  region: RegionTable;
  fund: FundTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  client_request: ClientRequestTable;
  schema_migration: SchemaMigrationTable;
}
