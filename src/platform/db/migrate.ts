import { Migrator, type Migration, type MigrationProvider } from "kysely";
import { features } from "../../features/registry.ts";
import type { Db } from "./schema.ts";
import * as m001 from "./migrations/001-foundation.ts";
import * as m002 from "./migrations/002-projects.ts";
import * as m002a from "./migrations/002a-api-tokens.ts";

/** The core migrations; each feature brings its own (Feature.migrations). No file-system scanning at start-up. */
const core: Record<string, Migration> = {
  "001-foundation": m001,
  "002-projects": m002,
  "002a-api-tokens": m002a,
};

function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = { ...core };
  for (const feature of features) {
    for (const [name, migration] of Object.entries(feature.migrations ?? {})) {
      if (name in all) throw new Error(`migration ${name} is defined twice`);
      all[name] = migration;
    }
  }
  return all;
}

/** With a schema (PostgreSQL), the bookkeeping tables live in it too, so schemas side by side never mix. */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations() };
  const migrator = new Migrator({
    db,
    provider,
    // Features are built side by side; a database made before a feature's migration existed still takes it.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
