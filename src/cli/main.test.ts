import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postgresTestUrl, testEngines } from "../../test/support/database.ts";
import { openDatabase } from "../platform/db/database.ts";
import { sql } from "kysely";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../bin/afweging.js");
const dirs: string[] = [];
const databases: string[] = [];

async function afweging(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function databaseUrlFor(engine: string): Promise<string> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "afweging-cli-"));
    dirs.push(dir);
    return `sqlite:${join(dir, "cli.db")}`;
  }
  const name = `afweging_cli_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(postgresTestUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const name of databases) {
    const admin = new pg.Client({ connectionString: postgresTestUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

describe("the afweging command", () => {
  it("lists its commands with --help", async () => {
    const { code, stdout } = await afweging({}, "--help");
    expect(code).toBe(0);
    for (const c of ["serve", "migrate", "seed-demo", "user add", "audit-log verify", "bias-audit"]) expect(stdout).toContain(c);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const { code, stderr } = await afweging({}, "vliegen");
    expect(code).toBe(2);
    expect(stderr).toContain("Onbekende opdracht: vliegen");
  });

  for (const engine of testEngines) {
    it(`migrates, seeds, adds a user and verifies the audit chain, then finds a hand-made change [${engine}]`, async () => {
      const DATABASE_URL = await databaseUrlFor(engine);
      const dir = mkdtempSync(join(tmpdir(), "afweging-data-"));
      dirs.push(dir);
      // Vite puts BASE_URL="/" into the test environment; the app wants a full URL.
      const env = { DATABASE_URL, DATA_DIR: dir, BASE_URL: "http://localhost:3000" };
      const migrated = await afweging(env, "migrate");
      expect(migrated.stdout, migrated.stderr).toContain("De database is bijgewerkt.");
      const seeded = await afweging(env, "seed-demo");
      expect(seeded.stdout).toContain("beheerder@voorbeeldstad.example");
      expect((await afweging(env, "seed-demo")).stdout).toContain("De demo-organisatie bestaat al.");

      const added = await afweging(env, "user", "add", "--organisation", "voorbeeldstad", "--email", "nieuw@voorbeeldstad.example", "--name", "Nieuwe Auditor", "--password", "een lang wachtwoord", "--role", "it_auditor");
      expect(added.code).toBe(0);
      expect(added.stdout).toContain("Gebruiker toegevoegd: nieuw@voorbeeldstad.example");
      const bad = await afweging(env, "user", "add", "--organisation", "voorbeeldstad", "--email", "geen-adres", "--name", "X", "--password", "kort");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("Vul een geldig e-mailadres in");

      const ok = await afweging(env, "audit-log", "verify");
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/Alle ketens \(1\) zijn intact\./);

      const database = openDatabase(DATABASE_URL);
      await sql`update audit_events set actor_label = 'iemand anders' where seq = 3 and chain <> 'system'`.execute(database.db);
      await database.destroy();
      const broken = await afweging(env, "audit-log", "verify");
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/GEBROKEN bij gebeurtenis 3 .*de inhoud is na het vastleggen gewijzigd/);
    }, 180_000); // six separate processes, each starting the app from source
  }
});
