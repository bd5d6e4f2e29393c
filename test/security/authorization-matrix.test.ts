// The authorization matrix: every route of the app, taken from the router
// itself, so a new route is covered without editing this file.
//
// 1. Another organisation: every route with an id in its path, called by users
//    of another organisation (with each kind of organisation role) with the ids
//    of the demo organisation's records, is refused (403 or 404; 400 only where
//    the request is refused before anything is looked up) and changes nothing.
// 2. Not logged in: every route that is not public sends the browser to the
//    login page (pages) or answers 401 (API) — before it looks at the body.
// 3. The pages without an id, for every role of the design: who may open them
//    is written in one table below (ALLOWED), and the app must agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { DEMO_ORGANISATION } from "../../src/features/demo/people.ts";
import { ORGANISATION_ROLES, type OrganisationRole } from "../../src/domain/permissions/roles.ts";
import type { Engine } from "../../src/platform/db/database.ts";
import { allFeatures, createSeededTestDatabase, testEngines } from "../support/database.ts";
import { demoSeed, realTime } from "../support/demo-seed.ts";
import { organisationWith, PASSWORD } from "../support/fixtures.ts";
import { TestClient } from "../support/http-client.ts";
import { registerProject } from "../../src/features/projects/service.ts";
import { demoFootprint, fill, isPublic, NOT_A_RECORD, recordIds, routesOf, STREAMED, type Route } from "./routes.ts";

/**
 * Who may open the pages and API lists without an id in their path (GET).
 * "*" is everyone logged in; otherwise the organisation roles that may, and
 * "plain" for a logged-in user without an organisation role (a project lead).
 */
