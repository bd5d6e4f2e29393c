// Uploading a data set: the permission is checked before a single byte is
// read (prepareUpload); the streamed file is then registered in one unit of
// work (registerUpload), or removed.

import { mkdir, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, type FieldError } from "../../platform/errors.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, toFieldErrors } from "../../platform/validation.ts";
import { canStartBiasAudit, checkProject, ProjectIdField } from "./access.ts";
import { CsvSource, isBiasAuditError, type SourceDescription } from "./engine/index.ts";
import { storagePath } from "./jobs.ts";
import { looksLikeParquet, ParquetSource } from "./parquet-source.ts";

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

export async function discardUpload(target: UploadTarget): Promise<void> {
  await rm(target.path, { force: true });
}

/** The form fields that come with the file (multipart, in the page's form and the API alike). */
export const UPLOAD_LIMITS = { name: 200, columns: 500, columnName: 200 } as const;

export const UploadFields = z.object({
  name: fields.text(UPLOAD_LIMITS.name),
  projectId: ProjectIdField.optional().transform((v) => (v ? v : null)),
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

/** The header of the stored file (CSV: delimiter and BOM detected; Parquet: the schema), or a field error. */
async function describeFile(path: string): Promise<{ format: "csv" | "parquet"; described: SourceDescription }> {
  const format = (await looksLikeParquet(path)) ? "parquet" : "csv";
  try {
    return { format, described: await (format === "parquet" ? new ParquetSource(path) : new CsvSource(path)).describe() };
  } catch (e) {
    if (isBiasAuditError(e)) throw invalid([fileFieldError("file", e)]);
    throw e;
  }
}

/** A data set the mapping page can show: at most UPLOAD_LIMITS.columns columns, each name at most UPLOAD_LIMITS.columnName characters. */
function assertColumnsBounded(columns: readonly string[]): void {
  if (columns.length > UPLOAD_LIMITS.columns) {
    throw invalid([{ field: "file", messageKey: "bias_audit.file_error.too_many_columns", params: { found: columns.length, max: UPLOAD_LIMITS.columns } }]);
  }
  if (columns.some((c) => c.length > UPLOAD_LIMITS.columnName)) {
    throw invalid([{ field: "file", messageKey: "bias_audit.file_error.column_name_too_long", params: { max: UPLOAD_LIMITS.columnName } }]);
  }
}

type Upload = { fileName: string; bytes: number };

async function register(tx: Tx, actor: Actor, target: UploadTarget, upload: Upload | null, input: unknown): Promise<void> {
  if (!canStartBiasAudit(actor)) throw forbidden();
  const parsed = UploadFields.safeParse(input);
  const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error);
  if (!upload || upload.bytes === 0) errors.push({ field: "file", messageKey: upload ? "bias_audit.upload.empty" : "bias_audit.upload.no_file" });
  if (!parsed.success || !upload || errors.length) throw invalid(errors);
  const data = parsed.data;
  const project = await checkProject(tx, actor, data.projectId, "projectId");
  const { format, described } = await describeFile(target.path);
  assertColumnsBounded(described.columns);
  const fileName = upload.fileName.replace(/[\\/]/g, "_").slice(0, 255) || "upload";
  const now = tx.now().toISOString();
  await tx.db
    .insertInto("bias_audits")
    .values({
      id: target.id,
      organisation_id: actor.organisationId,
      project_id: project?.id ?? null,
      name: data.name,
      file_name: fileName,
      file_format: format,
      file_bytes: upload.bytes,
      storage_key: target.storageKey,
      columns_json: JSON.stringify(described.columns),
      delimiter: described.delimiter ?? null,
      mapping_json: null,
      status: "uploaded",
      progress_bytes: 0,
      total_bytes: upload.bytes,
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
    after: { name: data.name, file: fileName, format, bytes: upload.bytes, columns: described.columns.length, projectId: project?.id ?? null },
  });
}

/**
 * Registers a file that was streamed to target.path, in one transaction: the
 * permission, the fields, the project, the file's header, the row and its
 * audit event. On any problem the file is removed and nothing is stored.
 */
export async function registerUpload(deps: Deps, actor: Actor, target: UploadTarget, upload: Upload | null, input: unknown): Promise<string> {
  try {
    await inTransaction(deps, actor, (tx) => register(tx, actor, target, upload, input));
    return target.id;
  } catch (e) {
    await discardUpload(target);
    throw e;
  }
}
