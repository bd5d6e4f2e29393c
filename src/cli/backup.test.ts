import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testEngines } from "../../test/support/database.ts";
import { loadConfig } from "../config.ts";
import { openDeps } from "../main.ts";
import { openDatabase, type Engine } from "../platform/db/database.ts";
import { listTables } from "../platform/db/tables.ts";
import type { Db } from "../platform/db/schema.ts";
import { inTransaction } from "../platform/transaction.ts";
import { runCli } from "./main.ts";
import { throwAwayDatabases } from "./test-databases.ts";

const scratch = throwAwayDatabases();
afterAll(() => scratch.dispose());

async function cli(env: Record<string, string>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) }, env);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Every row of every table, each as JSON in a fixed order: two databases with the same content give the same value. */
async function everyRow(url: string, engine: Engine): Promise<Record<string, string[]>> {
  const database = openDatabase(url);
  try {
    const db = database.db as unknown as Db;
    const result: Record<string, string[]> = {};
    for (const table of await listTables(db, engine)) {
      const rows = await database.db.selectFrom(table as "users").selectAll().execute();
      result[table] = rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();
    }
    return result;
  } finally {
    await database.destroy();
  }
}

for (const engine of testEngines) {
  describe(`backup and restore [${engine}]`, () => {
    it("copies the demo database, restores it into an empty one row for row, and the audit chain verifies after restore", async () => {
      const dataDir = scratch.folder("afweging-data-");
      const source = { DATABASE_URL: await scratch.url(engine), DATA_DIR: dataDir, BASE_URL: "http://localhost:3000" };
      expect((await cli(source, "seed-demo")).code).toBe(0);
      expect((await cli(source, "audit-log", "checkpoint")).stdout).toMatch(/Controlepunten vastgelegd: [1-9]\d* nieuw/);
      const file = join(scratch.folder(), engine === "sqlite" ? "afweging.sqlite" : "afweging.dump");

      const made = await cli(source, "backup", file);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toContain("Back-up gemaakt");
      const again = await cli(source, "backup", file);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("bestaat al");

      const target = { ...source, DATABASE_URL: await scratch.url(engine) };
      const restored = await cli(target, "restore", file);
      expect(restored.code, restored.stderr + restored.stdout).toBe(0);
      expect(restored.stdout).toMatch(/Alle ketens \(\d+\) zijn intact\./);
      expect(restored.stdout).toMatch(/laatste controlepunt bij gebeurtenis \d+/);

      const [before, after] = [await everyRow(source.DATABASE_URL, engine), await everyRow(target.DATABASE_URL, engine)];
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(Object.keys(before).length).toBeGreaterThan(20);
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      expect(before.audit_events!.length).toBeGreaterThan(50);

      const refused = await cli(target, "restore", file);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("De database is niet leeg");
      const notABackup = join(scratch.folder(), "geen-backup.txt");
      writeFileSync(notABackup, "hallo");
      expect((await cli({ ...source, DATABASE_URL: await scratch.url(engine) }, "restore", notABackup)).stderr).toContain("is geen back-up van Afweging");
    }, 240_000);

    it("makes a consistent copy while writers are busy", async () => {
      const env = { DATABASE_URL: await scratch.url(engine), DATA_DIR: scratch.folder("afweging-data-"), BASE_URL: "http://localhost:3000" };
      const deps = await openDeps(loadConfig(env));
      const file = join(scratch.folder(), "druk.backup");
      let stop = false;
      let written = 0;
      const writer = async (n: number) => {
        while (!stop) {
          await inTransaction(deps, { userId: null, organisationId: `org-${n}`, name: "schrijver" }, (tx) => tx.audit({ action: "organisation.updated", entityType: "organisation", entityId: `org-${n}` }));
          written += 1;
          // SQLite answers at once; give the event loop a turn, as requests arriving over the network would.
          await new Promise((r) => setImmediate(r));
        }
      };
      try {
        const writers = [1, 2, 3].map(writer);
        while (written < 30) await new Promise((r) => setImmediate(r));
        const made = await cli(env, "backup", file);
        const writtenAtBackup = written;
        while (written < writtenAtBackup + 30) await new Promise((r) => setImmediate(r));
        stop = true;
        await Promise.all(writers);
        expect(made.code, made.stderr).toBe(0);
      } finally {
        await deps.close();
      }
      const target = { ...env, DATABASE_URL: await scratch.url(engine) };
      const restored = await cli(target, "restore", file);
      expect(restored.code, restored.stdout).toBe(0);
      // Each chain in the copy ends where its head says: no event without its head, no head without its event.
      expect(restored.stdout).toMatch(/Alle ketens \(3\) zijn intact\./);
      const database = openDatabase(target.DATABASE_URL);
      const copied = Number((await database.db.selectFrom("audit_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      await database.destroy();
      expect(copied).toBeGreaterThanOrEqual(30);
      expect(copied).toBeLessThan(written);
      expect(existsSync(file)).toBe(true);
    }, 120_000);
  });
}
