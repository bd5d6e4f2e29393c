// The tables of signing in through an identity provider, added to the database type.

export interface SsoProviderTable {
  id: string;
  organisation_id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  /** Space-separated, e.g. "openid email profile". */
  scopes: string;
  claim_subject: string;
  claim_email: string;
  claim_name: string;
  /** "" when the provider brings no groups. */
  claim_groups: string;
  /** Comma-separated, lower case. */
  email_domains: string;
  jit_accounts: number;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface SsoGroupMappingTable {
  id: string;
  organisation_id: string;
  provider_id: string;
  group_value: string;
  role: string;
  created_at: string;
}

export interface SsoIdentityTable {
  id: string;
  organisation_id: string;
  provider_id: string;
  subject: string;
  user_id: string;
  created_at: string;
  last_sign_in_at: string;
}

export interface SsoSessionTable {
  session_id: string;
  provider_id: string;
  id_token_sealed: string;
  end_session_endpoint: string | null;
  created_at: string;
}

export interface SsoSettingsTable {
  organisation_id: string;
  local_passwords: number;
  updated_at: string;
}

export interface SsoBreakGlassTable {
  user_id: string;
  organisation_id: string;
  created_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    sso_providers: SsoProviderTable;
    sso_group_mappings: SsoGroupMappingTable;
    sso_identities: SsoIdentityTable;
    sso_sessions: SsoSessionTable;
    sso_settings: SsoSettingsTable;
    sso_break_glass_accounts: SsoBreakGlassTable;
  }
}