const THIRD_LINE = ["cio", "ciso", "fg", "vic", "it_auditor"] as const;
const SECOND_LINE = ["privacy_officer", "iso", "jurist", "ethics_advisor", "expert_table_member"] as const;
const COMMITTEE = ["committee_member", "committee_chair", "committee_secretary", "board_member"] as const;
const ALLOWED: Record<string, "*" | readonly (OrganisationRole | "plain")[]> = {
  // Everyone's own start, account and projects (the lists show what the user may see).
  "/": "*",
  "/account": "*",
  "/projects": "*",
  "/projects/new": "*",
  "/api/v1/me": "*",
  "/api/v1/me/inbox": "*",
  "/api/v1/projects": "*",
  "/api/v1/instruments": "*",
  "/api/v1/values": "*",
  "/expert-table/requests/new": "*",
  "/api/v1/advice-requests": "*",
  "/deliberations": "*",
  "/api/v1/deliberations": "*",
  "/api/v1/committee-cases": "*",
  "/bias-audits": "*",
  "/api/v1/bias-audits": "*",
  "/register": "*",
  "/notifications": "*",
  "/account/notifications": "*",
  "/api/v1/notifications": "*",
  "/api/v1/me/notification-preferences": "*",
  // Managing the application: the administrator only.
  "/admin/users": ["admin"],
  "/admin/users/new": ["admin"],
  "/api/v1/users": ["admin"],
  "/admin/organisation": ["admin"],
  "/admin/retention": ["admin"],
  // Failed background work: the organisation's failed mails (the instance's failed jobs only for an instance administrator).
  "/admin/jobs": ["admin"],
  "/api/v1/admin/background-failures": ["admin"],
  "/api/v1/retention-periods": ["admin"],
  "/admin/values": ["admin"],
  "/admin/values/new": ["admin"],
  "/admin/assessments": ["admin"],
  "/api/v1/assessment-settings": ["admin"],
  "/admin/sso": ["admin"],
  "/admin/sso/new": ["admin"],
  "/admin/register-koppeling": ["admin"],
  "/api/v1/sso/providers": ["admin"],
  "/api/v1/sso/settings": ["admin"],
  // The audit trail: the 3rd line.
  "/audit-log": THIRD_LINE,
  "/api/v1/audit-events": THIRD_LINE,
  "/api/v1/audit-log/checkpoints": THIRD_LINE,
  // A bias audit is started by the 2nd and 3rd line (a project's team starts one from its project).
  "/bias-audits/new": [...SECOND_LINE, ...THIRD_LINE],
  // The expert table and moral deliberation.
  "/expert-table": ["ethics_advisor", "expert_table_member"],
  "/expert-table/meetings": ["ethics_advisor", "expert_table_member"],
  "/deliberations/new": ["ethics_advisor"],
  "/awareness": ["ethics_advisor", "cio", ...COMMITTEE],
  // The ethics committee, with the FG as its adviser; the board puts questions to it.
  "/committee": ["fg", ...COMMITTEE],
  "/committee/meetings": ["fg", ...COMMITTEE],
  "/committee/report": ["fg", ...COMMITTEE],
  "/committee/cases/new": COMMITTEE,
  "/committee/precedents": ["ethics_advisor", "expert_table_member", "fg", ...COMMITTEE],
  "/api/v1/precedents": ["ethics_advisor", "expert_table_member", "fg", ...COMMITTEE],
  // Supplier contracts: each sees the contracts of what they may see; the sign-off rule is the admin's.
  "/contracts": "*",
  "/api/v1/contracts": "*",
  "/admin/procurement": ["admin"],
  "/api/v1/procurement/settings": ["admin"],
  // Audits: planned by the IT-auditor, the VIC and the expert table; the list shows what each may open.
  "/audits": "*",
  "/audits/to-answer": "*",
  "/api/v1/audits": "*",
  "/audits/new": ["vic", "it_auditor", "expert_table_member"],
  // Evidence is added from the record it belongs to (?subject=…&id=…); without one the page is not found for anyone.
  "/evidence/new": [],
  "/evidence/new-link": [],
  "/api/v1/evidence": [],
  // The Algoritmekader across the organisation: the 2nd and 3rd line.
  "/algoritmekader": [...SECOND_LINE, ...THIRD_LINE],
  "/algoritmekader.csv": [...SECOND_LINE, ...THIRD_LINE],
  "/api/v1/algoritmekader/coverage": [...SECOND_LINE, ...THIRD_LINE],
  // AI literacy (Art. 4): recorded by the administrator, the CIO and the ethics advisor; read also by the DPO and the IT auditor.
  // Accountability (issue 15): the dashboard for the 3rd line; the board's report also for the wethouder, the committee's for the committee.
  "/accountability": [...THIRD_LINE],
  "/accountability/reports/board": [...THIRD_LINE, "board_member"],
  "/accountability/reports/board.pdf": [...THIRD_LINE, "board_member"],
  "/accountability/reports/committee": [...THIRD_LINE, "committee_member", "committee_chair", "committee_secretary"],
  "/accountability/reports/committee.pdf": [...THIRD_LINE, "committee_member", "committee_chair", "committee_secretary"],
  "/api/v1/accountability/dashboard": [...THIRD_LINE],
  "/api/v1/accountability/reports/board": [...THIRD_LINE, "board_member"],
  "/api/v1/accountability/reports/board.pdf": [...THIRD_LINE, "board_member"],
  "/api/v1/accountability/reports/committee": [...THIRD_LINE, "committee_member", "committee_chair", "committee_secretary"],
  "/api/v1/accountability/reports/committee.pdf": [...THIRD_LINE, "committee_member", "committee_chair", "committee_secretary"],
  "/ai-literacy": ["admin", "cio", "ethics_advisor", "fg", "it_auditor"],
  "/ai-literacy/people": ["admin", "cio", "ethics_advisor", "fg", "it_auditor"],
  "/api/v1/ai-literacy": ["admin", "cio", "ethics_advisor", "fg", "it_auditor"],
  "/api/v1/ai-literacy/people": ["admin", "cio", "ethics_advisor", "fg", "it_auditor"],
  "/api/v1/ai-literacy/sessions": ["admin", "cio", "ethics_advisor", "fg", "it_auditor"],
  // The organisations of the instance: the instance administrator only, who holds no organisation role for it.
  "/instance/organisations": [],
  "/instance/organisations/new": [],
  "/api/v1/instance/organisations": [],
  // The organisation's service tokens: its administrator.
  "/admin/service-tokens": ["admin"],
  "/api/v1/service-tokens": ["admin"],
  // The organisation's whole record (ZIP): its administrator.
  "/admin/organisation/export": ["admin"],
  "/api/v1/organisation/export": ["admin"],
};

const ROLES: readonly (OrganisationRole | "plain")[] = [...ORGANISATION_ROLES, "plain"];


