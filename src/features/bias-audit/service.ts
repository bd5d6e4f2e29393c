// Use cases of the bias audit: upload, column mapping and run, result,
// attaching to a project, deleting. Every function checks permission, filters
// on the actor's organisation and writes its audit event in the same transaction.

import type { MessageKey } from "../../platform/i18n/index.ts";
import { mkdir, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject, isSecondOrThirdLine } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound, type FieldError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput, toFieldErrors } from "../../platform/validation.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { CsvSource, isBiasAuditError, type AuditConfig, type BiasAuditReport } from "./engine/index.ts";
import { abortJob, isJobActive, jobSettled, launchJob, STALE_AFTER_MS, storagePath } from "./jobs.ts";
import { looksLikeParquet, ParquetSource } from "./parquet-source.ts";
import type { BiasAuditTable } from "./schema.ts";

export type BiasAuditStatus = "uploaded" | "queued" | "running" | "done" | "failed";

// ---------------------------------------------------------------- permissions

/** The 2nd and 3rd line audit algorithms (plan step 6); they start bias audits. */
export function canStartBiasAudit(actor: Actor): boolean {
  return isSecondOrThirdLine(actor);
}

/** The menu entry: whoever can start one, and project teams (they see their projects' audits). */
export function seesBiasAudits(actor: Actor): boolean {
  return canStartBiasAudit(actor) || actor.projectRoles.size > 0;
}

function canSee(actor: Actor, row: Pick<BiasAuditTable, "project_id" | "created_by">): boolean {
  if (row.project_id) return canViewProject(actor, row.project_id);
  return row.created_by === actor.userId || isSecondOrThirdLine(actor);
}

/** Segregation of duties: nobody audits a project in which they hold a project role. */
export function canManage(actor: Actor, row: Pick<BiasAuditTable, "project_id" | "created_by">): boolean {
  return canSee(actor, row) && isSecondOrThirdLine(actor) && !(row.project_id && isInvolvedIn(actor, row.project_id));
}

// ---------------------------------------------------------------- reading

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

export type Row = BiasAuditTable & { project_title: string | null };

