// Per organisation: may staff still log in with a password? (The break-glass
// accounts that always may are in break-glass.ts.)
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { requireSsoAdmin } from "./providers.ts";
import "./schema.ts";

export const LoginSettingsInput = z.object({
  localPasswords: z
    .union([z.boolean(), z.literal("1"), z.literal("on"), z.literal("true"), z.literal("0"), z.literal("false"), z.literal("")])
    .optional()
    .transform((v) => v === true || v === "1" || v === "on" || v === "true"),
});

export interface LoginSettings {
  localPasswords: boolean;
  breakGlass: { userId: string; name: string; email: string }[];
}

/** Passwords are allowed until an admin switches them off. */
export async function localPasswordsAllowed(deps: Deps, organisationId: string): Promise<boolean> {
  const row = await deps.db.selectFrom("sso_settings").select("local_passwords").where("organisation_id", "=", organisationId).executeTakeFirst();
  return row ? row.local_passwords === 1 : true;
}

export async function getLoginSettings(deps: Deps, actor: Actor): Promise<LoginSettings> {
  requireSsoAdmin(actor);
  const breakGlass = await deps.db
    .selectFrom("sso_break_glass_accounts")
    .innerJoin("users", "users.id", "sso_break_glass_accounts.user_id")
    .select(["users.id", "users.name", "users.email"])
    .where("sso_break_glass_accounts.organisation_id", "=", actor.organisationId)
    .orderBy("users.name")
    .execute();
  return { localPasswords: await localPasswordsAllowed(deps, actor.organisationId), breakGlass: breakGlass.map((b) => ({ userId: b.id, name: b.name, email: b.email })) };
}

export async function updateLoginSettings(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  requireSsoAdmin(actor);
  const { localPasswords } = parseInput(LoginSettingsInput, input);
  await inTransaction(deps, actor, async (tx) => {
    await lockForUpdate(tx, tx.db.selectFrom("organisations").select("id").where("id", "=", actor.organisationId)).executeTakeFirst();
    const before = await localPasswordsAllowed(tx, actor.organisationId);
    if (before === localPasswords) return;
    if (!localPasswords) {
      // Without a provider that works, nobody but the break-glass account could log in.
      const enabled = await tx.db.selectFrom("sso_providers").select("id").where("organisation_id", "=", actor.organisationId).where("enabled", "=", 1).executeTakeFirst();
      if (!enabled) throw new AppError("rule_refused", "sso.settings.needs_provider");
    }
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("sso_settings")
      .values({ organisation_id: actor.organisationId, local_passwords: localPasswords ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.column("organisation_id").doUpdateSet({ local_passwords: localPasswords ? 1 : 0, updated_at: now }))
      .execute();
    await tx.audit({ action: "sso.settings_updated", entityType: "organisation", entityId: actor.organisationId, before: { localPasswords: before }, after: { localPasswords } });
  });
}
