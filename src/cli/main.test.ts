import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testEngines } from "../../test/support/database.ts";
import { openDatabase } from "../platform/db/database.ts";
import { sql } from "kysely";
import { runCli, type Io } from "./main.ts";
import { throwAwayDatabases } from "./test-databases.ts";

const bin = join(import.meta.dirname, "../../bin/afweging.js");
const scratch = throwAwayDatabases();
afterAll(() => scratch.dispose());

/** Runs the command as its own process, with `input` on standard input. */
function afwegingWithInput(env: Record<string, string>, input: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}
const afweging = (env: Record<string, string>, ...args: string[]) => afwegingWithInput(env, "", ...args);

/** In this process, with an Io the test reads (and standard input or a prompt it gives). */
async function inProcess(env: Record<string, string>, args: string[], io: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), ...io }, env);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("the afweging command", () => {
  it("lists its commands with --help", async () => {
    const { code, stdout } = await afweging({}, "--help");
    expect(code).toBe(0);
    for (const c of ["serve", "migrate", "seed-demo", "user add", "audit-log verify", "audit-log checkpoint", "backup", "restore", "cleanup", "bias-audit"]) expect(stdout).toContain(c);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const { code, stderr } = await afweging({}, "vliegen");
    expect(code).toBe(2);
    expect(stderr).toContain("Onbekende opdracht: vliegen");
  });

  for (const engine of testEngines) {
    it(`migrates, seeds, adds a user and verifies the audit chain, then finds a hand-made change [${engine}]`, async () => {
      const DATABASE_URL = await scratch.url(engine);
      const dir = scratch.folder("afweging-data-");
      // Vite puts BASE_URL="/" into the test environment; the app wants a full URL.
      const env = { DATABASE_URL, DATA_DIR: dir, BASE_URL: "http://localhost:3000" };
      // In this process where a separate one adds nothing; as its own process where standard input and the exit code matter.
      const migrated = await inProcess(env, ["migrate"]);
      expect(migrated.stdout, migrated.stderr).toContain("De database is bijgewerkt.");
      const seeded = await inProcess(env, ["seed-demo"]);
      expect(seeded.stdout).toContain("beheerder@voorbeeldstad.example");
      expect((await inProcess(env, ["seed-demo"])).stdout).toContain("De demo-organisatie bestaat al.");

      const added = await afwegingWithInput(env, "een lang wachtwoord\n", "user", "add", "--organisation", "voorbeeldstad", "--email", "nieuw@voorbeeldstad.example", "--name", "Nieuwe Auditor", "--password-stdin", "--role", "it_auditor");
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain("Gebruiker toegevoegd: nieuw@voorbeeldstad.example");
      const bad = await inProcess(env, ["user", "add", "--organisation", "voorbeeldstad", "--email", "geen-adres", "--name", "X", "--password-stdin"], { readStdin: async () => "kort" });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("Vul een geldig e-mailadres in");

      const ok = await inProcess(env, ["audit-log", "verify"]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/Alle ketens \(1\) zijn intact\./);

      const database = openDatabase(DATABASE_URL);
      await sql`update audit_events set actor_label = 'iemand anders' where seq = 3 and chain <> 'system'`.execute(database.db);
      await database.destroy();
      const broken = await afweging(env, "audit-log", "verify");
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/GEBROKEN bij gebeurtenis 3 .*de inhoud is na het vastleggen gewijzigd/);
    }, 120_000); // one separate process (standard input), the rest in this process
  }

  it("never takes a password from the command line: refuses --password, asks at a terminal, or reads standard input", async () => {
    const env = { DATABASE_URL: await scratch.url("sqlite"), DATA_DIR: scratch.folder("afweging-data-"), BASE_URL: "http://localhost:3000" };
    expect((await inProcess(env, ["seed-demo"])).code).toBe(0);
    const add = ["user", "add", "--organisation", "voorbeeldstad", "--email", "prompt@voorbeeldstad.example", "--name", "Via Prompt", "--role", "fg"];

    const onCommandLine = await inProcess(env, [...add, "--password", "een lang wachtwoord"]);
    expect(onCommandLine.code).toBe(2);
    expect(onCommandLine.stderr).toContain("--password wordt niet gebruikt: een wachtwoord op de opdrachtregel is zichtbaar");

    const noTerminal = await inProcess(env, add);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain("Er is geen terminal om het wachtwoord te vragen");

    const questions: string[] = [];
    const mismatch = await inProcess(env, add, { promptSecret: async (q) => (questions.push(q), questions.length === 1 ? "een lang wachtwoord" : "een ander wachtwoord") });
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain("De twee wachtwoorden zijn niet gelijk");
    expect(questions).toEqual(["Wachtwoord: ", "Nog een keer: "]);

    const prompted = await inProcess(env, add, { promptSecret: async () => "een lang wachtwoord" });
    expect(prompted.code, prompted.stderr).toBe(0);
    const piped = await inProcess(env, [...add.slice(0, 5), "stdin@voorbeeldstad.example", ...add.slice(6), "--password-stdin"], { readStdin: async () => "nog een lang wachtwoord\r\n" });
    expect(piped.code, piped.stderr).toBe(0);

    const database = openDatabase(env.DATABASE_URL);
    const users = await database.db.selectFrom("users").select("email").where("email", "in", ["prompt@voorbeeldstad.example", "stdin@voorbeeldstad.example"]).execute();
    await database.destroy();
    expect(users.map((u) => u.email).sort()).toEqual(["prompt@voorbeeldstad.example", "stdin@voorbeeldstad.example"]);
  }, 120_000);
});
