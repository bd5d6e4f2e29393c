import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { rowCounts } from "../../platform/db/tables.ts";
import { checklistInstrument, getContract } from "./service.ts";
import { completeAnswers, CONTRACT, giveAdvice, newContract, procurementSetting } from "./test-helpers.ts";

describeEachEngine("procurement pages and API", (get) => {
  it("the lead records a contract, fills the checklist and answers a point through the forms; the 2nd line signs off; bad input is refused in Dutch", async () => {
    const { deps, db } = get();
    const s = await procurementSetting(deps, "formulier");
    const [rec] = await giveAdvice(deps, s.actors, s.projectId, ["Neem een exitregeling op."]);
    const app = createApp(deps, allFeatures);
    const lead = new TestClient(app);
    await lead.logIn(s.users.lead!.email, PASSWORD);

    const project = await lead.get(`/projects/${s.projectId}`);
    expect(project.html).toContain("Contracten met de leverancier");
    expect(project.html).toContain(`href="/projects/${s.projectId}/contracts/new"`);
    expect((await lead.get(`/projects/${s.projectId}/contracts`)).html).toContain("Er is nog geen contract vastgelegd.");
    await lead.get(`/projects/${s.projectId}/contracts/new`);
    const before = await rowCounts(db, deps.engine);
    let res = await lead.post(`/projects/${s.projectId}/contracts`, { ...CONTRACT, startDate: "2026-06-01", endDate: "2026-05-01" });
    expect(res.status).toBe(400);
    const bad = await res.text();
    expect(bad).toContain('href="#field-endDate"');
    expect(bad).toContain("De einddatum ligt vóór de begindatum.");
    expect(bad).toContain('value="Telbedrijf Noord B.V."');
    expect(await rowCounts(db, deps.engine)).toEqual(before);
    res = await lead.post(`/projects/${s.projectId}/contracts`, { ...CONTRACT, endDate: "" });
    expect(res.status).toBe(303);
    const contractPath = res.headers.get("location")!;
    const id = contractPath.split("/").pop()!;
    expect((await getContract(deps, s.actors.lead, id)).endDate).toBeNull();

    const page = await lead.get(`${contractPath}/checklist`);
    expect(page.html).toContain("Neem een exitregeling op.");
    expect(page.html).toContain("Verwerkersovereenkomst en subverwerkers");
    res = await lead.post(`${contractPath}/checklist`, { expectedRevision: "1", "q.ai_variant": "misschien" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="#field-q-ai_variant"');
    const instrument = checklistInstrument(deps, { checklist_instrument_id: "procurement-clauses", checklist_instrument_version: "1.0.0" });
    const fields = Object.fromEntries(Object.entries(completeAnswers(instrument)).map(([k, v]) => [`q.${k}`, v]));
    // The scope first (the form shows the topics that apply to the stored answers), then the topics.
    expect((await lead.post(`${contractPath}/checklist`, { expectedRevision: "1", "q.ai_variant": "no_ai", "q.processor_role": "none" })).status).toBe(303);
    expect((await lead.post(`${contractPath}/checklist`, { expectedRevision: "2", ...fields })).status).toBe(303);
    expect((await getContract(deps, s.actors.lead, id)).checklist.progress).toBe("complete");
    res = await lead.post(`${contractPath}/points`, { pointKey: `advice:${rec}`, pointIndex: "1", expectedRevision: "3", "point-1-verdict": "not_covered", "point-1-reason": "", "point-1-acceptedByUserId": "" });
    expect(res.status).toBe(400);
    const refused = await res.text();
    expect(refused).toContain('href="#field-point-1-reason"');
    expect(refused).toContain("Leg uit waarom het contract dit niet regelt.");
    res = await lead.post(`${contractPath}/points`, { pointKey: `advice:${rec}`, pointIndex: "1", expectedRevision: "3", "point-1-verdict": "not_covered", "point-1-reason": "De gemeente regelt de exit zelf.", "point-1-acceptedByUserId": s.actors.owner.userId });
    expect([res.status, res.headers.get("location")]).toEqual([303, `${contractPath}/checklist#point-1-card`]);

    // A project member with the jurist role sees why they cannot sign; the jurist outside the project signs.
    const insider = new TestClient(app);
    await insider.logIn(s.users.juristInTeam!.email, PASSWORD);
    const seen = await insider.get(contractPath);
    expect(seen.html).toContain("U heeft een rol in dit project.");
    expect(seen.html).not.toContain(`action="${contractPath}/sign-off"`);
    expect((await insider.post(`${contractPath}/sign-off`, { revision: "4" })).status).toBe(403);
    const jurist = new TestClient(app);
    await jurist.logIn(s.users.jurist!.email, PASSWORD);
    expect((await jurist.get("/")).html).toContain('href="/contracts"');
    expect((await jurist.get("/contracts")).html).toContain(`href="${contractPath}"`);
    expect((await jurist.get(contractPath)).html).toContain(`action="${contractPath}/sign-off"`);
    res = await jurist.post(`${contractPath}/sign-off`, { revision: "3", slot: "jurist", note: "" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Iemand anders heeft dit contract intussen veranderd.");
    expect((await jurist.post(`${contractPath}/sign-off`, { revision: "4", slot: "jurist", note: "In orde." })).status).toBe(303);
    expect((await jurist.get(contractPath)).html).toContain("In orde.");
  });

  it("the API takes the service's own schemas, answers problem+json in Dutch, and lists every operation in the OpenAPI document", async () => {
    const { deps } = get();
    const s = await procurementSetting(deps, "api");
    const app = createApp(deps, allFeatures);
    const lead = new TestClient(app);
    await lead.logIn(s.users.lead!.email, PASSWORD);
    let res = await lead.api("POST", `/api/v1/projects/${s.projectId}/contracts`, { ...CONTRACT, startDate: "2026-06-01", endDate: "2026-01-01" });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ field: "endDate", message: expect.stringMatching(/einddatum/) })]);
    res = await lead.api("POST", `/api/v1/projects/${s.projectId}/contracts`, CONTRACT);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const instrument = checklistInstrument(deps, { checklist_instrument_id: "procurement-clauses", checklist_instrument_version: "1.0.0" });
    res = await lead.api("PUT", `/api/v1/contracts/${id}/checklist`, { answers: completeAnswers(instrument), expectedRevision: 1 });
    expect(await res.json()).toEqual({ revision: 2 });
    const contract = (await (await lead.api("GET", `/api/v1/contracts/${id}`)).json()) as { state: string; checklist: { progress: string }; slots: { slot: string }[] };
    expect(contract).toMatchObject({ state: "ready", checklist: { progress: "complete" }, slots: [{ slot: "jurist" }, { slot: "iso_or_privacy" }] });
    const jurist = new TestClient(app);
    await jurist.logIn(s.users.jurist!.email, PASSWORD);
    await jurist.get("/");
    expect((await jurist.api("POST", `/api/v1/contracts/${id}/sign-offs`, { revision: 2 })).status).toBe(200);
    const member = new TestClient(app);
    await member.logIn(s.users.juristInTeam!.email, PASSWORD);
    await member.get("/");
    res = await member.api("POST", `/api/v1/contracts/${id}/sign-offs`, { revision: 2 });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/rol in dit project/);

    const second = ((await (await lead.api("POST", `/api/v1/projects/${s.projectId}/contracts`, { ...CONTRACT, supplier: "Tweede B.V." })).json()) as { id: string }).id;
    res = await lead.api("DELETE", `/api/v1/contracts/${second}`, {});
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string; message: string }[] }).errors).toEqual([expect.objectContaining({ field: "confirm", message: "Bevestig dat u dit wilt." })]);
    expect((await lead.api("DELETE", `/api/v1/contracts/${second}`, { confirm: true })).status).toBe(204);
    expect((await lead.api("GET", `/api/v1/contracts/${second}`)).status).toBe(404);
    res = await lead.api("DELETE", `/api/v1/contracts/${id}`, { confirm: true });
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([422, "rule_refused"]);
    expect((await lead.api("POST", `/api/v1/contracts/${id}/withdraw`, { confirm: true, reason: "Vervangen." })).status).toBe(204);

    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ["/projects/{projectId}/contracts", "get"],
      ["/projects/{projectId}/contracts", "post"],
      ["/contracts", "get"],
      ["/contracts/{id}", "get"],
      ["/contracts/{id}", "put"],
      ["/contracts/{id}", "delete"],
      ["/contracts/{id}/checklist", "put"],
      ["/contracts/{id}/points", "put"],
      ["/contracts/{id}/supplier-measures", "put"],
      ["/contracts/{id}/sign-offs", "post"],
      ["/contracts/{id}/withdraw", "post"],
      ["/procurement/settings", "put"],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    }
  });

  it("asks for confirmation before deleting or withdrawing, and shows the admin's setting", async () => {
    const { deps } = get();
    const s = await procurementSetting(deps, "bevestig");
    const id = await newContract(deps, s.actors.lead, s.projectId);
    const app = createApp(deps, allFeatures);
    const lead = new TestClient(app);
    await lead.logIn(s.users.lead!.email, PASSWORD);
    const confirm = await lead.get(`/contracts/${id}/delete`);
    expect(confirm.html).toContain("Dit kunt u niet ongedaan maken.");
    expect((await lead.get(`/contracts/${id}/withdraw`)).html).toContain("Waarom trekt u het contract in?");
    let res = await lead.post(`/contracts/${id}/withdraw`, { confirm: "1", expectedRevision: "1", reason: "" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Schrijf op waarom u het contract intrekt.");
    res = await lead.post(`/contracts/${id}/delete`, { confirm: "1", expectedRevision: "1" });
    expect([res.status, res.headers.get("location")]).toEqual([303, `/projects/${s.projectId}/contracts`]);

    const admin = new TestClient(app);
    await admin.logIn(s.users.admin!.email, PASSWORD);
    expect((await admin.get("/admin/procurement")).html).toContain("Wie geeft naast de jurist akkoord?");
    expect((await admin.post("/admin/procurement", { secondSigner: "iso_and_privacy" })).status).toBe(303);
    expect((await lead.get("/admin/procurement")).res.status).toBe(403);
  });
});