for (const engine of testEngines as readonly Engine[]) {
  describe(`authorization matrix [${engine}]`, () => {
    let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
    let app: ReturnType<typeof createApp>;
    let routes: Route[];
    beforeAll(async () => {
      database = await createSeededTestDatabase(engine, demoSeed, allFeatures);
      app = createApp(realTime(database.deps), allFeatures);
      routes = routesOf(app);
    });
    afterAll(() => database?.dispose());

    it("takes its routes from the router: pages and API of every feature", () => {
      expect(routes.length).toBeGreaterThan(250);
      expect(routes.some((r) => r.path === "/projects/:id")).toBe(true);
      expect(routes.some((r) => r.path.startsWith("/api/v1/"))).toBe(true);
    });

    it("refuses every route with another organisation's record in its path, for every kind of user there, and changes nothing", { timeout: 300_000 }, async () => {
      const { deps, db } = database;
      const demoOrg = (await db.selectFrom("organisations").select("id").where("slug", "=", DEMO_ORGANISATION.slug).executeTakeFirstOrThrow()).id;
      const idOf = await recordIds(db, demoOrg);
      // Users of another organisation, one for each line (admin never with oversight), and a project lead there.
      const other = await organisationWith(deps, "andersdorp", {
        admin: ["admin"],
        third: ["cio", "ciso", "fg", "vic", "it_auditor"],
        second: ["privacy_officer", "iso", "jurist", "ethics_advisor", "expert_table_member"],
        committee: ["committee_member", "committee_chair", "committee_secretary", "board_member"],
        lead: [],
      });
      await registerProject(deps, await other.users.lead!.actor(), {
        title: "Eigen project",
        goal: "Een doel van de andere gemeente",
        domain: "fysiek",
        technologies: ["sensors"],
        dataCategories: ["none"],
        supplierInvolved: false,
        ownerUserId: other.users.admin!.id,
      });
      const before = await demoFootprint(db, demoOrg);
      const wrong: string[] = [];
      const checked = { requests: 0 };
      for (const key of ["admin", "third", "second", "committee", "lead"]) {
        const client = new TestClient(app);
        await client.logIn(other.users[key]!.email, PASSWORD);
        for (const route of routes) {
          if (!route.path.includes(":") || isPublic(route.path) || NOT_A_RECORD.some((p) => p.test(route.path))) continue;
          const path = fill(route.path, idOf);
          const res = route.path.startsWith("/api/") ? await client.api(route.method, path, route.method === "GET" || route.method === "DELETE" ? undefined : {}) : route.method === "GET" ? (await client.get(path)).res : await client.post(path, {});
          checked.requests++;
          if (![400, 403, 404].includes(res.status)) wrong.push(`${key} ${route.method} ${route.path} → ${res.status}`);
        }
      }
      expect(wrong).toEqual([]);
      if (process.env.FIGURES) console.log(`FIGURES matrix other organisation [${engine}]: ${checked.requests} requests (5 users × routes with an id)`);
      expect(checked.requests).toBeGreaterThan(5 * 150);
      expect(await demoFootprint(db, demoOrg)).toEqual(before);
    });

    it("sends a visitor who is not logged in to the login page, or answers 401, on every route that is not public", async () => {
      const { db } = database;
      const demoOrg = (await db.selectFrom("organisations").select("id").where("slug", "=", DEMO_ORGANISATION.slug).executeTakeFirstOrThrow()).id;
      const idOf = await recordIds(db, demoOrg);
      const before = await demoFootprint(db, demoOrg);
      const visitor = new TestClient(app);
      await visitor.get("/login");
      const wrong: string[] = [];
      for (const route of routes) {
        if (isPublic(route.path)) continue;
        const path = fill(route.path, idOf);
        const res = route.path.startsWith("/api/") ? await visitor.api(route.method, path, route.method === "GET" || route.method === "DELETE" ? undefined : {}) : route.method === "GET" ? (await visitor.get(path)).res : await visitor.post(path, {});
        // A page sends the visitor to log in; a streamed upload is refused at its CSRF check (403) before that.
        const ok = route.path.startsWith("/api/") ? res.status === 401 : (res.status === 303 && (res.headers.get("location") ?? "").startsWith("/login")) || (res.status === 403 && STREAMED.some((p) => p.test(route.path)));
        if (!ok) wrong.push(`${route.method} ${route.path} → ${res.status} ${res.headers.get("location") ?? ""}`);
      }
      expect(wrong).toEqual([]);
      expect(await demoFootprint(db, demoOrg)).toEqual(before);
    }, 300_000);

    it("lets exactly the roles of the table open the pages and lists without an id", { timeout: 300_000 }, async () => {
      const { deps } = database;
      const people: Record<string, OrganisationRole[]> = Object.fromEntries(ROLES.map((r) => [r.replace(/_/g, "-"), r === "plain" ? [] : [r]]));
      const org = await organisationWith(deps, "rollen", people);
      const pages = routes.filter((r) => r.method === "GET" && !r.path.includes(":") && !isPublic(r.path));
      // Every such page is in the table: a new one needs a decision about who may open it.
      expect(pages.map((p) => p.path).filter((p) => !(p in ALLOWED))).toEqual([]);
      const wrong: string[] = [];
      const checked = { pages: 0 };
      for (const role of ROLES) {
        const client = new TestClient(app);
        await client.logIn(org.users[role.replace(/_/g, "-")]!.email, PASSWORD);
        for (const page of pages) {
          const rule = ALLOWED[page.path]!;
          const expected = rule === "*" || rule.includes(role);
          const res = page.path.startsWith("/api/") ? await client.api("GET", page.path) : (await client.get(page.path)).res;
          const allowed = res.status === 200;
          checked.pages++;
          if (allowed !== expected || (!allowed && ![403, 404].includes(res.status))) wrong.push(`${role} GET ${page.path} → ${res.status} (expected ${expected ? "allowed" : "refused"})`);
        }
      }
      expect(wrong).toEqual([]);
      if (process.env.FIGURES) console.log(`FIGURES matrix roles [${engine}]: ${ROLES.length} roles × ${pages.length} pages = ${checked.pages}; routes in the router ${routes.length}`);
      expect(checked.pages).toBe(ROLES.length * pages.length);
    });
  });
}

