import { Migrator, type Migration, type MigrationProvider } from "kysely";
import type { Db } from "./schema.ts";
import * as m001 from "./migrations/001-foundation.ts";
import * as m002 from "./migrations/002-projects.ts";
import * as m002a from "./migrations/002a-api-tokens.ts";
import * as m002b from "./migrations/002b-audit-hmac.ts";
import * as m002c from "./migrations/002c-retention-periods.ts";
import * as m035 from "./migrations/035-instance.ts";
import * as m040 from "./migrations/040-jobs-outbox.ts";

/** The platform's own tables; each feature brings its own (Feature.migrations), handed in by whoever composes the app. */
export const coreMigrations: Readonly<Record<string, Migration>> = {
  "001-foundation": m001,
  "002-projects": m002,
  "002a-api-tokens": m002a,
  "002b-audit-hmac": m002b,
  "002c-retention-periods": m002c,
  "035-instance": m035,
  "040-jobs-outbox": m040,
};

/**
 * Runs the core migrations and the given ones. With a schema (PostgreSQL), the
 * bookkeeping tables live in it too, so schemas side by side never mix.
 */
export async function migrateToLatest(db: Db, migrations: Readonly<Record<string, Migration>>, schema?: string): Promise<string[]> {
  const all: Record<string, Migration> = { ...coreMigrations };
  for (const [name, migration] of Object.entries(migrations)) {
    if (name in all && all[name] !== migration) throw new Error(`migration ${name} is defined twice`);
    all[name] = migration;
  }
  const provider: MigrationProvider = { getMigrations: async () => all };
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
