import type { Kysely, Transaction } from "kysely";

/**
 * Table types. Timestamps are ISO-8601 UTC strings and JSON is stored as text
 * on both engines, so rows read the same from SQLite and PostgreSQL.
 * Booleans are integers 0/1 for the same reason.
 */
export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  tooi_code: string | null;
  theme_class: string;
  theme_css: string | null;
  logo_url: string | null;
  created_at: string;
  /** Set when the instance administrator disabled the organisation: its users can no longer log in or use tokens. */
  disabled_at?: string | null;
  /** The address residents and the national register see for the organisation's register. */
  contact_email?: string | null;
  /** Instance-level settings of the organisation (JSON, see platform/organisations.ts). */
  settings_json?: string | null;
}

/** Instance administrators: above and apart from every organisation's roles. */
export interface InstanceAdminTable {
  user_id: string;
  created_at: string;
  created_by: string | null;
}

/** Users that exist only to carry an organisation's service tokens; they cannot log in. */
export interface ServiceAccountTable {
  user_id: string;
  organisation_id: string;
  created_at: string;
  created_by: string | null;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  active: number;
  /** When the account was last deactivated (null while active, and for accounts deactivated before this was kept). */
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A retention period an organisation has set; a period without a row has its default. */
export interface RetentionPeriodTable {
  organisation_id: string;
  period_key: string;
  /** Days; null: kept until someone removes it. */
  days: number | null;
  updated_at: string;
  updated_by: string;
}

export interface RoleAssignmentTable {
  id: string;
  organisation_id: string;
  user_id: string;
  role: string;
  /** Empty string for an organisation-wide role, so the unique index works on both engines. */
  project_id: string;
  created_at: string;
  created_by: string | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  organisation_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginFailureTable {
  id: string;
  kind: string;
  key: string;
  at: string;
}

export interface AuditEventTable {
  chain: string;
  seq: number;
  id: string;
  organisation_id: string | null;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  /** HMAC-SHA-256 with the audit key; null for events written before keyed hashes existed. */
  hmac: string | null;
}

export interface AuditChainHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface ProjectTable {
  id: string;
  organisation_id: string;
  title: string;
  goal: string;
  description: string;
  domain: string;
  technologies_json: string;
  data_categories_json: string;
  supplier_involved: number;
  /** pre_start, start, execution, evaluation, closed or stopped. */
  phase: string;
  created_at: string;
  updated_at: string;
}

export interface ApiTokenTable {
  id: string;
  organisation_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** "read" (GET only) or "write". */
  scope: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface DatabaseSchema {
  api_tokens: ApiTokenTable;
  projects: ProjectTable;
  organisations: OrganisationTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  audit_events: AuditEventTable;
  audit_chain_heads: AuditChainHeadTable;
  retention_periods: RetentionPeriodTable;
  instance_admins: InstanceAdminTable;
  service_accounts: ServiceAccountTable;
}

export type Db = Kysely<DatabaseSchema>;
export type Trx = Transaction<DatabaseSchema>;
/** Either the database or an open transaction: queries accept both. */
export type Executor = Kysely<DatabaseSchema>;
