// Reading bias audits: the list, one audit with its status and progress, the
// finished report, and the projects an audit may be attached to.

import { z } from "zod";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { baseQuery, canManage, canSee, canStartBiasAudit, loadRow, markInterrupted, ProjectIdField, type Row } from "./access.ts";
import type { BiasAuditReport } from "./engine/index.ts";
import { isJobActive, jobSettled } from "./jobs.ts";
import type { MappingInput } from "./start-run.ts";

export type BiasAuditStatus = "uploaded" | "queued" | "running" | "done" | "failed";

export interface BiasAuditSummary {
  id: string;
  name: string;
  fileName: string;
  fileFormat: "csv" | "parquet";
  fileBytes: number;
  status: BiasAuditStatus;
  projectId: string | null;
  projectTitle: string | null;
  createdAt: string;
  createdByName: string;
}

export interface BiasAuditDetail extends BiasAuditSummary {
  columns: string[];
  delimiter: string | null;
  mapping: MappingInput | null;
  progressBytes: number;
  totalBytes: number;
  error: { code: string; params: Record<string, string | number> } | null;
  startedAt: string | null;
  finishedAt: string | null;
  canManage: boolean;
}

function summary(row: Row): BiasAuditSummary {
  return {
    id: row.id,
    name: row.name,
    fileName: row.file_name,
    fileFormat: row.file_format === "parquet" ? "parquet" : "csv",
    fileBytes: Number(row.file_bytes),
    status: row.status as BiasAuditStatus,
    projectId: row.project_id,
    projectTitle: row.project_title,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  };
}

function detail(actor: Actor, row: Row): BiasAuditDetail {
  return {
    ...summary(row),
    columns: JSON.parse(row.columns_json) as string[],
    delimiter: row.delimiter,
    mapping: row.mapping_json ? (JSON.parse(row.mapping_json) as MappingInput) : null,
    progressBytes: Number(row.progress_bytes),
    totalBytes: Number(row.total_bytes),
    error: row.error_code ? { code: row.error_code, params: row.error_params_json ? (JSON.parse(row.error_params_json) as Record<string, string | number>) : {} } : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    canManage: canManage(actor, row),
  };
}

export async function getBiasAudit(deps: Deps, actor: Actor, id: string): Promise<BiasAuditDetail> {
  return detail(actor, await loadRow(deps, actor, id));
}

/** Which audits to list: all the actor may see, or those of one project. */
export const ListFilter = z.object({ projectId: ProjectIdField.optional() });

export async function listBiasAudits(deps: Deps, actor: Actor, filter: z.infer<typeof ListFilter> = {}): Promise<BiasAuditSummary[]> {
  let q = baseQuery(deps, actor);
  if (filter.projectId !== undefined) {
    await loadProjectForActor(deps.db, actor, filter.projectId);
    q = q.where("bias_audits.project_id", "=", filter.projectId);
  }
  const rows = await q.orderBy("bias_audits.created_at", "desc").orderBy("bias_audits.id").limit(500).execute();
  return rows.filter((r) => canSee(actor, r)).map(summary);
}

/** The finished report; "conflict" while it is not (yet) there. */
export async function getBiasAuditReport(deps: Deps, actor: Actor, id: string): Promise<{ audit: BiasAuditDetail; report: BiasAuditReport }> {
  const row = await loadRow(deps, actor, id);
  if (row.status !== "done" || !row.report_json) throw new AppError("conflict", "bias_audit.report_not_ready");
  return { audit: detail(actor, row), report: JSON.parse(row.report_json) as BiasAuditReport };
}

/** Projects the actor may attach an audit to: visible, and not one they hold a role in. */
export async function attachableProjects(deps: Deps, actor: Actor): Promise<{ id: string; title: string }[]> {
  if (!canStartBiasAudit(actor)) return [];
  const rows = await deps.db.selectFrom("projects").select(["id", "title"]).where("organisation_id", "=", actor.organisationId).orderBy("title").execute();
  return rows.filter((p) => canViewProject(actor, p.id) && !isInvolvedIn(actor, p.id));
}

/**
 * Start-up hook: every job that was queued or running when the server stopped
 * is marked failed ("interrupted"). Only for a single app process; with several
 * processes the lazy check on reading (heartbeat older than a minute) does it.
 */
export async function failInterruptedBiasAudits(deps: Deps): Promise<number> {
  const rows = await deps.db.selectFrom("bias_audits").select("id").where("status", "in", ["queued", "running"]).execute();
  const ids = rows.map((r) => r.id).filter((id) => !isJobActive(id));
  await markInterrupted(deps, ids, null);
  return ids.length;
}

/** For tests and the CLI: wait until a job started in this process has finished. */
export async function waitForBiasAudit(id: string): Promise<void> {
  await jobSettled(id);
}
