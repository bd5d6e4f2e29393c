// HTTP benchmark: an organisation with many projects (and more organisations
// beside it, as in a shared service), driven by concurrent clients on SQLite
// and PostgreSQL, beside a bare Hono handler in the same run. See README.md.
//   npx tsx bench/http.ts [--engines sqlite,postgres] [--projects 10000] [--orgs 20]
//                         [--clients 50] [--seconds 5] [--port 3690] [--minutes M] [--only-memory]
// --minutes M adds a memory run per engine: M minutes of the mixed pages under the same
// clients, the server's resident memory sampled every 15 s (--only-memory skips the table).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freshDatabase, peakOf, readyOf, startServer, withDb } from "./support.ts";

const { values: opts } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgres" },
    projects: { type: "string", default: "10000" },
    orgs: { type: "string", default: "20" },
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "5" },
    port: { type: "string", default: "3690" },
    minutes: { type: "string", default: "0" },
    "only-memory": { type: "boolean", default: false },
  },
});
const MINUTES = Number(opts.minutes);
const PROJECTS = Number(opts.projects);
const ORGS = Number(opts.orgs);
const CLIENTS = Number(opts.clients);
const SECONDS = Number(opts.seconds);
const PORT = Number(opts.port);
const PASSWORD = "Voorbeeldstad-demo-2026";
const PHASES = ["pre_start", "start", "execution", "evaluation", "closed", "stopped"];
const load = () => loadavg().map((l) => l.toFixed(1)).join(" / ");
const OUT = join(import.meta.dirname, "out");

interface Result { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; statuses: Record<string, number>; load: string }
interface Sample { at: number; rssMb: number; requests: number; errors: number; load: string }

async function main() {
  mkdirSync(OUT, { recursive: true });
  const rows: { engine: string; results: Result[]; peakMb: number; memory: Sample[] }[] = [];
  if (!opts["only-memory"]) {
    const bare = await runBare();
    rows.push({ engine: "bare Hono", results: [bare.result], peakMb: bare.peakMb, memory: [] });
  }
  for (const engine of opts.engines!.split(",")) rows.push({ engine, ...(await runEngine(engine)) });
  const lines = [
    `- Date: ${new Date().toISOString()}; ${PROJECTS} projects in the demo organisation (every phase), ${ORGS - 1} other organisations of 100; ${CLIENTS} clients, ${SECONDS} s per endpoint`,
    `- Load average (1/5/15 min) at the end: ${load()} on ${(await import("node:os")).cpus().length} cores`,
    "",
    "| engine | endpoint | req/s | p50 ms | p99 ms | errors (statuses) | peak RSS MB | load 1/5/15 |",
    "|---|---|---:|---:|---:|---|---:|---|",
  ];
  for (const r of rows) for (const x of r.results) lines.push(`| ${r.engine} | ${x.name} | ${x.rps.toFixed(0)} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} | ${x.errors} ${JSON.stringify(x.statuses)} | ${r.peakMb} | ${x.load} |`);
  for (const r of rows.filter((x) => x.memory.length > 0)) {
    lines.push("", `Memory run, ${r.engine}: ${MINUTES} min of mixed pages, ${CLIENTS} clients`, "", "| minute | RSS MB | requests so far | errors | load 1/5/15 |", "|---:|---:|---:|---:|---|");
    for (const m of r.memory) lines.push(`| ${(m.at / 60).toFixed(2)} | ${m.rssMb} | ${m.requests} | ${m.errors} | ${m.load} |`);
  }
  console.log("\n" + lines.join("\n"));
  writeFileSync(join(OUT, "http-results.md"), lines.join("\n") + "\n");
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
  const { url, drop } = await freshDatabase(engine, dir, "bench_http");
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
  const fg = await logIn(base, "fg@voorbeeldstad.example");
  const projectId = await busiestDemoProject(engine, url);
  const owner = await ownerId(engine, url);
  const get = (path: string, who = lead) => () => fetch(base + path, { headers: { cookie: who.cookie } });
  const pages: [string, () => Promise<Response>][] = [
    ["/projects", get("/projects")],
    ["/projects?mine=1", get("/projects?mine=1")],
    ["/projects/:id", get(`/projects/${projectId}`)],
    ["/api/v1/projects", get("/api/v1/projects")],
    ["/api/v1/projects?mine=true", get("/api/v1/projects?mine=true")],
    ["/", get("/")],
    ["/projects/:id/canvas", get(`/projects/${projectId}/canvas`)],
    ["/projects/:id/depia", get(`/projects/${projectId}/depia`)],
    ["/projects/:id/depia (fg, review)", get(`/projects/${projectId}/depia`, fg)],
  ];
  const results: Result[] = [];
  const memory: Sample[] = [];
  if (!opts["only-memory"]) {
  results.push(await drive("/health", async () => fetch(`${base}/health`)));
  for (const [name, request] of pages) results.push(await drive(name, request));
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
  }
  if (MINUTES > 0) memory.push(...(await memoryRun(server, pages)));
  const peakMb = peakOf(server);
  server.kill();
  await new Promise((r) => server.once("exit", r));
  await drop();
  return { results, peakMb, memory };
}

/** MINUTES of the pages in turn under CLIENTS clients; the server's VmRSS every 15 s. */
async function memoryRun(server: ChildProcess, pages: [string, () => Promise<Response>][]): Promise<Sample[]> {
  const samples: Sample[] = [];
  const started = Date.now();
  const deadline = started + MINUTES * 60_000;
  let requests = 0;
  let errors = 0;
  const sample = () => {
    const s = { at: Math.round((Date.now() - started) / 1000), rssMb: rssOf(server), requests, errors, load: load() };
    samples.push(s);
    console.log(`  memory: ${(s.at / 60).toFixed(2)} min, RSS ${s.rssMb} MB, ${requests} requests, ${errors} errors, load ${s.load}`);
  };
  sample();
  const timer = setInterval(sample, 15_000);
  let turn = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < deadline) {
        const [, request] = pages[turn++ % pages.length]!;
        try {
          const res = await request();
          await res.arrayBuffer();
          if (res.status >= 400) errors += 1;
        } catch {
          errors += 1;
        }
        requests += 1;
      }
    }),
  );
  clearInterval(timer);
  sample();
  return samples;
}

function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024);
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
        } catch (e) {
          const kind = `failed: ${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name}`;
          statuses[kind] = (statuses[kind] ?? 0) + 1;
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const r = { name, requests: latencies.length, rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), errors, statuses, load: load() };
  console.log(`  ${name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${errors}, load ${r.load}`);
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

/** The demo project with the most recorded about it (canvas, DEPIA, reviews …): the workflow pages at their fullest. */
async function busiestDemoProject(engine: string, url: string): Promise<string> {
  return withDb(engine, url, async (q) =>
    String(
      (await q("select p.id from projects p join organisations o on o.id = p.organisation_id where o.slug = ? and p.id not like 'bench-%' order by (select count(*) from audit_events e where e.entity_id = p.id) desc, p.id limit 1", ["voorbeeldstad"]))[0]!.id,
    ),
  );
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
