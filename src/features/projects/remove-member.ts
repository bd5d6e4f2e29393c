import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { lockProjectOfOrganisation, membersOf, requireMayManageMembers } from "./project-rows.ts";

/** Owner, lead or an admin takes a project role away; a project always keeps an owner and a lead. */
export async function removeMember(deps: Deps, actor: Actor, projectId: string, assignmentId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    // Locked: two removals at once cannot both find another owner left.
    const project = await lockProjectOfOrganisation(tx, actor, projectId);
    requireMayManageMembers(actor, project.id);
    const members = await membersOf(tx.db, actor.organisationId, project.id);
    const member = members.find((m) => m.assignmentId === assignmentId);
    if (!member) throw notFound();
    if ((member.role === "owner" || member.role === "lead") && members.filter((m) => m.role === member.role).length <= 1) {
      throw new AppError("rule_refused", member.role === "owner" ? "projects.member.last_owner" : "projects.member.last_lead");
    }
    await tx.db.deleteFrom("role_assignments").where("id", "=", assignmentId).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "role.removed", entityType: "user", entityId: member.userId, before: { role: member.role, projectId: project.id } });
    await tx.audit({ action: "project.member_removed", entityType: "project", entityId: project.id, before: { userId: member.userId, name: member.name, role: member.role } });
  });
}
