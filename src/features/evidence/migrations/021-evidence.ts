import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * Evidence: files and links on measures, contracts, audits, findings and
 * reviews. A file's bytes live once per content hash in evidence_blobs (bytea
 * on PostgreSQL, blob on SQLite), so several processes and a backup need
 * nothing beside the database. Every upload or link is one row of
 * evidence_items: a version of the document (same title on the same subject).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable("evidence_blobs")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("content", binary, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("evidence_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text")
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("document_key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    /** file or link */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("blob_hash", "text", (c) => c.references("evidence_blobs.hash"))
    .addColumn("file_name", "text")
    .addColumn("content_type", "text")
    .addColumn("size", "integer")
    .addColumn("url", "text")
    .addColumn("valid_until", "text")
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_by_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("evidence_items_subject").on("evidence_items").columns(["organisation_id", "subject_kind", "subject_id"]).execute();
  await db.schema.createIndex("evidence_items_version").on("evidence_items").columns(["organisation_id", "subject_kind", "subject_id", "document_key", "version"]).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("evidence_items").execute();
  await db.schema.dropTable("evidence_blobs").execute();
}
