import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Migration } from "kysely";
import { afterAll, afterEach, beforeEach, describe } from "vitest";
import { loadConfig } from "../../config.ts";
import { instrumentRegistry, type Deps } from "../deps.ts";
import { Extensions, featureMigrations, type Feature } from "../feature.ts";
import { installCatalogues } from "../i18n/index.ts";
import { openDatabase, type Database, type Engine } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";

/**
 * Runs every database test on SQLite and on PostgreSQL. PostgreSQL comes from
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). Without a reachable
 * server those tests are skipped with a notice, except under CI=true, where a
 * missing server fails the run so CI can never pass by skipping.
 */
const postgresUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const postgresReachable = await probePostgres(postgresUrl);

if (!postgresReachable) {
  if (process.env.CI === "true") {
    throw new Error(`PostgreSQL is not reachable at ${postgresUrl}; CI must run every database test on both engines.`);
  }
  console.warn(`NOTICE: PostgreSQL not reachable at ${postgresUrl}; PostgreSQL tests are SKIPPED on this machine.`);
}

async function probePostgres(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase extends Database {
  deps: Deps;
}

export function testDeps(database: Database, extensions: Extensions = Extensions.none, start = new Date("2026-03-01T09:00:00.000Z")): Deps {
  let tick = 0;
  let id = 0;
  return {
    db: database.db,
    engine: database.engine,
    // Uploads and generated files of a test go to a temporary folder, never into the checkout.
    config: loadConfig({ SESSION_SECRET: "test-secret-test-secret-test-secret-0123", SECRETS_KEY: "test-secrets-key-test-secrets-key-0123", DATA_DIR: join(tmpdir(), "afweging-test-data") }),
    // Each call moves one second on, so events have a strict order in tests.
    now: () => new Date(start.getTime() + 1000 * tick++),
    newId: () => `id-${String(++id).padStart(6, "0")}-${randomBytes(3).toString("hex")}`,
    instruments: instrumentRegistry(),
    extensions,
  };
}

/**
 * A fresh database of the given engine, migrated for the given features, whose
 * deps carry those features' extensions and catalogues; dispose() removes it.
 * The platform knows no features: tests of features pass theirs (or use
 * test/support/database.ts, which passes the whole registry).
 */
export async function createTestDatabase(engine: Engine, features: readonly Feature[] = []): Promise<TestDatabase & { dispose(): Promise<void> }> {
  installCatalogues(features.flatMap((f) => (f.messages ? [f.messages] : [])));
  const migrations: Record<string, Migration> = featureMigrations(features);
  const extensions = new Extensions(features);
  if (engine === "sqlite") {
    const database = openDatabase("sqlite::memory:");
    await migrateToLatest(database.db, migrations);
    return { ...database, deps: testDeps(database, extensions), dispose: () => database.destroy() };
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const url = await fileDatabaseUrl();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase(url, { searchPath: schema });
  await migrateToLatest(database.db, migrations, schema);
  return {
    ...database,
    deps: testDeps(database, extensions),
    dispose: async () => {
      await database.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/**
 * Each test file gets its own PostgreSQL database, created on first use and
 * dropped after the file. Kysely's migrator looks at every table of the
 * database; with files in parallel in one database it could see a schema of
 * another file while that was being dropped, and fail.
 */
let fileDatabase: Promise<string> | undefined;

function fileDatabaseUrl(): Promise<string> {
  fileDatabase ??= (async () => {
    const name = `afw_test_${randomBytes(5).toString("hex")}`;
    for (let attempt = 1; ; attempt++) {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
        break;
      } catch (e) {
        // Two files creating a database at the same moment may find the template busy; try again shortly.
        if (attempt >= 10 || !/being accessed by other users/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      } finally {
        await admin.end();
      }
    }
    afterAll(async () => {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    return url.toString();
  })();
  return fileDatabase;
}

export const testEngines: Engine[] = postgresReachable ? ["sqlite", "postgres"] : ["sqlite"];
export const postgresTestUrl = postgresUrl;

/**
 * describe() once per engine, with a fresh migrated database for every test,
 * made for the given features. Call the returned getter inside a test to reach it.
 */
export function describeEachEngine(name: string, body: (get: () => TestDatabase, engine: Engine) => void, features: readonly Feature[] = []): void {
  for (const engine of ["sqlite", "postgres"] as const) {
    const run = testEngines.includes(engine) ? describe : describe.skip;
    run(`${name} [${engine}]`, () => {
      let current: (TestDatabase & { dispose(): Promise<void> }) | undefined;
      beforeEach(async () => {
        current = await createTestDatabase(engine, features);
      });
      afterEach(async () => {
        await current?.dispose();
        current = undefined;
      });
      body(() => {
        if (!current) throw new Error("test database used outside a test");
        return current;
      }, engine);
    });
  }
}
