import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";

/**
 * The instance administrator manages the organisations of the instance. It is
 * not a role in an organisation: an organisation's admin cannot grant it, and
 * it gives no access to any organisation's projects.
 */
export function requireInstanceAdmin(actor: ActorWithProfile | null): asserts actor is ActorWithProfile {
  if (!actor?.instanceAdmin) throw forbidden();
}

/** Makes an existing user an instance administrator (command line only). */
export async function grantInstanceAdmin(deps: Deps, email: string): Promise<string> {
  const user = await deps.db.selectFrom("users").select(["id", "email"]).where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  if (!user) throw new AppError("not_found", "organisations.user_unknown", { params: { email } });
  await inTransaction(
    deps,
    { userId: null, organisationId: null, name: "systeem (opdrachtregel)" },
    async (tx) => {
      const already = await tx.db.selectFrom("instance_admins").select("user_id").where("user_id", "=", user.id).executeTakeFirst();
      if (already) return;
      await tx.db.insertInto("instance_admins").values({ user_id: user.id, created_at: tx.now().toISOString(), created_by: null }).execute();
      await tx.audit({ action: "instance_admin.granted", entityType: "user", entityId: user.id, after: { email: user.email } });
    },
    null,
  );
  return user.id;
}
