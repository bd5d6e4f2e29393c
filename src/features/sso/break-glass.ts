// Break-glass accounts: admins made with the CLI that may log in with a
// password even when the organisation switched passwords off (the provider
// may fail). Each use is an audit event, which the 3rd line sees.
import { segregationConflict } from "../../domain/permissions/segregation.ts";
import { isOrganisationRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { bootstrapUser } from "../admin/bootstrap.ts";
import { localPasswordsAllowed } from "./login-settings.ts";
import "./schema.ts";

/**
 * The CLI's `user add … --break-glass`: the user, the admin role and the
 * break-glass mark in one transaction. The admin role with a 3rd-line or
 * committee role is refused, as everywhere.
 */
export async function createBreakGlassAccount(deps: Deps, input: { organisation: string; name: string; email: string; password: string; roles: string[] }): Promise<string> {
  const roles = [...new Set(["admin", ...input.roles])];
  const conflict = segregationConflict(roles.filter(isOrganisationRole));
  if (conflict) throw new AppError("rule_refused", "sso.break_glass.segregation", { params: { roles: conflict.conflicting.join(", ") } });
  const org = await deps.db
    .selectFrom("organisations")
    .select("id")
    .where((eb) => eb.or([eb("slug", "=", input.organisation), eb("id", "=", input.organisation)]))
    .executeTakeFirst();
  if (!org) throw notFound();
  return inTransaction(deps, { userId: null, organisationId: org.id, name: "systeem (opdrachtregel)" }, async (tx) => {
    const id = await bootstrapUser(tx, { ...input, roles });
    await grantBreakGlass(tx, id);
    return id;
  });
}

/** Marks an admin account as break-glass, in the transaction that creates it (the CLI). */
export async function grantBreakGlass(tx: Tx, userId: string): Promise<void> {
  const user = await tx.db.selectFrom("users").select(["id", "organisation_id"]).where("id", "=", userId).executeTakeFirst();
  if (!user) throw notFound();
  const admin = await tx.db.selectFrom("role_assignments").select("id").where("user_id", "=", userId).where("role", "=", "admin").where("project_id", "=", "").executeTakeFirst();
  if (!admin) throw new AppError("rule_refused", "sso.break_glass.admin_only");
  await tx.db.insertInto("sso_break_glass_accounts").values({ user_id: userId, organisation_id: user.organisation_id, created_at: tx.now().toISOString() }).execute();
  await tx.audit({ action: "user.break_glass_granted", entityType: "user", entityId: userId, after: { breakGlass: true } });
}

/**
 * In the password login's transaction: a break-glass account may always log
 * in, and each time is recorded; anyone else is refused when the
 * organisation switched passwords off.
 */
export async function checkPasswordLogin(tx: Tx, user: { id: string; organisationId: string }): Promise<void> {
  const breakGlass = await tx.db.selectFrom("sso_break_glass_accounts").select("user_id").where("user_id", "=", user.id).executeTakeFirst();
  if (breakGlass) {
    await tx.audit({ action: "session.break_glass_login", entityType: "user", entityId: user.id, after: { breakGlass: true, localPasswords: await localPasswordsAllowed(tx, user.organisationId) } });
    return;
  }
  if (!(await localPasswordsAllowed(tx, user.organisationId))) throw new AppError("rule_refused", "sso.login.passwords_off");
}
