// The names a test run gives what it makes: read by the tests' databases
// (test-support.ts, in the workers) and by the run's global setup, which may not
// import vitest's test API, hence this file of its own.
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A run id: its start time (base 36, so a later run can tell a forgotten one by its age) and a random part. */
export function newTestRunId(now = Date.now()): string {
  return `${now.toString(36).padStart(8, "0")}${randomBytes(3).toString("hex")}`;
}

const RUN_ID = /^[0-9a-z]{8}[0-9a-f]{6}$/;

/** When the run of this id started, or undefined for a name that is not a run id. */
export function testRunStart(run: string): number | undefined {
  return RUN_ID.test(run) ? parseInt(run.slice(0, 8), 36) : undefined;
}

/** Where a run keeps its SQLite templates; the run's teardown removes it. */
export function testRunDirectory(run: string): string {
  return join(tmpdir(), `afweging-test-${run}`);
}

/** The run a folder of the temporary directory belongs to, if any. */
export function runOfDirectory(entry: string): string | undefined {
  return /^afweging-test-([0-9a-z]{14})$/.exec(entry)?.[1];
}

/** Every PostgreSQL database of a run starts with this. */
export function testRunDatabasePrefix(run: string): string {
  return `afw_${run}_`;
}

/** The run a PostgreSQL database belongs to, if any. */
export function runOfDatabase(name: string): string | undefined {
  return /^afw_([0-9a-z]{14})_/.exec(name)?.[1];
}
