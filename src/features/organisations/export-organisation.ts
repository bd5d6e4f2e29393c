import { sql } from "kysely";
import { can } from "../../domain/permissions/permissions.ts";
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, notFound } from "../../platform/errors.ts";
import { findOrganisation } from "../../platform/organisations.ts";
import { inTransaction } from "../../platform/transaction.ts";
import "./extension-points.ts";
import { zipStream } from "./zip.ts";

/** Tables that hold nothing worth moving (live sessions). */
const SKIPPED_TABLES = new Set(["sessions"]);
/** Columns that are secrets: left out of the export, and named in README.json as left out. */
const isSecretColumn = (table: string, column: string) => (table === "users" && column === "password_hash") || (table === "api_tokens" && column === "token_hash") || /secret/i.test(column);

interface TableInfo {
  name: string;
  columns: { name: string; type: string; nullable: boolean }[];
}

/** The application's tables that carry an organisation_id (on PostgreSQL: in the schema in use). */
export async function organisationTables(deps: Deps): Promise<TableInfo[]> {
  const schema = deps.engine === "postgres" ? (await sql<{ s: string }>`select current_schema() as s`.execute(deps.db)).rows[0]?.s : undefined;
  const tables = await deps.db.introspection.getTables();
  return tables
    .filter((t) => (schema === undefined || t.schema === schema) && !t.isView && !SKIPPED_TABLES.has(t.name) && !t.name.startsWith("kysely_"))
    .filter((t) => t.name === "organisations" || t.columns.some((c) => c.name === "organisation_id"))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.dataType, nullable: c.isNullable })) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The organisation's whole record as a ZIP of JSON: one file per table with only
 * its rows, the files features keep for it (evidence) under `files/`, and
 * README.json describing each table's columns and each folder of files. By its admin or an
 * instance administrator; the export itself is recorded on its chain first.
 */
export async function exportOrganisation(deps: Deps, actor: ActorWithProfile, organisationId: string): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const own = actor.organisationId === organisationId && can(actor, "organisation.manage");
  if (!own && !actor.instanceAdmin) throw actor.organisationId === organisationId ? forbidden() : notFound();
  const organisation = await findOrganisation(deps.db, organisationId);
  if (!organisation) throw notFound();
  const tables = await organisationTables(deps);
  const now = deps.now();
  await inTransaction(deps, { userId: actor.userId, organisationId, name: actor.name }, (tx) =>
    tx.audit({ action: "organisation.exported", entityType: "organisation", entityId: organisationId, after: { tables: tables.map((t) => t.name) } }),
  );
  async function* entries() {
    const readme: Record<string, unknown> = {};
    for (const table of tables) {
      const columns = table.columns.filter((c) => !isSecretColumn(table.name, c.name));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const db = deps.db as any;
      const rows = await db.selectFrom(table.name).select(columns.map((c) => c.name)).where(table.name === "organisations" ? "id" : "organisation_id", "=", organisationId).execute();
      readme[table.name] = {
        file: `${table.name}.json`,
        rows: rows.length,
        columns: columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, ...(/_json$/.test(c.name) ? { format: "JSON as text" } : /_at$/.test(c.name) ? { format: "ISO 8601 UTC" } : {}) })),
        leftOut: table.columns.filter((c) => isSecretColumn(table.name, c.name)).map((c) => c.name),
      };
      yield { name: `${table.name}.json`, data: new TextEncoder().encode(JSON.stringify(rows, null, 1)) };
    }
    const files: Record<string, { folder: string; files: number; about: string }> = {};
    for (const source of deps.extensions.get("organisationExportFiles")) {
      let count = 0;
      for await (const file of source.files(deps, organisationId)) {
        count++;
        yield { name: `files/${source.folder}/${file.name}`, data: file.data };
      }
      files[source.folder] = { folder: `files/${source.folder}/`, files: count, about: source.describe };
    }
    const about = {
      organisation: { id: organisation!.id, slug: organisation!.slug, name: organisation!.name, tooiCode: organisation!.tooiCode },
      exportedAt: now.toISOString(),
      format: "One JSON file per table: an array of its rows of this organisation, columns as in the database. Timestamps are ISO 8601 UTC text, JSON columns are text, booleans 0/1. Secrets (password and token hashes, client secrets) are left out.",
      tables: readme,
      files,
    };
    yield { name: "README.json", data: new TextEncoder().encode(JSON.stringify(about, null, 2)) };
  }
  return { filename: `afweging-${organisation.slug}-${now.toISOString().slice(0, 10)}.zip`, stream: zipStream(entries(), now) };
}
