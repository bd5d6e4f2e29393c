import { z } from "zod";
import { isOrganisationRole, ORGANISATION_ROLES } from "../../domain/permissions/roles.ts";
import { segregationConflict } from "../../domain/permissions/segregation.ts";
import { hashPassword, passwordProblem } from "../../platform/auth/passwords.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";

export const BootstrapUserInput = z.object({
  organisation: z.string().trim().min(1, "field.required"),
  name: fields.text(120),
  email: fields.email(),
  password: z.string().min(1, "field.required").max(200, "field.too_long"),
  roles: z.array(z.enum(ORGANISATION_ROLES, "field.invalid_choice")).default([]),
  /** Also an instance administrator (the first one is made this way, from the command line). */
  instanceAdmin: z.boolean().default(false),
});

/**
 * Adds a user from the command line or the demo seed, where no admin is logged
 * in yet. Recorded on the organisation's chain with the system as actor.
 */
export async function bootstrapUser(deps: Deps, input: unknown, actorLabel = "systeem (opdrachtregel)"): Promise<string> {
  const data = parseInput(BootstrapUserInput, input);
  if (segregationConflict(data.roles.filter(isOrganisationRole))) throw new AppError("rule_refused", "role.segregation");
  const org = await deps.db
    .selectFrom("organisations")
    .select("id")
    .where((eb) => eb.or([eb("slug", "=", data.organisation), eb("id", "=", data.organisation)]))
    .executeTakeFirst();
  if (!org) throw new AppError("not_found", "organisation.unknown", { params: { organisation: data.organisation } });
  const problem = passwordProblem(data.password, data.email);
  if (problem) throw invalid([{ field: "password", messageKey: problem }]);
  const hash = await hashPassword(data.password);
  const id = deps.newId();
  const now = deps.now().toISOString();
  const system = { userId: null, organisationId: org.id, name: actorLabel };
  await inTransaction(deps, system, async (tx) => {
    if (await tx.db.selectFrom("users").select("id").where("email", "=", data.email).executeTakeFirst()) {
      throw invalid([{ field: "email", messageKey: "user.email_taken" }]);
    }
    await tx.db
      .insertInto("users")
      .values({ id, organisation_id: org.id, email: data.email, name: data.name, password_hash: hash, locale: "nl", active: 1, created_at: now, updated_at: now })
      .execute();
    await tx.audit({ action: "user.created", entityType: "user", entityId: id, after: { name: data.name, email: data.email } });
    for (const role of data.roles.filter(isOrganisationRole)) {
      await tx.db
        .insertInto("role_assignments")
        .values({ id: deps.newId(), organisation_id: org.id, user_id: id, role, project_id: "", created_at: now, created_by: null })
        .execute();
      await tx.audit({ action: "role.assigned", entityType: "user", entityId: id, after: { role, projectId: null } });
    }
    if (data.instanceAdmin) {
      await tx.db.insertInto("instance_admins").values({ user_id: id, created_at: now, created_by: null }).execute();
      await tx.audit({ action: "instance_admin.granted", entityType: "user", entityId: id, after: { email: data.email } });
    }
  });
  return id;
}
