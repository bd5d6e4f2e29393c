// HTTP benchmark: an organisation with many projects (and more organisations
// beside it, as in a shared service), driven by concurrent clients on SQLite
// and PostgreSQL, beside a bare Hono handler in the same run. See README.md.
//   npx tsx bench/http.ts [--engines sqlite,postgres] [--projects 10000] [--orgs 20]
//                         [--clients 50] [--seconds 5] [--port 3690]
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { peakOf, readyOf, startServer, withDb } from "./support.ts";

const { values: opts } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgres" },
    projects: { type: "string", default: "10000" },
    orgs: { type: "string", default: "20" },
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "5" },
    port: { type: "string", default: "3690" },
  },
});
const PROJECTS = Number(opts.projects);
const ORGS = Number(opts.orgs);
const CLIENTS = Number(opts.clients);
const SECONDS = Number(opts.seconds);
const PORT = Number(opts.port);
const PASSWORD = "Voorbeeldstad-demo-2026";
const PHASES = ["pre_start", "design", "development", "validation", "deployment", "monitoring", "closed", "stopped"];
const OUT = join(import.meta.dirname, "out");

interface Result { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; statuses: Record<string, number> }

async function main() {
  mkdirSync(OUT, { recursive: true });
  const rows: { engine: string; results: Result[]; peakMb: number }[] = [];
  const bare = await runBare();
  rows.push({ engine: "bare Hono", results: [bare.result], peakMb: bare.peakMb });
  for (const engine of opts.engines!.split(",")) rows.push({ engine, ...(await runEngine(engine)) });
  console.log(`\n${PROJECTS} projects in the demo organisation, ${ORGS - 1} other organisations, ${CLIENTS} clients, ${SECONDS} s per endpoint\n`);
  console.log("| engine | endpoint | req/s | p50 ms | p99 ms | errors | peak RSS MB |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) for (const x of r.results) console.log(`| ${r.engine} | ${x.name} | ${x.rps.toFixed(0)} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} | ${x.errors} ${JSON.stringify(x.statuses)} | ${r.peakMb} |`);
}

async function runBare() {
  const code = `import { Hono } from "hono"; import { serve } from "@hono/node-server"; const app = new Hono(); app.get("/", (c) => c.text("ok")); serve({ fetch: app.fetch, port: ${PORT} }, () => console.log("ready"));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"], cwd: join(import.meta.dirname, "..") });
  await readyOf(child);
  const result = await drive("bare handler", async () => fetch(`http://127.0.0.1:${PORT}/`));
  const peakMb = peakOf(child);
  child.kill();
  return { result, peakMb };
}

async function runEngine(engine: string) {
  const dir = join(OUT, `http-${engine}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let url = `sqlite:${join(dir, "a.db")}`;
  let admin: pg.Client | null = null;
  const dbName = `bench_http_${process.pid}`;
  if (engine === "postgres") {
    admin = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.query(`create database ${dbName}`);
    url = `postgres://postgres@127.0.0.1:5432/${dbName}`;
  }
  const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: url, PORT: String(PORT), LOG_LEVEL: "error", MAX_CONCURRENT_REQUESTS: "8" };
  // First start: migrate and seed the demo; then more projects in SQL; then the measured server.
  let server = startServer(env);
  await readyOf(server);
  server.kill();
  await new Promise((r) => server.once("exit", r));
  const seeded = Date.now();
  await seedProjects(engine, url);
  console.log(`${engine}: seeded ${PROJECTS} + ${(ORGS - 1) * 100} projects in ${Date.now() - seeded} ms`);
  const startedAt = Date.now();
  server = startServer(env);
  await readyOf(server);
  console.log(`${engine}: server ready in ${Date.now() - startedAt} ms on an existing database`);
  const base = `http://127.0.0.1:${PORT}`;
  const lead = await logIn(base, "projectleider@voorbeeldstad.example");
  const projectId = await firstProject(base, lead);
  const owner = await ownerId(engine, url);
  const get = (path: string) => () => fetch(base + path, { headers: { cookie: lead.cookie } });
  const results: Result[] = [];
  results.push(await drive("/health", async () => fetch(`${base}/health`)));
  results.push(await drive("/projects", get("/projects")));
  results.push(await drive("/projects/:id", get(`/projects/${projectId}`)));
  results.push(await drive("/api/v1/projects", get("/api/v1/projects")));
  results.push(await drive("/", get("/")));
  results.push(await drive("/projects/:id/canvas", get(`/projects/${projectId}/canvas`)));
  let n = 0;
  results.push(
    await drive("POST /api/v1/projects", () =>
      fetch(`${base}/api/v1/projects`, {
        method: "POST",
        headers: { cookie: lead.cookie, "x-csrf-token": lead.csrf, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ title: `Belastingproef ${++n}`, goal: "Meten hoe snel het registreren blijft.", description: "", domain: "fysiek", technologies: ["sensors"], dataCategories: ["none"], supplierInvolved: false, ownerUserId: owner }),
      }),
    ),
  );
  const peakMb = peakOf(server);
  server.kill();
  await new Promise((r) => server.once("exit", r));
  if (admin) {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  return { results, peakMb };
}