function baseQuery(deps: Deps, actor: Actor) {
  return deps.db
    .selectFrom("bias_audits")
    .leftJoin("projects", "projects.id", "bias_audits.project_id")
    .selectAll("bias_audits")
    .select("projects.title as project_title")
    .where("bias_audits.organisation_id", "=", actor.organisationId);
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

/**
 * A job that is queued or running, is not running in this process, and has
 * shown no sign of life for a while was interrupted (a crash or a restart).
 * It is marked failed when it is read, so nobody waits for it forever.
 */
async function failIfInterrupted(deps: Deps, row: Row): Promise<Row> {
  if ((row.status !== "queued" && row.status !== "running") || isJobActive(row.id)) return row;
  const last = Date.parse(row.heartbeat_at ?? row.updated_at);
  if (deps.now().getTime() - last < STALE_AFTER_MS) return row;
  await markInterrupted(deps, [row.id]);
  return { ...row, status: "failed", error_code: "interrupted", error_params_json: "{}" };
}

async function markInterrupted(deps: Deps, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const now = deps.now().toISOString();
  await deps.db
    .updateTable("bias_audits")
    .set({ status: "failed", error_code: "interrupted", error_params_json: "{}", finished_at: now, updated_at: now })
    .where("id", "in", ids)
    .where("status", "in", ["queued", "running"])
    .execute();
}

/**
 * Start-up hook: every job that was queued or running when the server stopped
 * is marked failed ("interrupted"). Only for a single app process; with several
 * processes the lazy check on reading (heartbeat older than a minute) does it.
 */
export async function failInterruptedBiasAudits(deps: Deps): Promise<number> {
  const rows = await deps.db.selectFrom("bias_audits").select("id").where("status", "in", ["queued", "running"]).execute();
  const ids = rows.map((r) => r.id).filter((id) => !isJobActive(id));
  await markInterrupted(deps, ids);
  return ids.length;
}

/** The audit's row, or not found (other organisation, or not visible to the actor). Within this feature only. */
export async function loadRow(deps: Deps, actor: Actor, id: string): Promise<Row> {
  const row = await baseQuery(deps, actor).where("bias_audits.id", "=", id).executeTakeFirst();
  if (!row || !canSee(actor, row)) throw notFound();
  return failIfInterrupted(deps, row);
}

export async function getBiasAudit(deps: Deps, actor: Actor, id: string): Promise<BiasAuditDetail> {
  return detail(actor, await loadRow(deps, actor, id));
}

export async function listBiasAudits(deps: Deps, actor: Actor, options: { projectId?: string } = {}): Promise<BiasAuditSummary[]> {
  let q = baseQuery(deps, actor);
  if (options.projectId !== undefined) {
    await loadProjectForActor(deps.db, actor, options.projectId);
    q = q.where("bias_audits.project_id", "=", options.projectId);
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

// ---------------------------------------------------------------- upload

export interface UploadTarget {
  id: string;
  storageKey: string;
  path: string;
  maxBytes: number;
}

/** Checks permission before a single byte is read, and says where the upload goes. */
export function prepareUpload(deps: Deps, actor: Actor): UploadTarget {
  if (!canStartBiasAudit(actor)) throw forbidden();
  const id = deps.newId();
  if (!/^[A-Za-z0-9_-]+$/.test(id) || !/^[A-Za-z0-9_-]+$/.test(actor.organisationId)) throw new AppError("internal", "error.internal");
  const storageKey = `uploads/${actor.organisationId}/${id}`;
  return { id, storageKey, path: storagePath(deps, storageKey), maxBytes: deps.config.maxUploadBytes };
}

export async function ensureUploadDir(target: UploadTarget): Promise<void> {
  await mkdir(dirname(target.path), { recursive: true });
}

export const UploadFields = z.object({
  name: fields.text(200),
  projectId: z
    .string()
    .trim()
    .max(64, "field.too_long")
    .optional()
    .transform((v) => (v ? v : null)),
});

const FILE_ERRORS: Record<string, MessageKey> = {
  "not-csv": "bias_audit.file_error.not_csv",
  "empty-file": "bias_audit.file_error.empty_file",
  "no-data-rows": "bias_audit.file_error.no_data_rows",
  "file-too-large": "bias_audit.file_error.file_too_large",
};

/** A problem the engine found in an uploaded file, as a form field error with a catalogue key. */
export function fileFieldError(field: string, e: { code: string }): FieldError {
  return { field, messageKey: FILE_ERRORS[e.code] ?? "bias_audit.file_error.unreadable" };
}

async function checkProject(deps: Deps, actor: Actor, projectId: string | null, field: string): Promise<{ id: string; title: string } | null> {
  if (!projectId) return null;
  let project;
  try {
    project = await loadProjectForActor(deps.db, actor, projectId);
  } catch {
    throw invalid([{ field, messageKey: "bias_audit.project_unknown" }]);
  }
  if (isInvolvedIn(actor, project.id)) throw invalid([{ field, messageKey: "bias_audit.project_involved" }]);
  return { id: project.id, title: project.title };
}

/**
 * Registers a file that was streamed to target.path: checks the fields, reads
 * the header (CSV: delimiter and BOM detected; Parquet: the schema). On any
 * problem the file is removed and nothing is stored.
 */
export async function registerUpload(
  deps: Deps,
  actor: Actor,
  target: UploadTarget,
  upload: { fileName: string; bytes: number } | null,
  input: unknown,
): Promise<string> {
  if (!canStartBiasAudit(actor)) throw forbidden();
  try {
    const parsed = UploadFields.safeParse(input);
    const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error);
    if (!upload || upload.bytes === 0) errors.push({ field: "file", messageKey: upload ? "bias_audit.upload.empty" : "bias_audit.upload.no_file" });
    if (errors.length) throw invalid(errors);
    const data = parsed.data!;
    const project = await checkProject(deps, actor, data.projectId, "projectId");
    const format = (await looksLikeParquet(target.path)) ? "parquet" : "csv";
    let described;
    try {
      described = await (format === "parquet" ? new ParquetSource(target.path) : new CsvSource(target.path)).describe();
    } catch (e) {
      if (isBiasAuditError(e)) throw invalid([fileFieldError("file", e)]);
      throw e;
    }
    const fileName = upload!.fileName.replace(/[\\/]/g, "_").slice(0, 255) || "upload";
    const now = deps.now().toISOString();
    await inTransaction(deps, actor, async (tx) => {
      await tx.db
        .insertInto("bias_audits")
        .values({
          id: target.id,
          organisation_id: actor.organisationId,
          project_id: project?.id ?? null,
          name: data.name,
          file_name: fileName,
          file_format: format,
          file_bytes: upload!.bytes,
          storage_key: target.storageKey,
          columns_json: JSON.stringify(described.columns),
          delimiter: described.delimiter ?? null,
          mapping_json: null,
          status: "uploaded",
          progress_bytes: 0,
          total_bytes: upload!.bytes,
          error_code: null,
          error_params_json: null,
          report_json: null,
          created_by: actor.userId,
          created_by_name: actor.name,
          created_at: now,
          updated_at: now,
          started_at: null,
          finished_at: null,
          heartbeat_at: null,
        })
        .execute();
      await tx.audit({
        action: "bias_audit.uploaded",
        entityType: "bias_audit",
        entityId: target.id,
        after: { name: data.name, file: fileName, format, bytes: upload!.bytes, columns: described.columns.length, projectId: project?.id ?? null },
      });
    });
    return target.id;
  } catch (e) {
    await discardUpload(target);
    throw e;
  }
}

export async function discardUpload(target: UploadTarget): Promise<void> {
  await rm(target.path, { force: true });
}

// ---------------------------------------------------------------- mapping and run

const column = z.string().trim().max(200, "field.too_long");
const optionalColumn = column.optional().transform((v) => (v ? v : null));

export const MappingInput = z.object({
  groups: z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(column).min(1, "bias_audit.mapping.groups_required").max(8, "bias_audit.mapping.groups_too_many")),
  prediction: column.min(1, "bias_audit.mapping.prediction_required"),
  threshold: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? Number(v.trim().replace(",", ".")) : v),
    z.number({ message: "bias_audit.mapping.threshold_number" }).refine(Number.isFinite, "bias_audit.mapping.threshold_number").nullable(),
  ),
  label: optionalColumn,
  favourable: z.enum(["unspecified", "positive", "negative", "value"], { message: "field.invalid_choice" }).default("unspecified"),
  favourableValue: z.string().trim().max(200, "field.too_long").optional().transform((v) => (v ? v : null)),
  reference: z.enum(["largest", "between", "overall", "group"], { message: "field.invalid_choice" }).default("largest"),
  referenceGroup: z.string().trim().max(200, "field.too_long").optional().transform((v) => (v ? v : null)),
  /** Default on; a form sends true/false explicitly (an unticked box is absent). */
  intersections: z.preprocess((v) => v === undefined || v === true || v === "on" || v === "true" || v === "1", z.boolean()),
  scan: z.preprocess((v) => v === undefined || v === true || v === "on" || v === "true" || v === "1", z.boolean()),
});
export type MappingInput = z.infer<typeof MappingInput>;

