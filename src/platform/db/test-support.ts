import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { sql, type Migration } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import { loadConfig } from "../../config.ts";
import { instrumentRegistry, type Deps } from "../deps.ts";
import { Extensions, featureMigrations, type Feature } from "../feature.ts";
import { installCatalogues } from "../i18n/index.ts";
import { openDatabase, type Database, type Engine } from "./database.ts";
import { coreMigrations, migrateToLatest } from "./migrate.ts";
import { newTestRunId, testRunDatabasePrefix, testRunDirectory } from "./test-run.ts";

/**
 * Test databases, on SQLite and on PostgreSQL, copied from templates instead of
 * migrated for every test:
 * - a template per set of migrations (the features a test asks for decide the
 *   set), migrated once per run: a database file for SQLite, a PostgreSQL
 *   database used as `create database … template …`;
 * - a seeded template (for example the demo organisation) made once per run
 *   from that, for tests that start from the same data;
 * - SQLite: every test opens an in-memory copy of the template's bytes;
 * - PostgreSQL: every describeEachEngine block gets its own database copied
 *   from the template, emptied before each of its tests; createTestDatabase
 *   copies a database of its own.
 * Every name carries the run's id (test/support/global-setup.ts), so parallel
 * files and parallel runs never meet; the run's teardown drops whatever is left.
 *
 * PostgreSQL comes from TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Without a reachable server those tests are skipped with a notice, except under
 * CI=true, where a missing server fails the run so CI can never pass by skipping.
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

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's id: a prefix of every database and folder its tests make (test/support/global-setup.ts). */
    afwegingTestRun: string;
  }
}

let currentRun: string | undefined;

/** This run's id, given by the global setup; outside a run with this repository's config the process is its own run. */
function run(): string {
  currentRun ??= inject("afwegingTestRun") ?? newTestRunId();
  return currentRun;
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
    // Tests that fire many requests at once wait in line rather than being refused (overload.test.ts tests refusing).
    config: loadConfig({ SESSION_SECRET: "test-secret-test-secret-test-secret-0123", SECRETS_KEY: "test-secrets-key-test-secrets-key-0123", DATA_DIR: join(tmpdir(), "afweging-test-data"), MAX_QUEUE_WAIT_MS: "60000" }),
    // Each call moves one second on, so events have a strict order in tests.
    now: () => new Date(start.getTime() + 1000 * tick++),
    newId: () => `id-${String(++id).padStart(6, "0")}-${randomBytes(3).toString("hex")}`,
    instruments: instrumentRegistry(),
    extensions,
  };
}

/** Data every copy of a template starts with, made once per run: `name` tells templates apart, `run` writes the data. */
export interface TestSeed {
  readonly name: string;
  run(deps: Deps): Promise<void>;
}

/**
 * What a template is made of: the set of migrations (named by a hash of their
 * names) and an optional seed, whose data also depends on which features there
 * are (their demo steps, say), so a seeded template is named by those too.
 */
interface TemplateSpec {
  readonly name: string;
  readonly migrations: Readonly<Record<string, Migration>>;
  readonly extensions: Extensions;
  readonly seed?: TestSeed;
}

function templateSpec(features: readonly Feature[], seed?: TestSeed): TemplateSpec {
  installCatalogues(features.flatMap((f) => (f.messages ? [f.messages] : [])));
  const migrations = featureMigrations(features);
  const key = shortHash([...new Set([...Object.keys(coreMigrations), ...Object.keys(migrations)])].sort());
  const extensions = new Extensions(features);
  if (!seed) return { name: `m${key}`, migrations, extensions };
  if (!/^[a-z0-9]+$/.test(seed.name)) throw new Error(`a test seed's name is lower-case letters and digits: ${seed.name}`);
  return { name: `m${key}_${seed.name}_${shortHash(features.map((f) => f.name))}`, migrations, extensions, seed };
}

function shortHash(names: readonly string[]): string {
  return createHash("sha256").update(names.join("\n")).digest("hex").slice(0, 12);
}

