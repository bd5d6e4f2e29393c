// Reading evidence: a subject's documents with their versions, one version's
// history, and the bytes of a file for download. Always through the subject,
// so only people who may see it read anything.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { openSubject } from "./access.ts";
import type { SubjectKind } from "./extension-points.ts";
import type { EvidenceItemTable } from "./schema.ts";

export interface EvidenceVersion {
  id: string;
  title: string;
  version: number;
  kind: "file" | "link";
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  url: string | null;
  validUntil: string | null;
  /** The "geldig tot" date has passed. */
  stale: boolean;
  note: string;
  createdByName: string;
  createdAt: string;
}

export interface EvidenceDocument extends EvidenceVersion {
  /** Earlier versions, newest first. */
  older: EvidenceVersion[];
}

export interface EvidenceList {
  subjectKind: SubjectKind;
  subjectId: string;
  href: string;
  mayAdd: boolean;
  documents: EvidenceDocument[];
}

function toVersion(row: EvidenceItemTable, today: string): EvidenceVersion {
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    kind: row.kind === "link" ? "link" : "file",
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size === null ? null : Number(row.size),
    url: row.url,
    validUntil: row.valid_until,
    stale: row.valid_until !== null && row.valid_until < today,
    note: row.note,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
  };
}

function itemColumns() {
  return ["id", "organisation_id", "project_id", "subject_kind", "subject_id", "document_key", "title", "version", "kind", "blob_hash", "file_name", "content_type", "size", "url", "valid_until", "note", "created_by", "created_by_name", "created_at"] as const;
}

/** The evidence on a subject, one entry per document (its newest version first), for someone who may see the subject. */
export async function listEvidence(deps: Deps, actor: Actor, kind: SubjectKind, subjectId: string): Promise<EvidenceList> {
  const subject = await openSubject(deps, actor, kind, subjectId);
  const rows = await deps.db
    .selectFrom("evidence_items")
    .select(itemColumns())
    .where("organisation_id", "=", actor.organisationId)
    .where("subject_kind", "=", kind)
    .where("subject_id", "=", subjectId)
    .orderBy("document_key")
    .orderBy("version", "desc")
    .execute();
  const today = deps.now().toISOString().slice(0, 10);
  const byKey = new Map<string, EvidenceDocument>();
  for (const row of rows) {
    const doc = byKey.get(row.document_key);
    if (doc) doc.older.push(toVersion(row, today));
    else byKey.set(row.document_key, { ...toVersion(row, today), older: [] });
  }
  const documents = [...byKey.values()];
  return { subjectKind: kind, subjectId, href: subject.href, mayAdd: subject.mayAdd, documents };
}

async function itemFor(deps: Deps, actor: Actor, itemId: string) {
  const row = await deps.db.selectFrom("evidence_items").select(itemColumns()).where("id", "=", itemId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  if (!row) throw notFound();
  const subject = await openSubject(deps, actor, row.subject_kind, row.subject_id);
  return { row, subject };
}

/** Every version of the document this item is a version of, newest first. */
export async function evidenceVersions(deps: Deps, actor: Actor, itemId: string): Promise<{ subjectKind: string; subjectId: string; href: string; versions: EvidenceVersion[] }> {
  const { row, subject } = await itemFor(deps, actor, itemId);
  const rows = await deps.db
    .selectFrom("evidence_items")
    .select(itemColumns())
    .where("organisation_id", "=", actor.organisationId)
    .where("subject_kind", "=", row.subject_kind)
    .where("subject_id", "=", row.subject_id)
    .where("document_key", "=", row.document_key)
    .orderBy("version", "desc")
    .execute();
  const today = deps.now().toISOString().slice(0, 10);
  return { subjectKind: row.subject_kind, subjectId: row.subject_id, href: subject.href, versions: rows.map((r) => toVersion(r, today)) };
}

/** A file's bytes with its stored name and type, for someone who may see its subject. A link has no bytes: not found. */
export async function downloadEvidence(deps: Deps, actor: Actor, itemId: string): Promise<{ fileName: string; contentType: string; content: Buffer; sha256: string }> {
  const { row } = await itemFor(deps, actor, itemId);
  if (row.kind !== "file" || !row.blob_hash) throw notFound();
  const blob = await deps.db.selectFrom("evidence_blobs").select(["content"]).where("hash", "=", row.blob_hash).executeTakeFirst();
  if (!blob) throw notFound();
  return { fileName: row.file_name ?? "bewijs", contentType: row.content_type ?? "application/octet-stream", content: Buffer.from(blob.content), sha256: row.blob_hash };
}
