import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFeatures, createSeededTestDatabase, describeEachEngine, testEngines } from "../../../test/support/database.ts";
import { demoSeed, realTime } from "../../../test/support/demo-seed.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import type { Engine } from "../../platform/db/database.ts";
import { translator } from "../../platform/i18n/index.ts";
import { finishScreening } from "../assessments/screening.ts";
import { fillScreening, setting } from "../assessments/test-helpers.ts";
import { DEMO_PASSWORD } from "../demo/people.ts";
import { inboxOf } from "./inbox.ts";

const words = { t: translator("nl"), lang: "nl" as const };

describeEachEngine("start page inbox (issue 14)", (get) => {
  it("a screening the lead finished waits for the FG: on her start page, with a link to the answers, no verdict pre-selected; gone after her verdict", async () => {
    const { deps } = get();
    const { projectId, actors, users } = await setting(deps, "inbox");
    expect((await inboxOf(deps, actors.fg)).filter((i) => i.href.includes("/screening"))).toEqual([]);
    await fillScreening(deps, actors.lead, projectId);
    await finishScreening(deps, actors.lead, projectId);

    const inbox = await inboxOf(deps, actors.fg);
    const task = inbox.find((i) => i.href === `/projects/${projectId}/screening#screening-fg`);
    expect(task?.what(words)).toBe("De uitkomst van de screening bevestigen of aanpassen");
    expect(task?.project?.title).toBe("Vroegsignalering schulden");
    expect(task?.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The lead who finished it is not asked to confirm it.
    expect((await inboxOf(deps, actors.lead)).some((i) => i.href.endsWith("#screening-fg"))).toBe(false);

    const fg = new TestClient(createApp(deps, allFeatures));
    await fg.logIn(users.fg!.email, PASSWORD);
    const home = (await fg.get("/")).html;
    expect(home).toContain("De uitkomst van de screening bevestigen of aanpassen");
    expect(home).toContain(`href="/projects/${projectId}/screening#screening-fg"`);
    expect(home).toMatch(/class="afw-nav__count"[^>]*>\d+</);
    const api = await (await fg.api("GET", "/api/v1/me/inbox")).json();
    expect(api.items).toContainEqual(expect.objectContaining({ href: `/projects/${projectId}/screening#screening-fg`, what: { nl: "De uitkomst van de screening bevestigen of aanpassen", en: "Confirm or adjust the outcome of the screening" }, overdue: false }));
    const page = (await fg.get(`/projects/${projectId}/screening`)).html;
    expect(page).toContain(`href="/projects/${projectId}/instruments/pre-dpia"`);
    const decision = /<select[^>]*name="decision"[^>]*>([\s\S]*?)<\/select>/.exec(page)![1]!;
    // Only the empty "Maak een keuze" is chosen: neither verdict is pre-set.
    expect(decision).toMatch(/^<option value=""[^>]*>Maak een keuze<\/option>/);
    expect(decision.match(/<option value="[a-z]+"[^>]*selected/g)).toBeNull();
    expect((await fg.get(`/projects/${projectId}/instruments/pre-dpia`)).res.status).toBe(200);

    // No verdict chosen: the form says so and nothing is decided.
    const blank = await fg.post(`/projects/${projectId}/screening/fg`, { decision: "", reason: "" });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain('id="error-summary-title"');
    expect((await inboxOf(deps, actors.fg)).some((i) => i.href.endsWith("#screening-fg"))).toBe(true);
    const done = await fg.post(`/projects/${projectId}/screening/fg`, { decision: "confirmed", reason: "" });
    expect(done.status).toBe(303);
    expect((await inboxOf(deps, actors.fg)).some((i) => i.href.endsWith("#screening-fg"))).toBe(false);
  });

  it("a person with nothing to do reads that nothing waits", async () => {
    const { deps } = get();
    const { users } = await setting(deps, "leeg");
    const admin = new TestClient(createApp(deps, allFeatures));
    await admin.logIn(users.admin!.email, PASSWORD);
    const home = (await admin.get("/")).html;
    expect(home).toContain("Er wacht niets op u.");
    expect(home).not.toContain("afw-nav__count");
  });
});

for (const engine of testEngines as readonly Engine[]) {
  describe(`start page inbox in the demo [${engine}]`, () => {
    let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
    beforeAll(async () => {
      database = await createSeededTestDatabase(engine, demoSeed, allFeatures);
    });
    afterAll(() => database?.dispose());

    it("the alderman sees the board response that is due, with its date, and every link opens for him", async () => {
      const app = createApp(realTime(database.deps), allFeatures);
      const client = new TestClient(app);
      await client.logIn("wethouder@voorbeeldstad.example", DEMO_PASSWORD);
      const home = (await client.get("/")).html;
      expect(home).toMatch(/De reactie van het college geven op het advies over [^<]+<\/a>/);
      expect(home).toMatch(/Uiterlijk \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
      for (const who of ["wethouder", "projectleider", "opdrachtgever", "voorzitter", "fg"]) {
        const c = new TestClient(app);
        await c.logIn(`${who}@voorbeeldstad.example`, DEMO_PASSWORD);
        const html = (await c.get("/")).html;
        const section = html.slice(html.indexOf('id="home-inbox"'), html.indexOf("afw-home-more"));
        for (const [, href] of section.matchAll(/href="([^"#]+)/g)) {
          expect((await c.request(href!.replace(/&amp;/g, "&"))).status, `${who}: ${href}`).toBe(200);
        }
      }
    });
  });
}