async function drive(name: string, request: () => Promise<Response>): Promise<Result> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < deadline) {
        const t = performance.now();
        try {
          const res = await request();
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status >= 400) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const r = { name, requests: latencies.length, rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), errors, statuses };
  console.log(`  ${name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${errors}`);
  return r;
}

async function logIn(base: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [k, v] = pair!.split("=");
      jar.set(k!.trim(), v ?? "");
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await fetch(`${base}/login`);
  keep(page);
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
  const res = await fetch(`${base}/login`, { method: "POST", redirect: "manual", headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email, password: PASSWORD, _csrf: csrf }) });
  keep(res);
  const home = await fetch(`${base}/projects`, { headers: { cookie: cookie() } });
  keep(home);
  const token = (await home.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? csrf;
  return { cookie: cookie(), csrf: token };
}

async function firstProject(base: string, who: { cookie: string }): Promise<string> {
  const list = (await (await fetch(`${base}/api/v1/projects`, { headers: { cookie: who.cookie } })).json()) as { items: { id: string }[] };
  return list.items[0]!.id;
}

async function ownerId(engine: string, url: string): Promise<string> {
  return withDb(engine, url, async (q) => String((await q("select id from users where email = ?", ["opdrachtgever@voorbeeldstad.example"]))[0]!.id));
}

/** Projects straight into the tables: the demo organisation's lead and owner on each, in every phase; other organisations beside it. */
async function seedProjects(engine: string, url: string): Promise<void> {
  await withDb(engine, url, async (q, bulk) => {
    const [org] = await q("select id from organisations where slug = ?", ["voorbeeldstad"]);
    const lead = (await q("select id from users where email = ?", ["projectleider@voorbeeldstad.example"]))[0]!.id;
    const owner = (await q("select id from users where email = ?", ["opdrachtgever@voorbeeldstad.example"]))[0]!.id;
    const now = new Date().toISOString();
    const projects: Record<string, unknown>[] = [];
    const roles: Record<string, unknown>[] = [];
    const project = (id: string, organisationId: unknown, i: number) => ({
      id, organisation_id: organisationId, title: `Dataproject ${String(i).padStart(5, "0")}`, goal: "Een doel.", description: "", domain: "fysiek",
      technologies_json: '["sensors"]', data_categories_json: '["none"]', supplier_involved: 0, phase: PHASES[i % PHASES.length], created_at: now, updated_at: now,
    });
    for (let i = 0; i < PROJECTS; i++) {
      const id = `bench-${i}`;
      projects.push(project(id, org!.id, i));
      roles.push({ id: `bench-lead-${i}`, organisation_id: org!.id, user_id: lead, role: "lead", project_id: id, created_at: now });
      roles.push({ id: `bench-owner-${i}`, organisation_id: org!.id, user_id: owner, role: "owner", project_id: id, created_at: now });
    }
    const orgs: Record<string, unknown>[] = [];
    for (let o = 1; o < ORGS; o++) {
      orgs.push({ id: `bench-org-${o}`, slug: `bench-${o}`, name: `Gemeente Proef ${o}`, theme_class: "voorbeeld-theme", created_at: now });
      for (let i = 0; i < 100; i++) projects.push(project(`bench-${o}-${i}`, `bench-org-${o}`, i));
    }
    await bulk("organisations", orgs);
    await bulk("projects", projects);
    await bulk("role_assignments", roles);
  });
  void engine;
}

await main();
