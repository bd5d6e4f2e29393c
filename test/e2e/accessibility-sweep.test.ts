import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { describeJourney, expectAccessible, journeyEngine, logIn, startApp, type RunningApp } from "./support.ts";

// The accessibility sweep: every page of the demo that a link leads to, as
// people of each line and as a resident, checked with axe-core (WCAG 2.1 AA and
// best practice). A page is checked once per kind of page (ids folded), so the
// sweep stays quick while a new page is found by its link without editing this.
// One person of each line that sees other pages: the project lead (1st line), the ethics adviser
// (2nd), the FG and the IT auditor (3rd), the committee's chair, the administrator.
const PEOPLE = ["projectleider", "ethiek", "fg", "auditor", "voorzitter", "beheerder"];
/** Links that act rather than show, or leave the app's pages. */
const SKIP = [/^\/logout/, /\.(pdf|csv|json|atom|zip)(\?|$)/, /\/api\//, /\/assets\//, /\/organisation\/(logo|theme)/, /\/login\/sso\//, /\/delete$/, /\/withdraw$/, /\/deactivate$/, /\/anonymise$/, /\/export$/, /\/(download|content)$/];
const MAX_PAGES_PER_PERSON = 45;

/** The kind of page: ids (uuids, long hex or numbered parts) folded, query kept by its names only. */
function kind(href: string): string {
  const url = new URL(href, "http://x");
  const path = url.pathname
    .replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/g, "/:id")
    .replace(/\/id-[0-9a-z-]+/g, "/:id")
    .replace(/\/\d+(?=\/|$)/g, "/:n")
    // The steps of a deliberation and the organisation's values are each one page, filled differently.
    .replace(/\/steps\/[^/]+/, "/steps/:step")
    .replace(/^\/admin\/values\/(?!new$)[^/]+/, "/admin/values/:key");
  return `${path}?${[...url.searchParams.keys()].sort().join("&")}`;
}

async function sameSiteLinks(page: Page, base: string): Promise<string[]> {
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.filter((h) => h.startsWith(base)).map((h) => h.slice(base.length).split("#")[0]!).filter((p) => p && !SKIP.some((s) => s.test(p)));
}

describeJourney("accessibility sweep of the demo", (browser) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(journeyEngine("postgres"));
  });
  afterAll(() => app?.close());

  it("every kind of page a link leads to, as each line and as a resident, has no axe violations", async () => {
    const checked = new Set<string>();
    const visits: string[] = [];
    // Each person visits their start page and the pages it links to (their menu and tasks), so
    // what only they see is reached; deeper pages are visited once in the whole sweep.
    const seenDeep = new Set<string>();
    const sweep = async (page: Page, start: string[]) => {
      const queue = start.map((path) => ({ path, depth: 0 }));
      const seenHere = new Set<string>();
      let visited = 0;
      while (queue.length && visited < MAX_PAGES_PER_PERSON) {
        const { path, depth } = queue.shift()!;
        const k = kind(path);
        if (seenHere.has(k) || (depth > 1 && seenDeep.has(k))) continue;
        seenHere.add(k);
        seenDeep.add(k);
        const res = await page.goto(app.baseUrl + path);
        visited++;
        if (!res || res.status() >= 400) continue; // a link to what this person may not open is the matrix's concern
        if (!checked.has(k)) {
          checked.add(k);
          visits.push(path);
          await expectAccessible(page, path);
        }
        for (const link of await sameSiteLinks(page, app.baseUrl)) if (!seenHere.has(kind(link))) queue.push({ path: link, depth: depth + 1 });
      }
    };
    const context = await browser().newContext();
    const page = await context.newPage();
    // A resident: the login page and the committee's published advice, without logging in.
    const published = await app.deps.db.selectFrom("committee_advice").select("id").where("published_at", "is not", null).execute();
    expect(published.length).toBeGreaterThan(0);
    await sweep(page, ["/login", ...published.map((a) => `/openbaar/advies/${a.id}`)]);
    for (const who of PEOPLE) {
      await context.clearCookies();
      await logIn(page, app.baseUrl, `${who}@voorbeeldstad.example`, DEMO_PASSWORD);
      await sweep(page, ["/"]);
    }
    await context.close();
    if (process.env.SWEEP_REPORT || process.env.FIGURES) console.log("FIGURES sweep:", visits.length, "kinds of page checked:", visits.join(" "));
    expect(visits.length).toBeGreaterThan(40);
  }, 600_000);
});
