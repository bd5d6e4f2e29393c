import { createHash } from "node:crypto";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { openSubject, userName } from "./access.ts";
import { checkContent, FILE_TYPES } from "./content-check.ts";
import { documentKey, LinkInput, safeFileName, UploadInput, type UploadData } from "./model.ts";

export interface ReceivedFile {
  fileName: string;
  bytes: Buffer;
}

export function fileError(messageKey: "evidence.file_required" | "evidence.file_empty" | "evidence.file_unknown" | "evidence.file_mismatch" | "evidence.file_too_large", params?: Record<string, string>): AppError {
  return new AppError(messageKey === "evidence.file_too_large" ? "payload_too_large" : "validation", "error.validation", { fieldErrors: [{ field: "file", messageKey, ...(params ? { params } : {}) }] });
}

/** Refuses a missing, empty, oversize or unrecognised file with the reason; nothing is stored. */
function checkFile(deps: Deps, file: ReceivedFile | null) {
  if (!file) throw fileError("evidence.file_required");
  if (file.bytes.length > deps.config.evidenceMaxBytes) throw fileError("evidence.file_too_large", { max: `${Math.round(deps.config.evidenceMaxBytes / 1024 / 1024)} MB` });
  const verdict = checkContent(file.bytes, file.fileName);
  if (verdict.ok) return verdict.type;
  if (verdict.reason === "empty") throw fileError("evidence.file_empty");
  if (verdict.reason === "name_mismatch") throw fileError("evidence.file_mismatch", { name: file.fileName.slice(0, 100), kind: verdict.detected!.toUpperCase() });
  throw fileError("evidence.file_unknown", { name: file.fileName.slice(0, 100) });
}

/** The subject, checked: the actor may add to it. */
async function subjectForAdding(tx: Tx, actor: Actor, data: UploadData) {
  const subject = await openSubject(tx, actor, data.subjectKind, data.subjectId);
  if (!subject.mayAdd) throw new AppError("forbidden", "evidence.may_not_add");
  return subject;
}

async function nextVersion(tx: Tx, actor: Actor, data: UploadData): Promise<number> {
  const row = await tx.db
    .selectFrom("evidence_items")
    .select((eb) => eb.fn.max("version").as("max"))
    .where("organisation_id", "=", actor.organisationId)
    .where("subject_kind", "=", data.subjectKind)
    .where("subject_id", "=", data.subjectId)
    .where("document_key", "=", documentKey(data.title))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/**
 * Stores an uploaded file as evidence on a subject: its content checked, its
 * bytes kept once by their SHA-256, a new version when the subject already has
 * a document with this title.
 */
export async function uploadEvidence(deps: Deps, actor: Actor, input: unknown, file: ReceivedFile | null): Promise<string> {
  const data = parseInput(UploadInput, input);
  const type = checkFile(deps, file);
  const bytes = file!.bytes;
  return inTransaction(deps, actor, async (tx) => {
    const subject = await subjectForAdding(tx, actor, data);
    const hash = createHash("sha256").update(bytes).digest("hex");
    const now = tx.now().toISOString();
    await tx.db.insertInto("evidence_blobs").values({ hash, size: bytes.length, content: bytes, created_at: now }).onConflict((oc) => oc.column("hash").doNothing()).execute();
    const id = tx.newId();
    const version = await nextVersion(tx, actor, data);
    const fileName = safeFileName(file!.fileName, FILE_TYPES[type].extensions[0]);
    await tx.db
      .insertInto("evidence_items")
      .values({ ...base(actor, data, subject.projectId, id, version, now), created_by_name: await userName(tx, actor), kind: "file", blob_hash: hash, file_name: fileName, content_type: FILE_TYPES[type].contentType, size: bytes.length, url: null })
      .execute();
    await tx.audit({ action: "evidence.uploaded", entityType: "evidence", entityId: id, after: { subject: `${data.subjectKind}:${data.subjectId}`, title: data.title, version, fileName, type, size: bytes.length, sha256: hash, validUntil: data.validUntil } });
    return id;
  });
}

/** Records a link (https) as evidence on a subject; the same title again is a new version. */
export async function linkEvidence(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  const data = parseInput(LinkInput, input);
  return inTransaction(deps, actor, async (tx) => {
    const subject = await subjectForAdding(tx, actor, data);
    const id = tx.newId();
    const now = tx.now().toISOString();
    const version = await nextVersion(tx, actor, data);
    await tx.db
      .insertInto("evidence_items")
      .values({ ...base(actor, data, subject.projectId, id, version, now), created_by_name: await userName(tx, actor), kind: "link", blob_hash: null, file_name: null, content_type: null, size: null, url: data.url })
      .execute();
    await tx.audit({ action: "evidence.linked", entityType: "evidence", entityId: id, after: { subject: `${data.subjectKind}:${data.subjectId}`, title: data.title, version, url: data.url, validUntil: data.validUntil } });
    return id;
  });
}

function base(actor: Actor, data: UploadData, projectId: string | null, id: string, version: number, now: string) {
  return {
    id,
    organisation_id: actor.organisationId,
    project_id: projectId,
    subject_kind: data.subjectKind,
    subject_id: data.subjectId,
    document_key: documentKey(data.title),
    title: data.title,
    version,
    valid_until: data.validUntil,
    note: data.note,
    created_by: actor.userId,
    created_at: now,
  };
}
