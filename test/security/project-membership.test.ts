// The authorization matrix's fourth dimension: project member versus non-member.
//
// Inside one organisation, a person without an organisation role sees a project
// only when they hold a role in it. Every route of the app (from the router)
// whose path points at the project or at a record of that project is called by
// two such people: a member of the project must be able to open every page of it
// (GET answers 200, apart from the few pages the table below names with their
// reason), and someone who is not a member is refused (403 or 404) everywhere —
// reading and writing — and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { bootstrapUser } from "../../src/features/admin/bootstrap.ts";
import { DEMO_ORGANISATION } from "../../src/features/demo/people.ts";
import { addMember } from "../../src/features/projects/add-member.ts";
import { loadActor } from "../../src/platform/auth/actor.ts";
import type { Engine } from "../../src/platform/db/database.ts";
import { allFeatures, createSeededTestDatabase, testEngines } from "../support/database.ts";
import { demoSeed, realTime } from "../support/demo-seed.ts";
import { PASSWORD } from "../support/fixtures.ts";
import { TestClient } from "../support/http-client.ts";
import { demoFootprint, fill, isPublic, NOT_A_RECORD, PARAM_TABLE, paramKind, recordIds, routesOf, SEGMENT_TABLE, type Route } from "./routes.ts";

/** Pages of a project that a member (no organisation role, project role "member") may not open, and why. */
const MEMBER_REFUSED: Record<string, string> = {
  "/projects/:id/edit": "the project's details are kept by its owner and lead",
  "/committee/cases/:id": "a case before the ethics committee is open to the committee, the FG and the project's owner, not to every member",
  "/api/v1/committee-cases/:id": "the same, in the API",
};

/**
 * Pages whose other path parameter is a plausible value that this project does
 * not have (a DEPIA version it has not made, a step the method does not know):
 * "not found" for the member as for anyone, and so no test of access.
 */
const NOT_IN_THIS_PROJECT: Record<string, string> = {
  "/deliberations/:id/steps/:sectionId": "the method of the deliberation has no step with the test's section id",
  "/projects/:id/depia/versions/:n": "the project has no frozen DEPIA version 1",
  "/api/v1/projects/:id/depia/versions/:n": "the same, in the API",
};

/** A member's answer to a page: 200, or 422 where a rule of the process refuses it (nothing to upgrade, a DEPIA not finished to export). */
const MEMBER_MAY = [200, 422];

type Database = Awaited<ReturnType<typeof createSeededTestDatabase>>;

/** Tables a path parameter points into that belong to a project (they have a project_id column), besides projects itself. */
async function projectTables(db: Database["db"]): Promise<Set<string>> {
  const out = new Set<string>(["projects"]);
  for (const table of new Set([...Object.values(PARAM_TABLE), ...Object.values(SEGMENT_TABLE)])) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await (db as any).selectFrom(table).select("project_id").limit(1).execute();
      out.add(table);
    } catch {
      // no project_id: not a project's record
    }
  }
  return out;
}

/** The demo project with records in the most of those tables, and an id of each of its records. */
async function richestProject(db: Database["db"], organisationId: string, tables: Set<string>) {
  const counts = new Map<string, number>();
  for (const table of tables) {
    if (table === "projects") continue;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows: { project_id: string | null }[] = await (db as any).selectFrom(table).select("project_id").distinct().where("organisation_id", "=", organisationId).execute();
    for (const r of rows) if (r.project_id) counts.set(r.project_id, (counts.get(r.project_id) ?? 0) + 1);
  }
  const projectId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const idOf = await recordIds(db, organisationId);
  const ofProject = new Set<string>(["projects"]);
  idOf.projects = projectId;
  for (const table of tables) {
    if (table === "projects") continue;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const row = await (db as any).selectFrom(table).select("id").where("project_id", "=", projectId).executeTakeFirst();
    if (row) {
      idOf[table] = row.id;
      ofProject.add(table);
    }
  }
  return { projectId, idOf, ofProject };
}

/** The tables a route's path parameters point into (plain values left out); null when one is unknown. */
function tablesOf(path: string): string[] | null {
  const parts = path.split("/");
  const out: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (!part.startsWith(":")) continue;
    const kind = paramKind(parts, i);
    if (!kind) return null;
    if ("table" in kind) out.push(kind.table);
  }
  return out;
}

