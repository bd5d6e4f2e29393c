// Crash safety: the real server as its own process, eight clients writing at
// once, the process killed with SIGKILL in the middle of it, started again.
// Every write the server acknowledged (201) is there afterwards, and every
// audit chain verifies — on SQLite and on PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { throwAwayDatabases } from "../../src/cli/test-databases.ts";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { openDatabase } from "../../src/platform/db/database.ts";
import { verifyAllChains } from "../../src/platform/audit-log/verify-chain.ts";
import { testEngines } from "../support/database.ts";

const BIN = resolve(import.meta.dirname, "../../bin/afweging.js");
const WRITERS = 8;
/** Acknowledged writes after which the server is killed. */
const KILL_AFTER = 120;

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [BIN, "serve"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  const started = Date.now();
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  while (Date.now() - started < 60_000) {
    if (server.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer /health: ${output}`);
}

/** Logs in as the demo project lead through the forms and makes an API key with write access. */
async function writeToken(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(base + path, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [k, v] = pair!.split("=") as [string, string];
      jar.set(k.trim(), v);
    }
    return res;
  };
  const csrfOf = async (path: string) => (await (await request(path)).text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
  const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded" } });
  const login = await request("/login", form({ _csrf: await csrfOf("/login"), email: "projectleider@voorbeeldstad.example", password: DEMO_PASSWORD }));
  expect(login.status).toBe(303);
  const made = await request("/account/tokens", form({ _csrf: await csrfOf("/account"), name: "schrijver", scope: "write", days: "1" }));
  expect(made.status).toBe(201);
  return (await made.text()).match(/value="(afw_[A-Za-z0-9_-]+)"/)![1]!;
}

describe("crash safety: SIGKILL while eight clients write", () => {
  const scratch = throwAwayDatabases();
  afterAll(() => scratch.dispose());

  for (const engine of testEngines) {
    it(`every acknowledged write survives and the audit chains verify [${engine}]`, async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = { DATABASE_URL: await scratch.url(engine), DATA_DIR: scratch.folder("afweging-crash-"), PORT: String(port), BASE_URL: base, AFWEGING_PASSWORD_HASHING: "test-light" };
      let server = startServer(env);
      try {
        await waitForHealth(base, server);
        const token = await writeToken(base);
        const me = (await (await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };
        const acknowledged: string[] = [];
        let killed = false;
        const writer = async (w: number) => {
          for (let i = 0; !killed; i++) {
            const body = { title: `Schrijver ${w} project ${i}`, goal: "Nagaan of een bevestigde schrijfactie een crash overleeft.", domain: "fysiek", technologies: ["sensors"], dataCategories: ["none"], supplierInvolved: false, ownerUserId: me.id };
            const res = await fetch(`${base}/api/v1/projects`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }).catch(() => null);
            if (!res) return; // the connection went with the process: not acknowledged
            if (res.status !== 201) throw new Error(`a write was refused: ${res.status} ${await res.text()}`);
            acknowledged.push(((await res.json()) as { id: string }).id);
            if (acknowledged.length >= KILL_AFTER && !killed) {
              killed = true;
              server.kill("SIGKILL");
            }
          }
        };
        await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
        await new Promise<void>((done) => (server.exitCode !== null || server.signalCode !== null ? done() : server.once("exit", () => done())));
        expect(server.signalCode).toBe("SIGKILL");

        server = startServer(env);
        await waitForHealth(base, server);
        const database = openDatabase(env.DATABASE_URL);
        try {
          const stored = new Set((await database.db.selectFrom("projects").select("id").where("id", "in", acknowledged).execute()).map((r) => r.id));
          expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
          expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
          if (process.env.FIGURES) console.log(`FIGURES crash-safety: ${acknowledged.length} acknowledged, ${stored.size} found`);
          const chains = await verifyAllChains(database.db);
          expect(chains.filter((c) => c.broken !== null)).toEqual([]);
          // Each acknowledged registration wrote its audit event in the same transaction.
          const registered = await database.db.selectFrom("audit_events").select("entity_id").where("action", "=", "project.registered").where("entity_id", "in", acknowledged).execute();
          expect(registered.length).toBe(acknowledged.length);
          expect(chains.reduce((n, c) => n + c.events, 0)).toBeGreaterThan(acknowledged.length);
        } finally {
          await database.destroy();
        }
      } finally {
        server.kill("SIGKILL");
      }
    }, 180_000);
  }
});
