import { Migrator, type Migration, type MigrationProvider } from "kysely";
import type { Db } from "./schema.ts";
import * as m001 from "./migrations/001-foundation.ts";
import * as m002 from "./migrations/002-projects.ts";

/** Every migration, in order. A static list: no file-system scanning at start-up. */
const migrations: Record<string, Migration> = {
  "001-foundation": m001,
  "002-projects": m002,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** With a schema (PostgreSQL), the bookkeeping tables live in it too, so schemas side by side never mix. */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
