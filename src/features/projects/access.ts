import type { Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { Db } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import type { ProjectRef } from "./extension-points.ts";

/**
 * The one way other features open a project: in the actor's own organisation,
 * and only when the actor may see it. Anything else is "not found", so ids of
 * other organisations or hidden projects reveal nothing.
 */
export async function loadProjectForActor(db: Db, actor: Actor, projectId: string): Promise<ProjectRef> {
  const row = await db
    .selectFrom("projects")
    .select(["id", "organisation_id", "title", "phase", "domain", "supplier_involved"])
    .where("id", "=", projectId)
    .where("organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  if (!row || !canViewProject(actor, row.id)) throw notFound();
  return { id: row.id, organisationId: row.organisation_id, title: row.title, phase: row.phase, domain: row.domain, supplierInvolved: row.supplier_involved === 1 };
}
