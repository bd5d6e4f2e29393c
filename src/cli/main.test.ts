import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, testEngines } from "../../test/support/database.ts";
import { openDatabase } from "../platform/db/database.ts";
import { runCli } from "./main.ts";

const bin = join(import.meta.dirname, "../../bin/afweging.js");
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command as a user starts it: bin/afweging.js in a process of its own, its exit code and output. */
async function afwegingProcess(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * The same command in this process, with the given environment: runCli is what
 * bin/afweging.js runs (its exit code is runCli's answer, and an unexpected error
 * is 1), so this checks every command without starting the app from source again
 * for each (a start costs seconds; the two process tests above show the binary
 * passes the code and the output on).
 */
async function afweging(env: Record<string, string>, ...args: string[]): Promise<Outcome> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    const code = await runCli(args, { stdout: (s) => stdout.push(s), stderr: (s) => stderr.push(s) }).catch((e) => {
      stderr.push(e instanceof Error ? e.message : String(e));
      return 1;
    });
    return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("the afweging command", () => {
  it("lists its commands with --help", async () => {
    const { code, stdout } = await afwegingProcess("--help");
    expect(code).toBe(0);
    for (const c of ["serve", "migrate", "seed-demo", "user add", "audit-log verify", "bias-audit"]) expect(stdout).toContain(c);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const { code, stderr } = await afwegingProcess("vliegen");
    expect(code).toBe(2);
    expect(stderr).toContain("Onbekende opdracht: vliegen");
  });

  for (const engine of testEngines) {
    it(`migrates, seeds, adds a user and verifies the audit chain, then finds a hand-made change [${engine}]`, async () => {
      const database = await createEmptyDatabase(engine);
      cleanups.push(database.drop);
      const DATABASE_URL = database.url;
      const dir = mkdtempSync(join(tmpdir(), "afweging-data-"));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
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

      const handle = openDatabase(DATABASE_URL);
      await sql`update audit_events set actor_label = 'iemand anders' where seq = 3 and chain <> 'system'`.execute(handle.db);
      await handle.destroy();
      const broken = await afweging(env, "audit-log", "verify");
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/GEBROKEN bij gebeurtenis 3 .*de inhoud is na het vastleggen gewijzigd/);
    }, 60_000);
  }
});
