import type { Deps } from "../../platform/deps.ts";
import type { OrganisationExportFiles } from "../organisations/extension-points.ts";

/**
 * The bytes of the organisation's evidence files for its export. Blobs are
 * kept once per content hash for the whole instance, so they carry no
 * organisation: only hashes its own evidence items name are handed over, one
 * blob at a time.
 */
export const evidenceExportFiles: OrganisationExportFiles = {
  folder: "evidence",
  describe:
    "The content of every evidence file version of this organisation, named by its SHA-256 hash; evidence_items.json refers to a file by blob_hash and gives its file_name and content_type.",
  async *files(deps: Deps, organisationId: string) {
    const hashes = await deps.db
      .selectFrom("evidence_items")
      .select("blob_hash")
      .distinct()
      .where("organisation_id", "=", organisationId)
      .where("blob_hash", "is not", null)
      .orderBy("blob_hash")
      .execute();
    for (const { blob_hash } of hashes) {
      const blob = await deps.db.selectFrom("evidence_blobs").select("content").where("hash", "=", blob_hash!).executeTakeFirst();
      if (blob) yield { name: blob_hash!, data: new Uint8Array(blob.content) };
    }
  },
};
