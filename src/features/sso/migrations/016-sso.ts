import type { Kysely } from "kysely";

// Signing in through the organisation's identity provider (OpenID Connect).
// Migrations never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sso_providers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    // Sealed with SECRETS_KEY (AES-256-GCM), never stored in the clear.
    .addColumn("client_secret_sealed", "text", (c) => c.notNull())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("claim_subject", "text", (c) => c.notNull())
    .addColumn("claim_email", "text", (c) => c.notNull())
    .addColumn("claim_name", "text", (c) => c.notNull())
    // Empty: the provider brings no groups, roles stay managed in Afweging.
    .addColumn("claim_groups", "text", (c) => c.notNull())
    // Comma-separated e-mail domains that lead to this provider on the login page.
    .addColumn("email_domains", "text", (c) => c.notNull())
    .addColumn("jit_accounts", "integer", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sso_providers_org").on("sso_providers").column("organisation_id").execute();

  await db.schema
    .createTable("sso_group_mappings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("provider_id", "text", (c) => c.notNull().references("sso_providers.id"))
    .addColumn("group_value", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("sso_group_mappings_unique", ["provider_id", "group_value", "role"])
    .execute();

  await db.schema
    .createTable("sso_identities")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("provider_id", "text", (c) => c.notNull().references("sso_providers.id"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_sign_in_at", "text", (c) => c.notNull())
    .addUniqueConstraint("sso_identities_subject", ["provider_id", "subject"])
    .execute();
  await db.schema.createIndex("sso_identities_user").on("sso_identities").column("user_id").execute();

  // What a session started through a provider needs at sign-out (RP-initiated logout).
  await db.schema
    .createTable("sso_sessions")
    .addColumn("session_id", "text", (c) => c.primaryKey().references("sessions.id").onDelete("cascade"))
    .addColumn("provider_id", "text", (c) => c.notNull().references("sso_providers.id"))
    .addColumn("id_token_sealed", "text", (c) => c.notNull())
    .addColumn("end_session_endpoint", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sso_settings")
    .addColumn("organisation_id", "text", (c) => c.primaryKey().references("organisations.id"))
    .addColumn("local_passwords", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // Admin accounts made with the CLI that may log in with a password when passwords are off.
  await db.schema
    .createTable("sso_break_glass_accounts")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["sso_break_glass_accounts", "sso_settings", "sso_sessions", "sso_identities", "sso_group_mappings", "sso_providers"]) {
    await db.schema.dropTable(t).execute();
  }
}