function checkMapping(m: MappingInput, columns: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const available = columns.join(", ");
  const exists = (field: string, name: string) => {
    if (!columns.includes(name)) errors.push({ field, messageKey: "bias_audit.mapping.column_missing", params: { column: name, available } });
  };
  for (const g of m.groups) exists("groups", g);
  exists("prediction", m.prediction);
  if (m.label) exists("label", m.label);
  const used = [...m.groups, m.prediction, ...(m.label ? [m.label] : [])];
  const twice = used.find((c, i) => used.indexOf(c) !== i);
  if (twice !== undefined) errors.push({ field: m.groups.includes(twice) && m.groups.indexOf(twice) !== m.groups.lastIndexOf(twice) ? "groups" : "prediction", messageKey: "bias_audit.mapping.column_twice", params: { column: twice } });
  if (m.favourable === "value" && !m.favourableValue) errors.push({ field: "favourableValue", messageKey: "bias_audit.mapping.favourable_value_required" });
  if (m.favourable === "value" && m.threshold !== null) errors.push({ field: "favourableValue", messageKey: "bias_audit.mapping.favourable_value_with_threshold" });
  if (m.reference === "group" && !m.referenceGroup) errors.push({ field: "referenceGroup", messageKey: "bias_audit.mapping.reference_group_required" });
  return errors;
}

