import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canRegisterProject } from "../../domain/permissions/project-access.ts";
import type { ProjectRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { ProjectFields, projectColumns, userId } from "./fields.ts";
import { activeUserName } from "./project-rows.ts";

export const RegisterProjectInput = ProjectFields.extend({
  ownerUserId: userId("projects.owner_required"),
  leadUserId: z
    .string()
    .trim()
    .max(64, "field.too_long")
    .optional()
    .transform((v) => v || undefined),
});

/** Anyone in the organisation registers a project; they become its lead unless they choose someone else. */
export async function registerProject(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    if (!canRegisterProject(actor)) throw forbidden();
    const data = parseInput(RegisterProjectInput, input);
    const leadUserId = data.leadUserId ?? actor.userId;
    const owner = await activeUserName(tx.db, actor.organisationId, data.ownerUserId, "ownerUserId");
    const lead = await activeUserName(tx.db, actor.organisationId, leadUserId, "leadUserId");
    const id = tx.newId();
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("projects")
      .values({
        id,
        organisation_id: actor.organisationId,
        ...projectColumns(data),
        phase: "pre_start",
        publication_state: "not_published",
        stopped_reason: null,
        stopped_at: null,
        closed_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const roles: { userId: string; role: ProjectRole }[] = [
      { userId: data.ownerUserId, role: "owner" },
      { userId: leadUserId, role: "lead" },
    ];
    // Whoever registers keeps sight of the project, also when they name others as owner and lead.
    if (actor.userId !== data.ownerUserId && actor.userId !== leadUserId) roles.push({ userId: actor.userId, role: "member" });
    for (const r of roles) await assignRole(tx, actor, id, r.userId, r.role, now);
    await tx.audit({ action: "project.registered", entityType: "project", entityId: id, after: { ...data, leadUserId, owner, lead, phase: "pre_start" } });
    return id;
  });
}

/** A project role for someone, in the audit log as a role assignment. Returns the assignment's id. */
export async function assignRole(tx: Tx, actor: Actor, projectId: string, userId: string, role: ProjectRole, now: string): Promise<string> {
  const id = tx.newId();
  await tx.db
    .insertInto("role_assignments")
    .values({ id, organisation_id: actor.organisationId, user_id: userId, role, project_id: projectId, created_at: now, created_by: actor.userId })
    .execute();
  await tx.audit({ action: "role.assigned", entityType: "user", entityId: userId, after: { role, projectId } });
  return id;
}