for (const engine of testEngines as readonly Engine[]) {
  describe(`authorization matrix: project member and non-member [${engine}]`, () => {
    let database: Database;
    let app: ReturnType<typeof createApp>;
    let routes: Route[];
    beforeAll(async () => {
      database = await createSeededTestDatabase(engine, demoSeed, allFeatures);
      app = createApp(realTime(database.deps), allFeatures);
      routes = routesOf(app);
    });
    afterAll(() => database?.dispose());

    it("lets a member open every page of the project and refuses a non-member everything, changing nothing", { timeout: 120_000 }, async () => {
      const { deps, db } = database;
      const organisationId = (await db.selectFrom("organisations").select("id").where("slug", "=", DEMO_ORGANISATION.slug).executeTakeFirstOrThrow()).id;
      const tables = await projectTables(db);
      const { projectId, idOf, ofProject } = await richestProject(db, organisationId, tables);
      const member = await bootstrapUser(deps, { organisation: organisationId, name: "Ilse Teamlid", email: "teamlid@voorbeeldstad.example", password: PASSWORD, roles: [] });
      await bootstrapUser(deps, { organisation: organisationId, name: "Otto Buitenstaander", email: "buitenstaander@voorbeeldstad.example", password: PASSWORD, roles: [] });
      const owner = await db.selectFrom("role_assignments").select("user_id").where("project_id", "=", projectId).where("role", "=", "owner").executeTakeFirstOrThrow();
      await addMember(deps, (await loadActor(db, owner.user_id))!, projectId, { userId: member, role: "member" });

      // The routes about this project: every parameter is the project or one of its records.
      const ofThisProject = routes.filter((r) => {
        if (!r.path.includes(":") || isPublic(r.path) || NOT_A_RECORD.some((p) => p.test(r.path))) return false;
        const t = tablesOf(r.path);
        return t !== null && t.length > 0 && t.every((table) => ofProject.has(table));
      });
      const pages = ofThisProject.filter((r) => r.method === "GET");
      expect(pages.length, "project pages found in the router").toBeGreaterThan(20);
      expect(ofThisProject.length - pages.length, "project writes found in the router").toBeGreaterThan(20);

      const asMember = new TestClient(app);
      await asMember.logIn("teamlid@voorbeeldstad.example", PASSWORD);
      const asOutsider = new TestClient(app);
      await asOutsider.logIn("buitenstaander@voorbeeldstad.example", PASSWORD);
      const call = (client: TestClient, route: Route) => {
        const path = fill(route.path, idOf);
        const bodyless = route.method === "GET" || route.method === "DELETE";
        if (route.path.startsWith("/api/")) return client.api(route.method, path, bodyless ? undefined : {});
        return route.method === "GET" ? client.get(path).then((r) => r.res) : client.post(path, {});
      };

      const wrong: string[] = [];
      for (const page of pages) {
        const res = await call(asMember, page);
        const expected = page.path in MEMBER_REFUSED ? [403, 404] : page.path in NOT_IN_THIS_PROJECT ? [404] : MEMBER_MAY;
        if (!expected.includes(res.status)) wrong.push(`member GET ${page.path} → ${res.status}`);
      }
      const before = await demoFootprint(db, organisationId);
      for (const route of ofThisProject) {
        const res = await call(asOutsider, route);
        if (![403, 404].includes(res.status) && !(route.method !== "GET" && res.status === 400)) wrong.push(`non-member ${route.method} ${route.path} → ${res.status}`);
      }
      if (process.env.FIGURES) console.log(`FIGURES project membership [${engine}]: ${pages.length} pages as member, ${ofThisProject.length} routes as non-member`);
      expect(wrong).toEqual([]);
      expect(await demoFootprint(db, organisationId)).toEqual(before);

      // The lists agree: the member finds the project, the outsider does not.
      const listed = async (client: TestClient) => ((await (await client.api("GET", "/api/v1/projects")).json()) as { items: { id: string }[] }).items.map((p) => p.id);
      expect(await listed(asMember)).toContain(projectId);
      expect(await listed(asOutsider)).not.toContain(projectId);
    });
  });
}
