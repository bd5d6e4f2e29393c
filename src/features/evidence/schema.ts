// The evidence feature's tables: the bytes of every file once per content
// hash, and every version of every document or link on a subject.

export interface EvidenceBlobTable {
  /** SHA-256 of the content, hex. */
  hash: string;
  size: number;
  content: Buffer;
  created_at: string;
}

export interface EvidenceItemTable {
  id: string;
  organisation_id: string;
  /** The project the subject belongs to; null for an audit (which may cover several). */
  project_id: string | null;
  /** measure, contract, audit, audit_finding or depia_review. */
  subject_kind: string;
  subject_id: string;
  /** The title, normalised: a new upload with the same title on the same subject is its next version. */
  document_key: string;
  title: string;
  version: number;
  /** file or link. */
  kind: string;
  blob_hash: string | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  url: string | null;
  /** YYYY-MM-DD: after this date the evidence is stale ("geldig tot"). */
  valid_until: string | null;
  note: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    evidence_blobs: EvidenceBlobTable;
    evidence_items: EvidenceItemTable;
  }
}
