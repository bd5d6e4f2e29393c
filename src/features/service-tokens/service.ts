import { randomBytes } from "node:crypto";
import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import { ORGANISATION_ROLES } from "../../domain/permissions/roles.ts";
import { apiTokenHash, newApiToken } from "../../platform/auth/api-tokens.ts";
import { hashPassword } from "../../platform/auth/passwords.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, notFound } from "../../platform/errors.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";

/** A service token may hold any organisation role but admin: it cannot manage users or hand out tokens. */
export const SERVICE_TOKEN_ROLES = ORGANISATION_ROLES.filter((r) => r !== "admin");

export const CreateServiceTokenInput = z.object({
  name: fields.text(80),
  scope: z.enum(["read", "write"], "field.invalid_choice"),
  days: z.coerce.number("field.number").int("field.number").min(1, "field.number").max(365, "field.number"),
  /** The organisation role the token acts with; none sees only what is open to every user. */
  role: z
    .enum(["", ...SERVICE_TOKEN_ROLES] as [string, ...string[]], "field.invalid_choice")
    .optional()
    .transform((v) => (v ? v : null)),
});

export interface ServiceTokenView {
  id: string;
  name: string;
  scope: "read" | "write";
  role: string | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  lastUsedAt: string | null;
}

function requireAdmin(actor: Actor): void {
  if (!can(actor, "users.manage")) throw forbidden();
}

/**
 * An organisation's service token, for a system that is not a person (the
 * register's connector, a reporting tool). It acts as a service account of its
 * own with the chosen role, so it does not end when the admin who made it leaves.
 * The token is shown once; only its hash is kept.
 */
export async function createServiceToken(deps: Deps, actor: Actor, input: unknown): Promise<{ id: string; token: string }> {
  requireAdmin(actor);
  const data = parseInput(CreateServiceTokenInput, input);
  const token = newApiToken();
  const id = deps.newId();
  const accountId = deps.newId();
  // The account never logs in: its password is random and thrown away.
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  await inTransaction(deps, actor, async (tx) => {
    const now = tx.now();
    const at = now.toISOString();
    await tx.db
      .insertInto("users")
      .values({ id: accountId, organisation_id: actor.organisationId, email: `service-${accountId}@tokens.invalid`, name: `Koppeling: ${data.name}`, password_hash: unusable, locale: "nl", active: 1, created_at: at, updated_at: at })
      .execute();
    await tx.db.insertInto("service_accounts").values({ user_id: accountId, organisation_id: actor.organisationId, created_at: at, created_by: actor.userId }).execute();
    if (data.role) {
      await tx.db.insertInto("role_assignments").values({ id: tx.newId(), organisation_id: actor.organisationId, user_id: accountId, role: data.role, project_id: "", created_at: at, created_by: actor.userId }).execute();
    }
    await tx.db
      .insertInto("api_tokens")
      .values({ id, organisation_id: actor.organisationId, user_id: accountId, name: data.name, token_hash: apiTokenHash(token), scope: data.scope, created_at: at, expires_at: new Date(now.getTime() + data.days * 86_400_000).toISOString(), last_used_at: null, revoked_at: null })
      .execute();
    await tx.audit({ action: "service_token.created", entityType: "api_token", entityId: id, after: { name: data.name, scope: data.scope, days: data.days, role: data.role } });
  });
  return { id, token };
}

/** The organisation's service tokens that are not revoked, expired ones marked. */
export async function listServiceTokens(deps: Deps, actor: Actor): Promise<ServiceTokenView[]> {
  requireAdmin(actor);
  const rows = await deps.db
    .selectFrom("api_tokens")
    .innerJoin("service_accounts", "service_accounts.user_id", "api_tokens.user_id")
    .leftJoin("role_assignments", (j) => j.onRef("role_assignments.user_id", "=", "api_tokens.user_id").on("role_assignments.project_id", "=", ""))
    .select(["api_tokens.id", "api_tokens.name", "api_tokens.scope", "api_tokens.created_at", "api_tokens.expires_at", "api_tokens.last_used_at", "role_assignments.role"])
    .where("api_tokens.organisation_id", "=", actor.organisationId)
    .where("service_accounts.organisation_id", "=", actor.organisationId)
    .where("api_tokens.revoked_at", "is", null)
    .orderBy("api_tokens.created_at", "desc")
    .execute();
  const now = deps.now().getTime();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.scope === "write" ? "write" : "read",
    role: r.role ?? null,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    expired: Date.parse(r.expires_at) <= now,
    lastUsedAt: r.last_used_at,
  }));
}

/** Revokes a service token at once; its service account is deactivated with it. */
export async function revokeServiceToken(deps: Deps, actor: Actor, tokenId: string): Promise<void> {
  requireAdmin(actor);
  await inTransaction(deps, actor, async (tx) => {
    const row = await lockForUpdate(
      tx,
      tx.db
        .selectFrom("api_tokens")
        .innerJoin("service_accounts", "service_accounts.user_id", "api_tokens.user_id")
        .select(["api_tokens.id", "api_tokens.name", "api_tokens.user_id"])
        .where("api_tokens.id", "=", tokenId)
        .where("api_tokens.organisation_id", "=", actor.organisationId)
        .where("service_accounts.organisation_id", "=", actor.organisationId)
        .where("api_tokens.revoked_at", "is", null),
    ).executeTakeFirst();
    if (!row) throw notFound();
    const at = tx.now().toISOString();
    await tx.db.updateTable("api_tokens").set({ revoked_at: at }).where("id", "=", tokenId).execute();
    await tx.db.updateTable("users").set({ active: 0, updated_at: at }).where("id", "=", row.user_id).execute();
    await tx.audit({ action: "service_token.revoked", entityType: "api_token", entityId: tokenId, before: { name: row.name } });
  });
}
