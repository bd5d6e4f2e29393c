// Hostile input, property-based (fast-check): every API request body, every
// form and every search box of the app gets random and adversarial values —
// control characters and NUL, very long texts, wrong types, HTML and SQL —
// from users with different roles. Whatever comes in:
// - the answer is never a 5xx, on either engine;
// - a refused request (4xx) changes nothing: no row added or removed in any
//   table, no audit event;
// - a page never shows the HTML it was sent unescaped.
// The routes come from the router and the OpenAPI document, so a new endpoint
// is covered without editing this file. The seed is fixed, so a run can be
// repeated; FC_SEED=<n> tries other values.
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { DEMO_ORGANISATION, DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import type { Engine } from "../../src/platform/db/database.ts";
import { allFeatures, createSeededTestDatabase, testEngines } from "../support/database.ts";
import { demoSeed, realTime } from "../support/demo-seed.ts";
import { TestClient } from "../support/http-client.ts";
import { allJobsSettled } from "../../src/features/bias-audit/jobs.ts";
import { fill, isPublic, recordIds, routesOf, STREAMED } from "./routes.ts";
import { fromSchema, type JsonSchema } from "./schema-arbitrary.ts";

const SEED = Number(process.env.FC_SEED ?? 20261202);
/** Demo people with different lines: the project lead, the FG (3rd line), the IT auditor, the administrator. */
const PEOPLE = ["projectleider", "fg", "auditor", "beheerder"];
const MARKERS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'];

/** Texts the edge lets through (no control characters): they reach the schemas and the use cases. */
const printableHostile = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")),
  fc.constantFrom(...MARKERS, "'; drop table users; --", "../../etc/passwd", "😀".repeat(60), "x".repeat(70_000), "2026-02-30", "2026-12-31", "-1", "1e309", "yes", "go", "done", ""),
);
const hostileText = fc.oneof(
  { arbitrary: printableHostile, weight: 5 },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\u0007\u001b[31m",
    ...MARKERS,
    "'; drop table users; --",
    "../../etc/passwd",
    "%00%0d%0a",
    "\r\n\r\nX-Evil: 1",
    "😀".repeat(60),
    "x".repeat(70_000),
    "2026-02-30",
    "-1",
    "1e309",
  ),
);
// Mostly texts, as most fields are: so that many bodies pass the schema and reach the use cases.
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText, weight: 8 },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileText, { maxKeys: 3 }),
);

type Db = Awaited<ReturnType<typeof createSeededTestDatabase>>["db"];

/** Every row of every table but sessions and login throttling, and every audit event: one number per table. */
async function footprintQuery(db: Db): Promise<() => Promise<string>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !["sessions", "login_failures"].includes(n) && !n.startsWith("kysely_"));
  const query = sql<Record<string, number>>`select ${sql.join(tables.map((t) => sql`(select count(*) from ${sql.table(t)}) as ${sql.ref(t)}`))}`;
  return async () => JSON.stringify((await query.execute(db)).rows[0]);
}

interface JsonRoute {
  method: string;
  path: string;
  properties: string[];
}

/** The API operations with a JSON body, and the names of the body's fields, from the OpenAPI document. */
function jsonRoutes(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>> }): JsonRoute[] {
  const out: JsonRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const schema = op.requestBody?.content?.["application/json"]?.schema as { properties?: Record<string, unknown>; $ref?: string } | undefined;
      if (!schema) continue;
      out.push({ method: method.toUpperCase(), path: `/api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`, properties: Object.keys(schema.properties ?? {}) });
    }
  }
  return out;
}

const bodyFor = (properties: string[]) =>
  fc.oneof(
    // Every field a text the edge lets through: these get past the edge to the schemas and the use cases.
    { arbitrary: properties.length ? fc.record(Object.fromEntries(properties.map((p) => [p, printableHostile]))) : fc.constant({}), weight: 4 },
    { arbitrary: properties.length ? fc.record(Object.fromEntries(properties.map((p) => [p, hostileValue]))) : fc.constant({}), weight: 3 },
    { arbitrary: properties.length ? fc.record(Object.fromEntries(properties.map((p) => [p, hostileValue])), { requiredKeys: [] }) : fc.constant({}), weight: 2 },
    fc.jsonValue(),
    hostileValue,
  );

/** Fields a form might have; each gets a hostile text. */
const FORM_FIELDS = ["title", "name", "goal", "description", "text", "summary", "reason", "note", "email", "role", "status", "decision", "rationale", "projectId", "userId", "dueDate", "q", "page", "expectedPhase", "explanation", "evidence"];

