import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { PROJECT_ROLES } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { userId } from "./fields.ts";
import { activeUserName, lockProjectOfOrganisation, requireMayManageMembers } from "./project-rows.ts";
import { assignRole } from "./register-project.ts";

export const AddMemberInput = z.object({
  userId: userId("projects.member.user_required"),
  role: z.enum(PROJECT_ROLES, "field.invalid_choice"),
});

/** Owner, lead or an admin gives someone a project role; once per person and role. The team stays locked while it is checked. */
export async function addMember(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectOfOrganisation(tx, actor, projectId);
    requireMayManageMembers(actor, project.id);
    const data = parseInput(AddMemberInput, input);
    // Nobody gives themselves a role, on a project neither (an administrator cannot make themselves its owner).
    if (data.userId === actor.userId) throw new AppError("forbidden", "role.no_self_assign");
    const name = await activeUserName(tx.db, actor.organisationId, data.userId, "userId");
    const existing = await tx.db
      .selectFrom("role_assignments")
      .select("id")
      .where("organisation_id", "=", actor.organisationId)
      .where("user_id", "=", data.userId)
      .where("role", "=", data.role)
      .where("project_id", "=", project.id)
      .executeTakeFirst();
    if (existing) throw new AppError("conflict", "projects.member.already");
    const id = await assignRole(tx, actor, project.id, data.userId, data.role, tx.now().toISOString());
    await tx.audit({ action: "project.member_added", entityType: "project", entityId: project.id, after: { userId: data.userId, name, role: data.role } });
    return id;
  });
}
