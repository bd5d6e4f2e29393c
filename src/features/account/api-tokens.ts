import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import { apiTokenHash, newApiToken } from "../../platform/auth/api-tokens.ts";

export const CreateTokenInput = z.object({
  name: fields.text(80),
  scope: z.enum(["read", "write"], "field.invalid_choice"),
  days: z.coerce.number("field.number").int("field.number").min(1, "field.number").max(365, "field.number"),
});

export interface ApiTokenView {
  id: string;
  name: string;
  scope: "read" | "write";
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

/** A personal API token acting as its user with their roles; shown once, only its hash is kept. */
export async function createApiToken(deps: Deps, actor: ActorWithProfile, input: unknown): Promise<{ id: string; token: string }> {
  const data = parseInput(CreateTokenInput, input);
  const token = newApiToken();
  const id = deps.newId();
  const now = deps.now();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("api_tokens")
      .values({
        id,
        organisation_id: actor.organisationId,
        user_id: actor.userId,
        name: data.name,
        token_hash: apiTokenHash(token),
        scope: data.scope,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + data.days * 86_400_000).toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await tx.audit({ action: "api_token.created", entityType: "api_token", entityId: id, after: { name: data.name, scope: data.scope, days: data.days } });
  });
  return { id, token };
}

export async function listApiTokens(deps: Deps, actor: ActorWithProfile): Promise<ApiTokenView[]> {
  const rows = await deps.db
    .selectFrom("api_tokens")
    .select(["id", "name", "scope", "created_at", "expires_at", "last_used_at"])
    .where("user_id", "=", actor.userId)
    .where("organisation_id", "=", actor.organisationId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope === "write" ? "write" : "read", createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at }));
}

export async function revokeApiToken(deps: Deps, actor: ActorWithProfile, tokenId: string): Promise<void> {
  const row = await deps.db
    .selectFrom("api_tokens")
    .select(["id", "name"])
    .where("id", "=", tokenId)
    .where("user_id", "=", actor.userId)
    .where("organisation_id", "=", actor.organisationId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("api_tokens").set({ revoked_at: deps.now().toISOString() }).where("id", "=", tokenId).execute();
    await tx.audit({ action: "api_token.revoked", entityType: "api_token", entityId: tokenId, before: { name: row.name } });
  });
}
