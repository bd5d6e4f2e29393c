import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { countStatements } from "../../../test/support/statements.ts";
import { createApp } from "../../app.ts";
import type { Deps } from "../../platform/deps.ts";
import { dashboardFigures } from "./figures.ts";
import { periodicReport, type BoardReport, type CommitteeReport } from "./report.ts";
import { seedKnownOrganisation, testNow } from "./test-helpers.ts";

const PERIOD = { from: "2026-01-01", to: "2026-03-31" };
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function setting(base: Deps, slug: string, extra = 0) {
  const deps: Deps = { ...base, now: testNow };
  const org = await seedKnownOrganisation(deps, slug, extra);
  // Another organisation with the same records: none of them may be counted.
  await seedKnownOrganisation(deps, `${slug}-ander`, 3);
  const actor = (key: string) => org.users[key]!.actor();
  const client = async (key: string) => {
    const c = new TestClient(createApp(deps, allFeatures));
    await c.logIn(org.users[key]!.email, PASSWORD);
    return c;
  };
  return { deps, ...org, actor, client };
}

describeEachEngine("accountability dashboard and reports (issue 15)", (get) => {
  it("counts a seeded organisation's records exactly, and none of another organisation's", { timeout: 60_000 }, async () => {
    const { deps, actor, projects: P } = await setting(get().deps, "telstad");
    const f = await dashboardFigures(deps, await actor("cio"));
    expect(sorted(f.projects)).toEqual(sorted([{ phase: "execution", domain: "sociaal_domein", count: 1 }, { phase: "stopped", domain: "sociaal_domein", count: 1 }, { phase: "pre_start", domain: "fysiek", count: 1 }]));
    expect(sorted(f.gates)).toEqual(sorted([{ phase: "pre_start", decision: "go", count: 1 }, { phase: "start", decision: "adjust", count: 1 }, { phase: "start", decision: "stop", count: 1 }]));
    expect(f.stops).toEqual([expect.objectContaining({ projectId: P.B, rationale: "Te grote inbreuk op de privacy" })]);
    // The latest screening per project; the FG's outcome where the FG overruled.
    expect(sorted(f.screenings)).toEqual(sorted([{ outcome: "required", fg: "confirmed", count: 1 }, { outcome: "recommended", fg: "waiting", count: 1 }, { outcome: "required", fg: "overruled", count: 1 }]));
    // Verdicts on the latest DEPIA version only: A's v2 has none yet and waits for the FG.
    expect(sorted(f.depiaReviews)).toEqual(sorted([{ role: "fg", overall: "to_correct", count: 1 }, { role: "iso", overall: "improvable", count: 1 }]));
    expect(f.waitingReviews).toEqual([expect.objectContaining({ projectId: P.A, version: 2 })]);
    expect(f.counters).toMatchObject({
      measures_open: 3, measures_overdue: 1, measures_awaiting_signoff: 1, measures_done: 1, measures_explained: 1,
      depia_waiting_review: 1, contracts_awaiting_signoff: 0,
      advice_draft: 1, advice_adopted: 2, advice_published: 1, board_follow: 0, board_deviate: 1, board_overdue: 1,
      register_published: 1, register_unpublished: 1, register_retracted: 0, register_revision_overdue: 1,
      findings_open: 1, stops: 1,
    });
    expect(f.overdueMeasures.map((m) => m.title)).toEqual(["Maatregel m1"]);
    expect(f.audits).toEqual([{ key: "final", count: 1 }]);
    expect(sorted(f.findings)).toEqual(sorted([{ severity: "high", state: "unanswered", count: 1 }, { severity: "medium", state: "closed", count: 1 }, { severity: "low", state: "explained", count: 1 }]));
    expect(f.openFindings.map((x) => x.number)).toEqual([1]);
    expect(sorted(f.biasAudits)).toEqual(sorted([{ status: "done", count: 2, withDifferences: 1 }, { status: "failed", count: 1, withDifferences: 0 }]));
    expect(sorted(f.biasFound.map((b) => [b.name, b.significant, b.tests]))).toEqual([["Bias b1", 1, 4], ["Bias b2", 0, 3]]);
    expect(f.deviations).toEqual([expect.objectContaining({ reasons: "Wettelijke taak gaat voor", published: true })]);
    expect(f.revisionOverdue).toEqual([expect.objectContaining({ projectId: P.A, revisionDate: "2026-05-01" })]);
    // Risk 1 sits at its residual position, risk 2 (not yet scored after measures) at its inherent one; risk 2 counts for both its values.
    expect(sorted(f.heatMap.map((h) => [h.valueKey, h.likelihood, h.impact, h.count]))).toEqual(sorted([["privacy", "low", "medium", 1], ["privacy", "medium", "high", 1], ["gelijkheid", "medium", "high", 1]]));
    expect(f.trendFrom).toBe("2024-07-01");
    const trend = (kind: string) => sorted(f.trends.filter((x) => x.kind === kind).map((x) => [x.year, x.quarter, x.count]));
    expect(trend("projects_started")).toEqual([[2025, 4, 1], [2026, 1, 2]]);
    expect(trend("gate_decisions")).toEqual([[2025, 4, 1], [2026, 1, 2]]);
    expect(trend("stops")).toEqual([[2026, 1, 1]]);
    expect(trend("measures_done")).toEqual([[2026, 1, 1]]);
    expect(trend("findings")).toEqual([[2026, 1, 3]]);
    expect(trend("advice_adopted")).toEqual([[2026, 1, 2]]);
    expect(trend("published")).toEqual([[2026, 1, 1]]);
  });

  it("the board's report and the committee's report for a period hold exactly that period's records", { timeout: 60_000 }, async () => {
    const { deps, actor, projects: P } = await setting(get().deps, "periode");
    const board = (await periodicReport(deps, await actor("wethouder"), "board", PERIOD)) as BoardReport;
    expect(board.started.map((p) => p.id)).toEqual([P.B, P.C]);
    expect(board.decisions).toEqual({ go: 0, adjust: 1, stop: 1 });
    expect(board.changes.map((g) => [g.projectId, g.decision, g.rationale])).toEqual([[P.A, "adjust", "Eerst de bias-audit herhalen"], [P.B, "stop", "Te grote inbreuk op de privacy"]]);
    expect(board.advice.map((a) => [a.title, a.decision, a.reasons])).toEqual([["Zaak k1", "deviate", "Wettelijke taak gaat voor"], ["Zaak k2", null, null]]);
    expect(board.recommendations).toEqual({ comply: 1, explain: 1 });
    expect(board.audits.map((a) => a.title)).toEqual(["Audit toeslagen"]);
    expect(board.findingsBySeverity).toEqual({ high: 1, medium: 1, low: 1 });
    expect(board.publications.map((x) => [x.kind, x.title])).toEqual([["advice", "Zaak k1"], ["register", "Register e1"]]);
    expect(board.lessons.map((l) => l.text)).toEqual(["Betrek bewoners eerder"]);
    expect(board.evaluations).toEqual({ total: 2, needsAttention: 1 });

    const committee = (await periodicReport(deps, await actor("commissie"), "committee", PERIOD)) as CommitteeReport;
    expect(committee.gates.map((g) => g.decision)).toEqual(["adjust", "stop"]);
    expect(committee.answers.map((a) => [a.source, a.answer, a.subject])).toEqual([
      ["recommendation", "comply", "Aanbeveling 1"],
      ["recommendation", "explain", "Aanbeveling 2"],
      ["board", "explain", "Zaak k1"],
      ["finding", "comply", "Bevinding 2"],
      ["finding", "explain", "Bevinding 3"],
    ]);
    expect(committee.deliberations.map((d) => [d.title, d.conclusion])).toEqual([["Beraad gegevensdeling", "Alleen met toestemming"]]);
  });

  it("who may open what: the dashboard for the 3rd line, the board's report also for the wethouder, the committee's also for the committee", { timeout: 60_000 }, async () => {
    const { deps, actor } = await setting(get().deps, "rollen");
    for (const key of ["cio", "fg"]) expect(await codeOf(dashboardFigures(deps, await actor(key)))).toBe("no error");
    for (const key of ["wethouder", "commissie", "lead", "privacy"]) expect(await codeOf(dashboardFigures(deps, await actor(key))), key).toBe("forbidden:error.forbidden");
    const may = async (key: string, kind: "board" | "committee") => (await codeOf(periodicReport(deps, await actor(key), kind, PERIOD))) === "no error";
    expect(await Promise.all(["cio", "fg", "wethouder", "commissie", "lead", "privacy"].map((k) => may(k, "board")))).toEqual([true, true, true, false, false, false]);
    expect(await Promise.all(["cio", "fg", "wethouder", "commissie", "lead", "privacy"].map((k) => may(k, "committee")))).toEqual([true, true, false, true, false, false]);
  });

  it("a period that ends before it starts is refused with a clear message; a date that is not one too", { timeout: 60_000 }, async () => {
    const { deps, actor, client } = await setting(get().deps, "datum");
    const cio = await actor("cio");
    expect(await codeOf(periodicReport(deps, cio, "board", { from: "2026-03-01", to: "2026-01-31" }))).toBe("validation:accountability.period_order");
    expect(await codeOf(periodicReport(deps, cio, "board", { from: "2026-02-30", to: "2026-03-01" }))).toBe("validation:field.date");
    expect(await codeOf(periodicReport(deps, cio, "committee", { from: "2026-03-01", to: "2026-03-01" }))).toBe("no error");
    const c = await client("cio");
    const page = await c.get("/accountability/reports/board?from=2026-03-01&to=2026-01-31");
    expect(page.res.status).toBe(400);
    expect(page.html).toContain("De einddatum ligt vóór de begindatum.");
    const api = await c.api("GET", "/api/v1/accountability/reports/committee?from=2026-03-01&to=2026-01-31");
    expect(api.status).toBe(400);
    expect(JSON.stringify(await api.json())).toContain("to");
  });

  it("pages, API and a tagged PDF; links only to pages the reader may open", { timeout: 90_000 }, async () => {
    const { client, projects: P, p } = await setting(get().deps, "pagina");
    const cio = await client("cio");
    const page = (await cio.get("/accountability")).html;
    expect(page).toContain(`href="/projects/${P.A}/measures"`);
    expect(page).toContain(`href="/audits/${p("audit")}"`);
    expect(page).toContain(`href="/projects/${P.A}/depia"`);
    // The CIO may not open committee cases: the published advice's public page instead.
    expect(page).not.toContain("/committee/cases/");
    expect(page).toContain(`href="/openbaar/advies/${p("a1")}"`);
    expect(page).toContain("1 (laag)");
    const fg = await client("fg");
    expect((await fg.get("/accountability")).html).toContain(`href="/committee/cases/${p("k1")}"`);

    const api = await cio.api("GET", "/api/v1/accountability/dashboard");
    expect(api.status).toBe(200);
    expect((await api.json()).counters.measures_overdue).toBe(1);
    const report = await cio.api("GET", `/api/v1/accountability/reports/board?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect((await report.json()).decisions).toEqual({ go: 0, adjust: 1, stop: 1 });

    const wethouder = await client("wethouder");
    expect((await wethouder.request("/accountability")).status).toBe(403);
    const html = (await wethouder.get(`/accountability/reports/board?from=${PERIOD.from}&to=${PERIOD.to}`)).html;
    expect(html).toContain("Te grote inbreuk op de privacy");
    expect(html).toContain('role="img"');
    expect(html).toContain("1 januari 2026");
    // The wethouder may not open projects: their titles are text, not links.
    expect(html).not.toContain(`href="/projects/${P.B}"`);
    const pdf = await wethouder.request(`/accountability/reports/board.pdf?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString("latin1");
    expect(bytes).toContain("/StructTreeRoot");
    expect(bytes).toContain("/Figure");
    expect((await wethouder.request(`/accountability/reports/committee.pdf?from=${PERIOD.from}&to=${PERIOD.to}`)).status).toBe(403);

    const spec = await (await cio.request("/api/v1/openapi.json")).json();
    for (const path of ["/accountability/dashboard", "/accountability/reports/board", "/accountability/reports/committee", "/accountability/reports/board.pdf"]) expect(Object.keys(spec.paths)).toContain(path);
  });

  it("the same number of statements at 10 and at 200 projects", { timeout: 240_000 }, async () => {
    const base = get().deps;
    const cost = async (slug: string, extra: number) => {
      const { deps, actor, client } = await setting(base, slug, extra);
      const cio = await actor("cio");
      const c = await client("cio");
      const counts: Record<string, number> = {};
      counts.figures = (await countStatements(() => dashboardFigures(deps, cio))).count;
      counts.board = (await countStatements(() => periodicReport(deps, cio, "board", PERIOD))).count;
      counts.committee = (await countStatements(() => periodicReport(deps, cio, "committee", PERIOD))).count;
      counts.page = (await countStatements(async () => expect((await c.request("/accountability")).status).toBe(200))).count;
      return counts;
    };
    const small = await cost("tien", 7);
    const large = await cost("tweehonderd", 197);
    expect(large).toEqual(small);
    expect(small.figures).toBeLessThan(25);
  });
});