export function mappingToConfig(m: MappingInput): AuditConfig {
  const config: AuditConfig = {
    groups: m.groups,
    prediction: m.prediction,
    reference: m.reference === "group" ? { kind: "group", values: [m.referenceGroup as string] } : { kind: m.reference },
    intersections: m.intersections,
  };
  if (m.threshold !== null) config.threshold = m.threshold;
  if (m.label) config.label = m.label;
  if (m.favourable === "positive") config.favourable = "1";
  else if (m.favourable === "negative") config.favourable = "0";
  else if (m.favourable === "value" && m.favourableValue) config.favourable = m.favourableValue;
  if (!m.scan) config.scan = false;
  return config;
}

/** Saves the column mapping and queues the audit; the job runs in a worker thread. */
export async function startBiasAuditRun(deps: Deps, actor: Actor, id: string, input: unknown): Promise<void> {
  const row = await loadRow(deps, actor, id);
  if (!canManage(actor, row)) throw forbidden();
  if (row.status === "queued" || row.status === "running") throw new AppError("conflict", "bias_audit.already_running");
  const mapping = parseInput(MappingInput, input);
  const errors = checkMapping(mapping, JSON.parse(row.columns_json) as string[]);
  if (errors.length) throw invalid(errors);
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    const updated = await tx.db
      .updateTable("bias_audits")
      .set({ mapping_json: JSON.stringify(mapping), status: "queued", progress_bytes: 0, error_code: null, error_params_json: null, report_json: null, started_at: null, finished_at: null, heartbeat_at: now, updated_at: now })
      .where("id", "=", id)
      .where("organisation_id", "=", actor.organisationId)
      .where("status", "in", ["uploaded", "done", "failed"])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError("conflict", "bias_audit.already_running");
    await tx.audit({ action: "bias_audit.run_started", entityType: "bias_audit", entityId: id, before: { status: row.status }, after: { status: "queued", mapping } });
  });
  launchJob(deps, {
    id,
    organisationId: actor.organisationId,
    storageKey: row.storage_key,
    format: row.file_format === "parquet" ? "parquet" : "csv",
    fileName: row.file_name,
    config: mappingToConfig(mapping),
  });
}

/** For tests and the CLI: wait until a job started in this process has finished. */
export async function waitForBiasAudit(id: string): Promise<void> {
  await jobSettled(id);
}

// ---------------------------------------------------------------- attach and delete

export const AttachInput = z.object({
  projectId: z
    .string()
    .trim()
    .max(64, "field.too_long")
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

/** Attaches the audit to a project as evidence (or detaches it with projectId null). */
export async function attachBiasAudit(deps: Deps, actor: Actor, id: string, input: unknown): Promise<void> {
  const row = await loadRow(deps, actor, id);
  if (!canManage(actor, row)) throw forbidden();
  const data = parseInput(AttachInput, input);
  const project = await checkProject(deps, actor, data.projectId, "projectId");
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("bias_audits").set({ project_id: project?.id ?? null, updated_at: deps.now().toISOString() }).where("id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
    // Links to risks belong to the old project: they go when the project changes.
    let unlinkedRiskIds: string[] = [];
    if ((project?.id ?? null) !== row.project_id) {
      const links = await tx.db.selectFrom("bias_audit_risks").select("risk_id").where("bias_audit_id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
      unlinkedRiskIds = links.map((l) => l.risk_id);
      if (unlinkedRiskIds.length) await tx.db.deleteFrom("bias_audit_risks").where("bias_audit_id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
    }
    await tx.audit({
      action: project ? "bias_audit.attached" : "bias_audit.detached",
      entityType: "bias_audit",
      entityId: id,
      before: { projectId: row.project_id, ...(unlinkedRiskIds.length ? { riskIds: unlinkedRiskIds } : {}) },
      after: { projectId: project?.id ?? null },
    });
  });
}

/** Deletes the audit, its report and the uploaded file; a running job is stopped. */
export async function deleteBiasAudit(deps: Deps, actor: Actor, id: string): Promise<void> {
  const row = await loadRow(deps, actor, id);
  if (!canManage(actor, row)) throw forbidden();
  abortJob(id);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.deleteFrom("bias_audit_risks").where("bias_audit_id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
    await tx.db.deleteFrom("bias_audits").where("id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "bias_audit.deleted", entityType: "bias_audit", entityId: id, before: { name: row.name, file: row.file_name, projectId: row.project_id, status: row.status } });
  });
  await jobSettled(id).catch(() => undefined);
  await rm(storagePath(deps, row.storage_key), { force: true });
}
