// Who may see and manage a bias audit, and how a use case opens one: always
// in the actor's organisation, "not found" when the actor may not see it.
// Within this feature only.

import { z } from "zod";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject, isSecondOrThirdLine } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import { lockForUpdate, type Tx } from "../../platform/transaction.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { isJobActive, STALE_AFTER_MS } from "./jobs.ts";
import type { BiasAuditTable } from "./schema.ts";

// ---------------------------------------------------------------- permissions

/** The 2nd and 3rd line audit algorithms (plan step 6); they start bias audits. */
export function canStartBiasAudit(actor: Actor): boolean {
  return isSecondOrThirdLine(actor);
}

/** The menu entry: whoever can start one, and project teams (they see their projects' audits). */
export function seesBiasAudits(actor: Actor): boolean {
  return canStartBiasAudit(actor) || actor.projectRoles.size > 0;
}

export function canSee(actor: Actor, row: Pick<BiasAuditTable, "project_id" | "created_by">): boolean {
  if (row.project_id) return canViewProject(actor, row.project_id);
  return row.created_by === actor.userId || isSecondOrThirdLine(actor);
}

/** Segregation of duties: nobody audits a project in which they hold a project role. */
export function canManage(actor: Actor, row: Pick<BiasAuditTable, "project_id" | "created_by">): boolean {
  return canSee(actor, row) && isSecondOrThirdLine(actor) && !(row.project_id && isInvolvedIn(actor, row.project_id));
}

/** A project id in a request (form, API body or query): one limit for all. */
export const ProjectIdField = z.string().trim().max(64, "field.too_long");

// ---------------------------------------------------------------- the audit's row

export type Row = BiasAuditTable & { project_title: string | null };

export function baseQuery(deps: Deps, actor: Actor) {
  return deps.db
    .selectFrom("bias_audits")
    .leftJoin("projects", "projects.id", "bias_audits.project_id")
    .selectAll("bias_audits")
    .select("projects.title as project_title")
    .where("bias_audits.organisation_id", "=", actor.organisationId);
}

/**
 * Marks queued or running jobs failed ("interrupted"). With `staleBefore`
 * only those that showed no sign of life since then: the condition is part
 * of the update, so a job that just wrote its heartbeat is left alone.
 */
export async function markInterrupted(deps: Deps, ids: string[], staleBefore: string | null): Promise<void> {
  if (ids.length === 0) return;
  const now = deps.now().toISOString();
  let q = deps.db
    .updateTable("bias_audits")
    .set({ status: "failed", error_code: "interrupted", error_params_json: "{}", finished_at: now, updated_at: now })
    .where("id", "in", ids)
    .where("status", "in", ["queued", "running"]);
  if (staleBefore !== null)
    q = q.where((eb) => eb.or([eb("heartbeat_at", "<", staleBefore), eb.and([eb("heartbeat_at", "is", null), eb("updated_at", "<", staleBefore)])]));
  await q.execute();
}

/**
 * A job that is queued or running, is not running in this process and has
 * shown no sign of life for a while was interrupted (a crash or a restart).
 * It is marked failed when it is read, so nobody waits for it forever.
 */
async function failIfInterrupted(deps: Deps, row: Row): Promise<Row> {
  if ((row.status !== "queued" && row.status !== "running") || isJobActive(row.id)) return row;
  const last = Date.parse(row.heartbeat_at ?? row.updated_at);
  const now = deps.now().getTime();
  if (now - last < STALE_AFTER_MS) return row;
  await markInterrupted(deps, [row.id], new Date(now - STALE_AFTER_MS).toISOString());
  return { ...row, status: "failed", error_code: "interrupted", error_params_json: "{}" };
}

/** The audit's row, or not found (other organisation, or not visible to the actor). */
export async function loadRow(deps: Deps, actor: Actor, id: string): Promise<Row> {
  const row = await baseQuery(deps, actor).where("bias_audits.id", "=", id).executeTakeFirst();
  if (!row || !canSee(actor, row)) throw notFound();
  return failIfInterrupted(deps, row);
}

/**
 * The same inside a use case that decides on the audit (start a run, attach,
 * link, delete): the audit's row stays locked until the transaction ends, so
 * a second decision on it waits and then sees the first one's result.
 */
export async function lockRow(tx: Tx, actor: Actor, id: string): Promise<Row> {
  await lockForUpdate(tx, tx.db.selectFrom("bias_audits").select("id").where("id", "=", id).where("organisation_id", "=", actor.organisationId)).execute();
  return loadRow(tx, actor, id);
}

/** The project an audit is attached to: one the actor may see and holds no role in; errors on `field`. */
export async function checkProject(deps: Deps, actor: Actor, projectId: string | null, field: string): Promise<ProjectRef | null> {
  if (!projectId) return null;
  let project: ProjectRef;
  try {
    project = await loadProjectForActor(deps.db, actor, projectId);
  } catch {
    throw invalid([{ field, messageKey: "bias_audit.project_unknown" }]);
  }
  if (isInvolvedIn(actor, project.id)) throw invalid([{ field, messageKey: "bias_audit.project_involved" }]);
  return project;
}
