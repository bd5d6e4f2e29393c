import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { auditWorld } from "./test-helpers.ts";

/** A form with repeated fields (checkbox groups), posted as a browser does. */
function postList(client: TestClient, path: string, fields: [string, string][]) {
  const body = new URLSearchParams(fields);
  body.set("_csrf", client.csrf);
  return client.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
}

describeEachEngine("audit pages, report and API", (get) => {
  it("an auditor plans an audit and records a finding through the forms; the lead agrees; the report shows it as HTML and PDF", async () => {
    const { deps } = get();
    const w = await auditWorld(deps, "pages");
    const app = createApp(deps, allFeatures);
    const auditor = new TestClient(app);
    await auditor.logIn(w.u.auditor!.email, PASSWORD);
    expect((await auditor.get("/audits?year=2026")).html).toContain("Algoritmes in de openbare ruimte.");
    const form = await auditor.get("/audits/new?year=2026");
    expect(form.html).toContain("Parkeertelling");
    expect(form.html).toContain("vic pages");
    expect(form.html).not.toContain("jurist pages");

    const base: [string, string][] = [["year", "2026"], ["title", "Werking van de telling"], ["type", "algorithm"], ["projectIds", w.projects.camera], ["projectIds", w.projects.sensors], ["criteriaValues", "privacy"], ["periodFrom", "2026-01-01"], ["auditorIds", w.u.auditor!.id]];
    let res = await postList(auditor, "/audits", [...base, ["periodTo", "2025-12-01"], ["auditorIds", w.u.fg!.id]]);
    expect(res.status).toBe(400);
    let html = await res.text();
    expect(html).toContain("De einddatum van de periode ligt vóór de begindatum");
    expect(html).toContain('href="#field-periodTo"');
    res = await postList(auditor, "/audits", [...base, ["periodTo", "2026-02-01"], ["auditorIds", w.u.fg!.id]]);
    expect(res.status).toBe(400);
    html = await res.text();
    expect(html).toContain("fg pages heeft een rol in het project Slimme containers");
    // What was ticked stays ticked.
    expect(html).toMatch(new RegExp(`value="${w.projects.sensors}"[^>]*checked`));
    res = await postList(auditor, "/audits", [...base, ["periodTo", "2026-02-01"]]);
    expect(res.status).toBe(303);
    const auditPath = res.headers.get("location")!;
    await auditor.get(auditPath);
    expect((await auditor.post(`${auditPath}/status`, { to: "fieldwork" })).status).toBe(303);
    await auditor.get(auditPath);
    res = await auditor.post(`${auditPath}/findings`, { projectId: w.projects.other, title: "x", description: "y", severity: "low" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Dit project hoort niet bij de audit");
    res = await postList(auditor, `${auditPath}/findings`, [["projectId", w.projects.camera], ["title", "Kentekens te lang bewaard"], ["description", "Een week op de scanauto."], ["severity", "critical"], ["values", "privacy"], ["evidenceLinks", "https://intranet.example/a\r\nhttps://intranet.example/b"]]);
    expect(res.status).toBe(303);
    html = (await auditor.get(auditPath)).html;
    expect(html).toContain("Bevinding 1: Kentekens te lang bewaard");
    expect(html).toContain("Kritiek");
    expect(html).toContain('href="https://intranet.example/b"');

    const lead = new TestClient(app);
    await lead.logIn(w.u.lead!.email, PASSWORD);
    expect((await lead.get("/")).html).toContain('href="/audits/to-answer"');
    expect((await lead.get("/audits/to-answer")).html).toContain("Kentekens te lang bewaard");
    const page = await lead.get(auditPath);
    const findingId = page.html.match(/name="finding" value="([^"]+)"/)![1]!;
    res = await lead.post(`${auditPath}/respond`, { finding: findingId, number: "1", response_1: "agree", text_1: "Elke nacht wissen.", owner_1: w.u.member!.id, due_1: "2026-01-15" });
    expect(res.status).toBe(400);
    html = await res.text();
    expect(html).toContain("De datum voor de maatregel ligt in het verleden");
    expect(html).toContain('href="#field-due_1"');
    res = await lead.post(`${auditPath}/respond`, { finding: findingId, number: "1", response_1: "agree", text_1: "Elke nacht wissen.", owner_1: w.u.member!.id, due_1: "2026-04-30" });
    expect(res.status).toBe(303);
    const project = await lead.get(`/projects/${w.projects.camera}`);
    expect(project.html).toContain("Werking van de telling");
    expect(project.html).toContain("Open bevindingen");
    expect((await lead.get(`/projects/${w.projects.camera}/measures`)).html).toContain("Kentekens te lang bewaard");

    const report = await auditor.get(`${auditPath}/report`);
    expect(report.html).toContain("Auditrapport: Werking van de telling");
    expect(report.html).toContain("Elke nacht wissen.");
    const pdf = await auditor.request(`${auditPath}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString("latin1");
    expect(bytes.startsWith("%PDF-1.7")).toBe(true);
    expect(bytes).toContain("/StructTreeRoot");
    expect(bytes).toContain("/Lang (nl-NL)");

    // The API tells the same, and someone outside sees nothing.
    const id = auditPath.split("/").pop()!;
    const api = await lead.api("GET", `/api/v1/audits/${id}`);
    expect(await api.json()).toMatchObject({ status: "fieldwork", findings: [{ number: 1, response: "agree", measure: { status: "open", dueDate: "2026-04-30" } }] });
    const outsider = new TestClient(app);
    await outsider.logIn(w.u.outsider!.email, PASSWORD);
    expect((await outsider.api("GET", `/api/v1/audits/${id}`)).status).toBe(404);
    const bad = await auditor.api("POST", "/api/v1/audits", { year: 2026, title: "x", type: "algorithm", projectIds: [w.projects.camera], criteriaValues: ["privacy"], periodFrom: "2026-02-01", periodTo: "2026-01-01", auditorIds: [w.u.auditor!.id] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: "periodTo", code: "audits.period_end_before_start" }] });
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const path of ["/audits", "/audits/{id}", "/audit-plans/{year}", "/audits/{id}/status", "/audits/{id}/findings", "/audit-findings/{id}/response", "/audits/{id}/bias-audits", "/audits/{id}/report.pdf"]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });

  it("pages through the audit list, 20 at a time", async () => {
    const { deps } = get();
    const w = await auditWorld(deps, "pagina");
    for (let i = 1; i <= 21; i++) await w.audit({ title: `Audit nummer ${String(i).padStart(2, "0")}`, periodFrom: `2026-01-${String(i).padStart(2, "0")}` });
    const app = createApp(deps, allFeatures);
    const auditor = new TestClient(app);
    await auditor.logIn(w.u.auditor!.email, PASSWORD);
    const first = (await auditor.get("/audits?year=2026")).html;
    expect(first).toContain("Audit nummer 20");
    expect(first).not.toContain("Audit nummer 21");
    expect(first).toContain('href="/audits?year=2026&amp;page=2"');
    expect((await auditor.get("/audits?year=2026&page=2")).html).toContain("Audit nummer 21");
    expect((await auditor.get("/audits?year=2025")).html).toContain("Er zijn nog geen audits in dit jaar.");
  });
});
