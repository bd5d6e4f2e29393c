import type { Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { Db } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { memoised } from "../../platform/request-memo.ts";
import { lockForUpdate, touch, type Tx } from "../../platform/transaction.ts";
import type { ProjectRef } from "./extension-points.ts";

/**
 * The one way other features open a project: in the actor's own organisation,
 * and only when the actor may see it. Anything else is "not found", so ids of
 * other organisations or hidden projects reveal nothing.
 */
export async function loadProjectForActor(db: Db, actor: Actor, projectId: string): Promise<ProjectRef> {
  // Outside a transaction the row is read once per request (the project page's panels each open it).
  if (!db.isTransaction) return toRef(actor, await memoised(actor, `project:${projectId}`, () => projectQuery(db, actor, projectId).executeTakeFirst()));
  // A use case that opens a project may change what its gate waits for: its stored readiness is redone before commit.
  const ref = toRef(actor, await projectQuery(db, actor, projectId).executeTakeFirst());
  touch("project", ref.id);
  return ref;
}

/** A project already read as the actor may see it (the project page): later opens in the same request reuse it. */
export function rememberProject(actor: Actor, project: ProjectRef): void {
  void memoised(actor, `project:${project.id}`, async () => ({
    id: project.id,
    organisation_id: project.organisationId,
    title: project.title,
    phase: project.phase,
    domain: project.domain,
    supplier_involved: project.supplierInvolved ? 1 : 0,
  }));
}

/**
 * The same, inside a use case that decides on the project (a gate decision, a
 * review, an acceptance): the project row stays locked until the transaction
 * ends, so a second decision on it waits and then sees the first one's result.
 */
export async function lockProjectForActor(tx: Tx, actor: Actor, projectId: string): Promise<ProjectRef> {
  const ref = toRef(actor, await lockForUpdate(tx, projectQuery(tx.db, actor, projectId)).executeTakeFirst());
  touch("project", ref.id);
  return ref;
}

function projectQuery(db: Db, actor: Actor, projectId: string) {
  return db
    .selectFrom("projects")
    .select(["id", "organisation_id", "title", "phase", "domain", "supplier_involved"])
    .where("id", "=", projectId)
    .where("organisation_id", "=", actor.organisationId);
}

function toRef(actor: Actor, row: { id: string; organisation_id: string; title: string; phase: string; domain: string; supplier_involved: number } | undefined): ProjectRef {
  if (!row || !canViewProject(actor, row.id)) throw notFound();
  return { id: row.id, organisationId: row.organisation_id, title: row.title, phase: row.phase, domain: row.domain, supplierInvolved: row.supplier_involved === 1 };
}
