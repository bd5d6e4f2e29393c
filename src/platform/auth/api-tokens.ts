import { createHash, randomBytes } from "node:crypto";
import type { Deps } from "../deps.ts";

const PREFIX = "afw_";

/** Only a token's hash is kept; the token itself is shown once. */
export function apiTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newApiToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** The user and scope behind a bearer token, or null when it is unknown, revoked, expired or its user inactive. */
export async function findApiToken(deps: Deps, token: string): Promise<{ tokenId: string; userId: string; scope: "read" | "write" } | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const row = await deps.db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select(["api_tokens.id", "api_tokens.user_id", "api_tokens.scope", "api_tokens.expires_at", "api_tokens.revoked_at", "api_tokens.last_used_at", "users.active"])
    .where("api_tokens.token_hash", "=", apiTokenHash(token))
    .executeTakeFirst();
  const now = deps.now();
  if (!row || row.revoked_at || !row.active || Date.parse(row.expires_at) <= now.getTime()) return null;
  // Recording use at most once a minute keeps reads from writing on every call.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await deps.db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("id", "=", row.id).execute();
  }
  return { tokenId: row.id, userId: row.user_id, scope: row.scope === "write" ? "write" : "read" };
}
