// Runs once per `vitest run`, in the main process: gives the run an id, which
// every test database and template folder of the run carries (see
// src/platform/db/test-support.ts), and afterwards removes whatever of the run
// is left. Templates are made by the tests that need them, not here, so a run
// of a few files pays only for what it uses.
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { newTestRunId, runOfDatabase, runOfDirectory, testRunDatabasePrefix, testRunDirectory, testRunStart } from "../../src/platform/db/test-run.ts";

/** A run this old is long over (a test times out in minutes): what it left is swept away. */
const FORGOTTEN_AFTER_MS = 12 * 3600_000;

export default async function setup(project: TestProject) {
  const run = newTestRunId();
  project.provide("afwegingTestRun", run);
  await sweepForgottenRuns();
  return async () => {
    rmSync(testRunDirectory(run), { recursive: true, force: true });
    await dropDatabases((name) => name.startsWith(testRunDatabasePrefix(run)));
  };
}

function forgotten(run: string | undefined): boolean {
  const start = run === undefined ? undefined : testRunStart(run);
  return start !== undefined && Date.now() - start > FORGOTTEN_AFTER_MS;
}

async function sweepForgottenRuns(): Promise<void> {
  for (const entry of readdirSync(tmpdir())) {
    const run = runOfDirectory(entry);
    if (run && forgotten(run)) rmSync(testRunDirectory(run), { recursive: true, force: true });
  }
  await dropDatabases((name) => forgotten(runOfDatabase(name)));
}

async function dropDatabases(which: (name: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test", connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return; // No PostgreSQL here: the tests skipped it too.
  }
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'afw\\_%'");
    for (const { datname } of rows.filter((r) => which(r.datname))) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
}
