import { expect, it } from "vitest";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import { finishScreening } from "./screening.ts";
import { startDepia, submitDepiaVersion } from "./depia.ts";
import { addRisk } from "./risks.ts";
import { allSections, fillScreening, RISK, setting } from "./test-helpers.ts";

describeEachEngine("assessments pages and API", (get) => {
  it("risk register page: heat map as accessible SVG with a table, refusal of a residual score above the inherent one", async () => {
    const { deps } = get();
    const { projectId, actors, users } = await setting(deps);
    await startDepia(deps, actors.lead, projectId);
    await addRisk(deps, actors.lead, projectId, RISK);
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.lead!.email, PASSWORD);
    const { res, html } = await client.get(`/projects/${projectId}/depia/risks`);
    expect(res.status).toBe(200);
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title id="heatmap-title">/);
    expect(html).toMatch(/<desc id="heatmap-desc">/);
    expect(html).toContain(">R1<");
    expect(html).toContain(">R1′<");
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain("Risico&#39;s op de kaart");

    const bad = await client.post(`/projects/${projectId}/depia/risks`, { ...RISK, values: "privacy", residualLikelihood: "high", residualImpact: "high" });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('href="#field-residualAboveInherentReason"');
    expect(page).toContain("Het restrisico is hoger dan het risico zonder maatregelen.");

    const ok = await client.post(`/projects/${projectId}/depia/risks`, { ...RISK, values: "privacy" });
    expect(ok.status).toBe(303);

    const csv = await client.request(`/projects/${projectId}/depia/action-plan.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 6)]).toEqual([0xef, 0xbb, 0xbf, 0x69, 0x64, 0x3b]);
  });

  it("screening page and API; reviews over the API with segregation of duties; OpenAPI lists the endpoints", async () => {
    const { deps } = get();
    const { projectId, actors, users } = await setting(deps);
    await fillScreening(deps, actors.lead, projectId);
    const lead = new TestClient(createApp(deps, allFeatures));
    await lead.logIn(users.lead!.email, PASSWORD);
    const { html } = await lead.get(`/projects/${projectId}/screening`);
    expect(html).toContain("DEPIA verplicht");
    expect(await lead.post(`/projects/${projectId}/screening/finish`, {}).then((r) => r.status)).toBe(303);
    const screening = await (await lead.api("GET", `/api/v1/projects/${projectId}/screening`)).json();
    expect(screening.current.outcome).toBe("required");

    await startDepia(deps, actors.lead, projectId);
    await submitDepiaVersion(deps, actors.lead, projectId);
    const own = await lead.api("POST", `/api/v1/projects/${projectId}/depia/reviews`, { version: 1, overall: "acceptable", advice: "x", sections: allSections(deps, "acceptable") });
    expect(own.status).toBe(403);

    const fg = new TestClient(createApp(deps, allFeatures));
    await fg.logIn(users.fg!.email, PASSWORD);
    await fg.get(`/projects/${projectId}/depia/versions/1`);
    const given = await fg.api("POST", `/api/v1/projects/${projectId}/depia/reviews`, { version: 1, overall: "acceptable", advice: "Goed", sections: allSections(deps, "acceptable") });
    expect(given.status).toBe(201);
    const depia = await (await fg.api("GET", `/api/v1/projects/${projectId}/depia`)).json();
    expect(depia).toMatchObject({ exists: true, currentVersion: 1, pendingReviewers: ["iso"] });

    const accept = await lead.api("POST", `/api/v1/projects/${projectId}/depia/acceptance`, { statement: "x" });
    expect(accept.status).toBe(403);

    const doc = await (await lead.api("GET", "/api/v1/openapi.json")).json();
    for (const path of ["/projects/{id}/screening", "/projects/{id}/depia/versions", "/projects/{id}/depia/reviews", "/projects/{id}/risks", "/risks/{id}/measure-links", "/projects/{id}/depia/acceptance", "/projects/{id}/depia/ap-consultations", "/projects/{id}/depia/import"]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const pdf = await lead.request(`/projects/${projectId}/depia/export.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
  });

  it("the review form page renders for a reviewer; a verdict through the form on an outdated version is refused", async () => {
    const { deps } = get();
    const { projectId, actors, users } = await setting(deps);
    await fillScreening(deps, actors.lead, projectId);
    await finishScreening(deps, actors.lead, projectId);
    await startDepia(deps, actors.lead, projectId);
    await submitDepiaVersion(deps, actors.lead, projectId);
    await addRisk(deps, actors.lead, projectId, RISK);
    await submitDepiaVersion(deps, actors.lead, projectId);
    const iso = new TestClient(createApp(deps, allFeatures));
    await iso.logIn(users.iso!.email, PASSWORD);
    const { html } = await iso.get(`/projects/${projectId}/depia/versions/2`);
    expect(html).toContain('name="section.c16_risks.verdict"');
    const res = await iso.post(`/projects/${projectId}/depia/reviews`, { version: "1", overall: "acceptable", advice: "x" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Versie 1 is niet meer de nieuwste");
  });
});