function unseeded(spec: TemplateSpec): TemplateSpec {
  return { name: spec.name.replace(/_.*$/, ""), migrations: spec.migrations, extensions: spec.extensions };
}

/** Fills a freshly made template: migrates an empty one, or seeds a copy of the unseeded one. */
async function fillTemplate(database: Database, spec: TemplateSpec): Promise<void> {
  if (spec.seed) await spec.seed.run(testDeps(database, spec.extensions));
  else await migrateToLatest(database.db, spec.migrations);
}

/**
 * Runs `work` while no other process of the run does the same: templates are
 * made once per run. The lock is PostgreSQL's (an advisory lock, released when
 * its session ends); without a server each process makes its own templates.
 */
async function onceInRun(name: string, work: () => Promise<void>): Promise<void> {
  if (!postgresReachable) return work();
  await postgresAdmin(async (client) => {
    await client.query("select pg_advisory_lock(hashtextextended($1, 0))", [`afweging-test ${run()} ${name}`]);
    await work();
  });
}

// ---------------------------------------------------------------- SQLite

const sqliteImages = new Map<string, Promise<Buffer>>();

/** The template's bytes: made once per run into the run's folder, read once per process. */
function sqliteImage(spec: TemplateSpec): Promise<Buffer> {
  let image = sqliteImages.get(spec.name);
  if (!image) {
    image = (async () => {
      const file = join(testRunDirectory(run()), `${spec.name}.sqlite`);
      const base = spec.seed ? await sqliteImage(unseeded(spec)) : undefined;
      await onceInRun(`sqlite ${spec.name}`, async () => {
        if (existsSync(file)) return;
        mkdirSync(dirname(file), { recursive: true });
        const database = openDatabase("sqlite::memory:", base ? { sqliteImage: base } : {});
        try {
          await fillTemplate(database, spec);
          // Written beside and renamed, so a file under the template's name is always complete.
          const partial = `${file}.${process.pid}.partial`;
          await sql`vacuum into ${partial}`.execute(database.db);
          renameSync(partial, file);
        } finally {
          await database.destroy();
        }
      });
      return readFileSync(file);
    })();
    sqliteImages.set(spec.name, image);
  }
  return image;
}

async function sqliteCopy(spec: TemplateSpec): Promise<Database> {
  return openDatabase("sqlite::memory:", { sqliteImage: await sqliteImage(spec) });
}

// ---------------------------------------------------------------- PostgreSQL