for (const engine of testEngines as readonly Engine[]) {
  describe(`hostile input [${engine}]`, () => {
    let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
    let app: ReturnType<typeof createApp>;
    let clients: TestClient[];
    let idOf: Record<string, string>;
    let footprint: () => Promise<string>;
    beforeAll(async () => {
      database = await createSeededTestDatabase(engine, demoSeed, allFeatures);
      app = createApp(realTime(database.deps), allFeatures);
      const demoOrg = (await database.db.selectFrom("organisations").select("id").where("slug", "=", DEMO_ORGANISATION.slug).executeTakeFirstOrThrow()).id;
      idOf = await recordIds(database.db, demoOrg);
      footprint = await footprintQuery(database.db);
      clients = [];
      for (const who of PEOPLE) {
        const client = new TestClient(app);
        await client.logIn(`${who}@voorbeeldstad.example`, DEMO_PASSWORD);
        expect((await client.api("GET", "/api/v1/me")).status, who).toBe(200);
        clients.push(client);
      }
    });
    afterAll(async () => {
      // A body may have started a bias audit: its job writes until it ends, so the database waits for it.
      await allJobsSettled();
      await database?.dispose();
    });

    /** Sends one request and checks the three rules; returns what went wrong, or null. */
    const statuses = new Map<number, number>();
    async function check(label: string, send: () => Promise<Response>): Promise<string | null> {
      const before = await footprint();
      const res = await send();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const body = await res.text();
      if (res.status >= 500) return `${label} → ${res.status}: ${body.slice(0, 300)}`;
      if (res.status >= 400 && (await footprint()) !== before) return `${label} → ${res.status} but data changed`;
      const html = (res.headers.get("content-type") ?? "").includes("text/html");
      if (html && MARKERS.some((m) => body.includes(m))) return `${label} → ${res.status} shows unescaped HTML`;
      return null;
    }

    it("every API body: never a 5xx, a refusal changes nothing", { timeout: 300_000 }, async () => {
      const doc = (await (await clients[0]!.request("/api/v1/openapi.json")).json()) as Parameters<typeof jsonRoutes>[0];
      const routes = jsonRoutes(doc);
      expect(routes.length).toBeGreaterThan(60);
      const wrong: string[] = [];
      let requests = 0;
      for (const route of routes) {
        const path = fill(route.path, idOf);
        await fc.check(
          fc.asyncProperty(fc.nat(clients.length - 1), bodyFor(route.properties), async (who, body) => {
            requests++;
            const problem = await check(`${PEOPLE[who]} ${route.method} ${route.path} ${JSON.stringify(body).slice(0, 120)}`, () => clients[who]!.api(route.method, path, body));
            if (problem) wrong.push(problem);
            return problem === null;
          }),
          { seed: SEED, numRuns: 8, endOnFailure: true },
        );
      }
      expect(wrong).toEqual([]);
      expect(requests).toBeGreaterThan(routes.length * 5);
      // The values reach the use cases: most are refused there, some are taken.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
      if (process.env.FC_REPORT || process.env.FIGURES) console.log(`FIGURES hostile API [${engine}]: ${requests} requests`, JSON.stringify([...statuses].sort()));
    });

    it("every API body generated from its own schema (past the edge and the schema, into the use case): never a 5xx, a refusal changes nothing", { timeout: 300_000 }, async () => {
      const doc = (await (await clients[0]!.request("/api/v1/openapi.json")).json()) as {
        paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
        components?: { schemas?: Record<string, JsonSchema> };
      };
      const ctx = { components: doc.components?.schemas ?? {}, ids: Object.values(idOf) };
      const wrong: string[] = [];
      const answered = new Map<string, number>();
      let operations = 0;
      for (const [apiPath, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const schema = op.requestBody?.content?.["application/json"]?.schema;
          if (!schema) continue;
          operations++;
          const route = `/api/v1${apiPath.replace(/\{(\w+)\}/g, ":$1")}`;
          const path = fill(route, idOf);
          await fc.check(
            fc.asyncProperty(fc.nat(clients.length - 1), fromSchema(schema, ctx), async (who, body) => {
              const problem = await check(`${PEOPLE[who]} ${method.toUpperCase()} ${route} ${JSON.stringify(body).slice(0, 160)}`, async () => {
                const res = await clients[who]!.api(method.toUpperCase(), path, body);
                const kind = res.status < 300 ? "taken" : String(res.status);
                answered.set(kind, (answered.get(kind) ?? 0) + 1);
                return res;
              });
              if (problem) wrong.push(problem);
              return problem === null;
            }),
            { seed: SEED + 1, numRuns: 6, endOnFailure: true },
          );
        }
      }
      if (process.env.FC_REPORT || process.env.FIGURES) console.log(`FIGURES hostile schema-aware [${engine}]:`, JSON.stringify([...answered]));
      expect(wrong).toEqual([]);
      expect(operations).toBeGreaterThan(60);
      // Generated from the schema, the bodies get past it: a third or more are answered by the use
      // case itself (taken, or refused by a permission, a missing record, a rule or a conflict: not 400).
      const total = [...answered.values()].reduce((a, b) => a + b, 0);
      expect(total - (answered.get("400") ?? 0)).toBeGreaterThan(total / 3);
      expect(answered.get("taken") ?? 0).toBeGreaterThan(0);
    });

    it("every form and every search box: never a 5xx, a refusal changes nothing, nothing unescaped", { timeout: 300_000 }, async () => {
      const routes = routesOf(app).filter((r) => !r.path.startsWith("/api/") && !isPublic(r.path) && !STREAMED.some((p) => p.test(r.path)) && (r.method === "POST" || (r.method === "GET" && !r.path.includes(":"))));
      expect(routes.length).toBeGreaterThan(80);
      const field = fc.oneof({ arbitrary: printableHostile.filter((s) => s.length < 10_000), weight: 6 }, { arbitrary: fc.constantFrom(...MARKERS), weight: 2 }, hostileText.filter((s) => s.length < 10_000));
      const fields = fc.record(Object.fromEntries(FORM_FIELDS.map((f) => [f, field])), { requiredKeys: [] });
      const wrong: string[] = [];
      for (const route of routes) {
        const path = fill(route.path, idOf);
        await fc.check(
          fc.asyncProperty(fc.nat(clients.length - 1), fields, async (who, values) => {
            const client = clients[who]!;
            const strings = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
            const problem =
              route.method === "GET"
                ? await check(`${PEOPLE[who]} GET ${route.path}?…`, () => client.request(`${path}?${new URLSearchParams(strings)}`))
                : await check(`${PEOPLE[who]} POST ${route.path}`, () => client.post(path, strings));
            if (problem) wrong.push(problem);
            return problem === null;
          }),
          { seed: SEED, numRuns: 3, endOnFailure: true },
        );
      }
      expect(wrong).toEqual([]);
      if (process.env.FC_REPORT) console.log(engine, "forms", [...statuses].sort());
    });
  });
}
