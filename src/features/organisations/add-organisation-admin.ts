import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import { hashPassword, passwordProblem } from "../../platform/auth/passwords.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import { findOrganisation } from "../../platform/organisations.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { requireInstanceAdmin } from "./instance-admin.ts";
import { OrganisationAdminInput } from "./schemas.ts";

/**
 * Adds an administrator to an organisation, usually its first one: from then on
 * that admin manages the organisation's users and settings. Recorded on the
 * organisation's own chain, with the instance administrator as actor.
 */
export async function addOrganisationAdmin(deps: Deps, actor: ActorWithProfile, organisationId: string, input: unknown): Promise<string> {
  requireInstanceAdmin(actor);
  const data = parseInput(OrganisationAdminInput, input);
  const problem = passwordProblem(data.password, data.email);
  if (problem) throw invalid([{ field: "password", messageKey: problem }]);
  const hash = await hashPassword(data.password);
  const id = deps.newId();
  await inTransaction(
    deps,
    { userId: actor.userId, organisationId, name: actor.name },
    async (tx) => {
      const organisation = await findOrganisation(tx.db, organisationId);
      if (!organisation) throw notFound();
      if (await tx.db.selectFrom("users").select("id").where("email", "=", data.email).executeTakeFirst()) throw invalid([{ field: "email", messageKey: "user.email_taken" }]);
      const now = tx.now().toISOString();
      await tx.db
        .insertInto("users")
        .values({ id, organisation_id: organisationId, email: data.email, name: data.name, password_hash: hash, locale: organisation.settings.defaultLocale, active: 1, created_at: now, updated_at: now })
        .execute();
      await tx.audit({ action: "user.created", entityType: "user", entityId: id, after: { name: data.name, email: data.email } });
      await tx.db.insertInto("role_assignments").values({ id: tx.newId(), organisation_id: organisationId, user_id: id, role: "admin", project_id: "", created_at: now, created_by: actor.userId }).execute();
      await tx.audit({ action: "role.assigned", entityType: "user", entityId: id, after: { role: "admin", projectId: null } });
    },
    organisationId,
  );
  return id;
}
