// Two organisations on one instance: the second made through the instance
// administrator's own use case. Every API list and every page without an id,
// walked as the people of each, shows no record of the other (its ids or its
// project titles), and a service token of one sees nothing of the other either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/features/demo/people.ts";
import { addOrganisationAdmin } from "../../src/features/organisations/add-organisation-admin.ts";
import { grantInstanceAdmin } from "../../src/features/organisations/instance-admin.ts";
import { createOrganisation } from "../../src/features/organisations/manage-organisations.ts";
import { registerProject } from "../../src/features/projects/service.ts";
import { createServiceToken } from "../../src/features/service-tokens/service.ts";
import { bootstrapUser } from "../../src/features/admin/bootstrap.ts";
import { loadActor } from "../../src/platform/auth/actor.ts";
import type { Engine } from "../../src/platform/db/database.ts";
import { allFeatures, createSeededTestDatabase, testEngines } from "../support/database.ts";
import { demoSeed, realTime } from "../support/demo-seed.ts";
import { TestClient } from "../support/http-client.ts";
import { isPublic, routesOf } from "./routes.ts";

type Database = Awaited<ReturnType<typeof createSeededTestDatabase>>;
const PASSWORD = "Nieuwland-start-2026";

/** Every id of an organisation's rows, in every table that has an organisation_id. */
async function idsOf(database: Database, organisationId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const table of await database.db.introspection.getTables()) {
    const columns = table.columns.map((c) => c.name);
    if (!columns.includes("organisation_id") || !columns.includes("id")) continue;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = await (database.db as any).selectFrom(table.name).select("id").where("organisation_id", "=", organisationId).execute();
    for (const r of rows as { id: string }[]) ids.add(String(r.id));
  }
  return ids;
}

for (const engine of testEngines as readonly Engine[]) {
  describe(`tenant isolation between two organisations [${engine}]`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await createSeededTestDatabase(engine, demoSeed, allFeatures);
    });
    afterAll(() => database?.dispose());

    it("shows the people of each organisation nothing of the other's records, in API lists, pages and through a service token", async () => {
      const deps = realTime(database.deps);
      const app = createApp(deps, allFeatures);
      const demo = (await database.db.selectFrom("organisations").select("id").where("slug", "=", DEMO_ORGANISATION.slug).executeTakeFirstOrThrow()).id;
      await grantInstanceAdmin(deps, "beheerder@voorbeeldstad.example");
      const root = (await loadActor(database.db, (await database.db.selectFrom("users").select("id").where("email", "=", "beheerder@voorbeeldstad.example").executeTakeFirstOrThrow()).id))!;
      const other = await createOrganisation(deps, root, { name: "Gemeente Nieuwland", slug: "nieuwland", tooiCode: "gm0363" });
      const adminId = await addOrganisationAdmin(deps, root, other, { name: "Noor Nieuw", email: "noor@nieuwland.example", password: PASSWORD });
      const cioId = await bootstrapUser(deps, { organisation: other, name: "Cas Nieuw", email: "cio@nieuwland.example", password: PASSWORD, roles: ["cio", "fg"] });
      const lead = (await loadActor(database.db, await bootstrapUser(deps, { organisation: other, name: "Lies Nieuw", email: "lead@nieuwland.example", password: PASSWORD })))!;
      await registerProject(deps, lead, { title: "Nieuwlandse parkeerscan", goal: "Een doel van Nieuwland", domain: "fysiek", technologies: ["sensors"], dataCategories: ["none"], supplierInvolved: false, ownerUserId: adminId });
      const demoToken = (await createServiceToken(deps, root, { name: "Rapportage", scope: "read", role: "cio", days: 5 })).token;
      const otherToken = (await createServiceToken(deps, (await loadActor(database.db, adminId))!, { name: "Rapportage", scope: "read", role: "cio", days: 5 })).token;

      const idsDemo = await idsOf(database, demo);
      const idsOther = await idsOf(database, other);
      expect(idsOther.size).toBeGreaterThan(10);
      const demoTitles = (await database.db.selectFrom("projects").select("title").where("organisation_id", "=", demo).execute()).map((p) => p.title);
      const routes = routesOf(app).filter((r) => r.method === "GET" && !r.path.includes(":") && !isPublic(r.path));
      const lists = routes.filter((r) => r.path.startsWith("/api/v1/"));
      const pages = routes.filter((r) => !r.path.startsWith("/api/"));
      expect(lists.length).toBeGreaterThan(15);

      const leaks: string[] = [];
      const check = (who: string, path: string, body: string, foreign: Set<string>, titles: string[] = []) => {
        for (const id of foreign) if (body.includes(id)) leaks.push(`${who} ${path}: id ${id}`);
        for (const title of titles) if (body.includes(title)) leaks.push(`${who} ${path}: "${title}"`);
      };
      const walk = async (who: string, email: string, password: string, foreign: Set<string>, titles: string[]) => {
        const client = new TestClient(app);
        await client.logIn(email, password);
        let seen = 0;
        for (const r of lists) {
          const res = await client.api("GET", r.path);
          if (res.status === 200) seen++;
          check(who, r.path, await res.text(), foreign);
        }
        for (const r of pages) check(who, r.path, (await client.get(r.path)).html, foreign, titles);
        return seen;
      };
      for (const email of ["noor@nieuwland.example", "cio@nieuwland.example", "lead@nieuwland.example"]) expect(await walk(email, email, PASSWORD, idsDemo, demoTitles)).toBeGreaterThan(5);
      for (const p of DEMO_PEOPLE.slice(0, 12)) await walk(p.email, p.email, DEMO_PASSWORD, idsOther, ["Nieuwlandse parkeerscan"]);
      for (const [who, token, foreign] of [["demo token", demoToken, idsOther], ["nieuwland token", otherToken, idsDemo]] as const) {
        for (const r of lists) {
          const res = await app.request(r.path, { headers: { authorization: `Bearer ${token}` } });
          check(who, r.path, await res.text(), foreign);
        }
      }
      expect(leaks).toEqual([]);
      expect(cioId).toBeTruthy();
    }, 300_000);
  });
}
