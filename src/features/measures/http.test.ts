import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { registerProject } from "../projects/service.ts";
import { projectInput } from "../projects/test-helpers.ts";
import { changeMeasure, createMeasure, getMeasure, MEASURE_LIMITS } from "./service.ts";

async function setup(deps: Deps, slug: string) {
  const org = await organisationWith(deps, slug, { owner: [], lead: [] });
  const projectId = await registerProject(deps, await org.users.lead!.actor(), projectInput(org.users.owner!.id));
  const lead = await org.users.lead!.actor(); // now with the project role
  const measureId = await createMeasure(deps, lead, { projectId, title: "Bewoners informeren", source: { type: "manual" } });
  const app = createApp(deps, allFeatures);
  const client = new TestClient(app);
  await client.logIn(org.users.lead!.email, PASSWORD);
  return { org, lead, projectId, measureId, app, client };
}

async function measureEvents(deps: Deps, measureId: string): Promise<string[]> {
  return (await deps.db.selectFrom("audit_events").select("action").where("entity_id", "=", measureId).orderBy("seq").execute()).map((e) => e.action);
}

describeEachEngine("measures over HTTP", (get) => {
  it("a PATCH with a valid title and a refused status change changes nothing", async () => {
    const { deps } = get();
    const { lead, measureId, client } = await setup(deps, "alles-of-niets");

    const refused = await client.api("PATCH", `/api/v1/measures/${measureId}`, { title: "Nieuwe titel", status: "explained" });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(((await refused.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["explanation"]);
    expect((await getMeasure(deps, lead, measureId)).title).toBe("Bewoners informeren");

    // Refused by the use case (no evidence for "done"), after the title was written: rolled back with it.
    const noEvidence = await client.api("PATCH", `/api/v1/measures/${measureId}`, { title: "Nieuwe titel", status: "done" });
    expect(noEvidence.status).toBe(400);
    expect((await getMeasure(deps, lead, measureId))).toMatchObject({ title: "Bewoners informeren", status: "open" });
    await expect(changeMeasure(deps, lead, measureId, { title: "Nieuwe titel", status: "done" })).rejects.toMatchObject({ code: "validation", fieldErrors: [{ field: "evidence", messageKey: "measures.evidence_required" }] });
    expect(await measureEvents(deps, measureId)).toEqual(["measure.created"]);

    // Both parts valid: both stored, in one transaction.
    const both = await client.api("PATCH", `/api/v1/measures/${measureId}`, { title: "Nieuwe titel", dueDate: "2026-06-30", status: "explained", explanation: "Niet meer nodig." });
    expect(both.status).toBe(200);
    expect(await both.json()).toMatchObject({ title: "Nieuwe titel", dueDate: "2026-06-30", status: "explained", explanation: "Niet meer nodig." });
    expect(await measureEvents(deps, measureId)).toEqual(["measure.created", "measure.updated", "measure.status_changed"]);

    // Null clears the due date; what is not sent stays.
    const cleared = await client.api("PATCH", `/api/v1/measures/${measureId}`, { dueDate: null });
    expect(await cleared.json()).toMatchObject({ title: "Nieuwe titel", dueDate: null, status: "explained" });
  });

  it("the limits of the service's schemas show in the 400 and the OpenAPI document", async () => {
    const { deps } = get();
    const { projectId, measureId, client, app } = await setup(deps, "grenzen");
    const tooLong = await client.api("POST", `/api/v1/projects/${projectId}/measures`, { title: "x".repeat(MEASURE_LIMITS.title + 1) });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: "title", code: "field.too_long" })]);
    const patched = await client.api("PATCH", `/api/v1/measures/${measureId}`, { evidence: "x".repeat(MEASURE_LIMITS.evidence + 1), status: "in_progress" });
    expect(patched.status).toBe(400);

    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: { name: string }[] }>> };
    const schemaOf = (path: string, method: string) => JSON.stringify(doc.paths[path]![method]!.requestBody!.content["application/json"]!.schema);
    expect(schemaOf("/projects/{id}/measures", "post")).toContain(`"maxLength":${MEASURE_LIMITS.title}`);
    expect(schemaOf("/measures/{id}", "patch")).toContain(`"maxLength":${MEASURE_LIMITS.explanation}`);
    expect(doc.paths["/measures/{id}/signoff"]!.post!.parameters!.map((p) => p.name)).toContain("expectedStatus");
  });

  it("a sign-off from the page of a measure confirmed meanwhile shows the page again with the conflict", async () => {
    const { deps } = get();
    const org = await organisationWith(deps, "pagina-bevestigen", { owner: [], lead: [], privacy: ["privacy_officer"] });
    const projectId = await registerProject(deps, await org.users.lead!.actor(), projectInput(org.users.owner!.id));
    const lead = await org.users.lead!.actor();
    const measureId = await createMeasure(deps, lead, { projectId, title: "Pentest", ownerUserId: org.users.lead!.id, source: { type: "risk" } });
    await changeMeasure(deps, lead, measureId, { status: "done", evidence: "Rapport" });
    const app = createApp(deps, allFeatures);
    const path = `/projects/${projectId}/measures/${measureId}`;
    const owner = new TestClient(app);
    await owner.logIn(org.users.owner!.email, PASSWORD);
    const page = await owner.get(path);
    expect(page.html).toContain('name="expectedStatus" value="awaiting_signoff"');
    const privacy = new TestClient(app);
    await privacy.logIn(org.users.privacy!.email, PASSWORD);
    await privacy.get(path);
    expect((await privacy.post(`${path}/signoff`, { expectedStatus: "awaiting_signoff" })).status).toBe(303);

    const late = await owner.post(`${path}/signoff`, { expectedStatus: "awaiting_signoff" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("De maatregel is intussen al bevestigd door privacy pagina-bevestigen.");
    await expect(changeMeasure(deps, lead, "bestaat-niet", { title: "x" })).rejects.toBeInstanceOf(AppError);
  });
});