function postgresUrlFor(name: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function postgresAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const postgresTemplates = new Map<string, Promise<string>>();

/** The template database's name: made once per run (migrated, or a seeded copy of the migrated one). */
function postgresTemplate(spec: TemplateSpec): Promise<string> {
  let template = postgresTemplates.get(spec.name);
  if (!template) {
    template = (async () => {
      const name = `${testRunDatabasePrefix(run())}${spec.name}`;
      const base = spec.seed ? await postgresTemplate(unseeded(spec)) : "template0";
      await onceInRun(`postgres ${spec.name}`, async () => {
        const exists = await postgresAdmin(async (c) => (await c.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1);
        if (exists) return;
        // Made under another name and renamed, so a database under the template's name is always complete.
        const partial = `${name}_partial`;
        await postgresAdmin((c) => c.query(`drop database if exists ${partial} with (force)`));
        await postgresAdmin((c) => c.query(`create database ${partial} template ${base}`));
        const database = openDatabase(postgresUrlFor(partial), { poolSize: 2 });
        try {
          await fillTemplate(database, spec);
        } finally {
          await database.destroy();
        }
        await postgresAdmin((c) => c.query(`alter database ${partial} rename to ${name}`));
      });
      return name;
    })();
    postgresTemplates.set(spec.name, template);
  }
  return template;
}

interface PostgresCopy {
  database: Database;
  /** Removes every row, keeping the tables: the copy is as clean as its template again (unseeded templates only). */
  empty(): Promise<void>;
  drop(): Promise<void>;
}

async function postgresCopy(spec: TemplateSpec): Promise<PostgresCopy> {
  const template = await postgresTemplate(spec);
  const name = `${testRunDatabasePrefix(run())}c${randomBytes(5).toString("hex")}`;
  await postgresAdmin((c) => c.query(`create database ${name} template ${template}`));
  const database = openDatabase(postgresUrlFor(name));
  let emptyAll: ReturnType<typeof sql.raw> | undefined;
  return {
    database,
    empty: async () => {
      if (!emptyAll) {
        const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(database.db);
        // One statement; foreign keys are not checked while everything goes (the tables have no triggers of their own).
        const deletes = tables.rows.map((t) => `delete from "${t.name}";`).join(" ");
        emptyAll = sql.raw(`do $$ begin set local session_replication_role = replica; ${deletes} end $$`);
      }
      await emptyAll.execute(database.db);
    },
    drop: async () => {
      await database.destroy();
      await postgresAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

// ---------------------------------------------------------------- for tests

/**
 * A fresh database of the given engine for the given features (copied from
 * their migrated template, or from a seeded one), whose deps carry those
 * features' extensions and catalogues; dispose() removes it. The platform knows
 * no features: tests of features pass theirs (or use test/support/database.ts,
 * which passes the whole registry).
 */
export async function createTestDatabase(engine: Engine, features: readonly Feature[] = [], seed?: TestSeed): Promise<TestDatabase & { dispose(): Promise<void> }> {
  const spec = templateSpec(features, seed);
  if (engine === "sqlite") {
    const database = await sqliteCopy(spec);
    return { ...database, deps: testDeps(database, spec.extensions), dispose: () => database.destroy() };
  }
  const copy = await postgresCopy(spec);
  return { ...copy.database, deps: testDeps(copy.database, spec.extensions), dispose: copy.drop };
}

/**
 * An empty database of the engine, for tests of what makes a database (the
 * migrate command): its URL, and drop() to remove it. SQLite: a file in a
 * temporary folder of its own; PostgreSQL: a database named after the run.
 */
export async function createEmptyDatabase(engine: Engine): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "afweging-empty-"));
    return { url: `sqlite:${join(dir, "empty.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${testRunDatabasePrefix(run())}e${randomBytes(5).toString("hex")}`;
  await postgresAdmin((c) => c.query(`create database ${name} template template0`));
  return { url: postgresUrlFor(name), drop: () => postgresAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) };
}

export const testEngines: Engine[] = postgresReachable ? ["sqlite", "postgres"] : ["sqlite"];
export const postgresTestUrl = postgresUrl;

/**
 * describe() once per engine, with a clean migrated database for every test,
 * made for the given features. Call the returned getter inside a test to reach it.
 * SQLite: a copy of the template per test. PostgreSQL: one copy per block, emptied before each test.
 */
export function describeEachEngine(name: string, body: (get: () => TestDatabase, engine: Engine) => void, features: readonly Feature[] = []): void {
  for (const engine of ["sqlite", "postgres"] as const) {
    const block = testEngines.includes(engine) ? describe : describe.skip;
    block(`${name} [${engine}]`, () => {
      let current: TestDatabase | undefined;
      let postgres: Promise<PostgresCopy> | undefined;
      let used = false;
      beforeAll(() => {
        if (engine === "postgres") postgres = postgresCopy(templateSpec(features));
      });
      beforeEach(async () => {
        const spec = templateSpec(features);
        if (engine === "sqlite") {
          const database = await sqliteCopy(spec);
          current = { ...database, deps: testDeps(database, spec.extensions) };
          return;
        }
        const copy = await postgres!;
        if (used) await copy.empty();
        used = true;
        current = { ...copy.database, deps: testDeps(copy.database, spec.extensions) };
      });
      afterEach(async () => {
        if (engine === "sqlite") await current?.destroy();
        current = undefined;
      });
      afterAll(async () => {
        await (await postgres)?.drop();
      });
      body(() => {
        if (!current) throw new Error("test database used outside a test");
        return current;
      }, engine);
    });
  }
}
