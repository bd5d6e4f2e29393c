import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import { createMeeting } from "./meetings.ts";
import { addRecommendation, finaliseAdvice, getAdviceRequest, requestAdvice, respondToRecommendation, saveAdvice } from "./service.ts";
import { makeProject } from "./test-helpers.ts";

describeEachEngine("expert table pages and API", (get) => {
  it("a lead requests advice, a member writes it through the forms (an empty recommendation is refused), the lead answers", async () => {
    const { deps } = get();
    const { organisationId, users } = await organisationWith(deps, "http", { lead: [], member: ["expert_table_member"] });
    const projectId = await makeProject(deps, organisationId, { title: "Chatbot Burgerzaken", roles: [{ userId: users.lead!.id, role: "lead" }] });
    const app = createApp(deps, allFeatures);
    const lead = new TestClient(app);
    await lead.logIn(users.lead!.email, PASSWORD);
    expect((await lead.get("/expert-table/requests/new")).html).toContain("Chatbot Burgerzaken");
    let res = await lead.post("/expert-table/requests", { projectId, question: "" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Er is iets niet goed ingevuld");
    res = await lead.post("/expert-table/requests", { projectId, question: "Wat vindt u van onze chatbot?" });
    expect(res.status).toBe(303);
    const requestPath = res.headers.get("location")!;

    const member = new TestClient(app);
    await member.logIn(users.member!.email, PASSWORD);
    const page = await member.get(requestPath);
    expect(page.html).toContain("Bevindingen per waarde");
    expect(page.html).toContain("Menselijke waardigheid");
    expect(page.html).toContain(`href="/projects/${projectId}/canvas"`);
    res = await member.post(`${requestPath}/recommendations`, { text: "  " });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="#field-text"');
    expect((await member.post(`${requestPath}/advice`, { summary: "Duidelijk doel.", finding_privacy: "Bewaar geen gesprekken." })).status).toBe(303);
    expect((await member.post(`${requestPath}/recommendations`, { text: "Zeg dat het een bot is." })).status).toBe(303);
    expect((await member.post(`${requestPath}/finalise`, {})).status).toBe(303);

    const answer = await lead.get(requestPath);
    expect(answer.html).toContain("Bewaar geen gesprekken.");
    const recId = answer.html.match(/\/expert-table\/recommendations\/([^/]+)\/response/)![1]!;
    res = await lead.post(`/expert-table/recommendations/${recId}/response`, { response_1: "explain", text_1: "" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="#field-text_1"');
    expect((await lead.post(`/expert-table/recommendations/${recId}/response`, { response_1: "comply", text_1: "Staat bovenaan elk gesprek." })).status).toBe(303);
    expect((await member.get(requestPath)).html).toContain("Staat bovenaan elk gesprek.");

    // The API gives the same record, with the same permissions.
    const id = requestPath.split("/").pop()!;
    const api = await lead.api("GET", `/api/v1/advice-requests/${id}`);
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ status: "given", advice: { recommendations: [{ number: 1, response: "comply" }] } });
    const refused = await member.api("PUT", `/api/v1/advice-requests/${id}/advice`, { summary: "x", recommendations: [""] });
    expect(refused.status).toBe(400);
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const path of ["/advice-requests", "/advice-requests/{id}", "/advice-requests/{id}/advice", "/recommendations/{id}/response", "/deliberations", "/deliberations/{id}/escalate", "/committee-cases", "/committee-cases/{id}/board-response", "/committee-cases/{id}/votes"]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });

  it("a meeting is planned and the request put on it; a complied recommendation becomes one measure through the form", async () => {
    const { deps } = get();
    const { organisationId, users } = await organisationWith(deps, "maatregel", { lead: [], member: ["expert_table_member"] });
    const projectId = await makeProject(deps, organisationId, { title: "Slimme lantaarns", roles: [{ userId: users.lead!.id, role: "lead" }] });
    const lead = await users.lead!.actor();
    const member = await users.member!.actor();
    const requestId = await requestAdvice(deps, lead, { projectId, question: "Wat vindt u?" });
    const app = createApp(deps, allFeatures);
    const table = new TestClient(app);
    await table.logIn(users.member!.email, PASSWORD);
    await table.get("/expert-table/meetings");
    expect((await table.post("/expert-table/meetings", { date: "2026-04-15", title: "Experttafel april" })).status).toBe(303);
    const meetingId = (await deps.db.selectFrom("meetings").select("id").where("organisation_id", "=", organisationId).executeTakeFirstOrThrow()).id;
    await table.get(`/expert-table/requests/${requestId}`);
    expect((await table.post(`/expert-table/requests/${requestId}/schedule`, { meetingId })).status).toBe(303);
    expect((await table.get("/expert-table/meetings")).html).toContain("Slimme lantaarns");
    expect(await createMeeting(deps, member, "expert_table", { date: "2026-05-20", title: "Experttafel mei" })).toBeTypeOf("string");

    await saveAdvice(deps, member, requestId, { summary: "Goed plan." });
    await addRecommendation(deps, member, requestId, { text: "Dim de lampen na middernacht." });
    await finaliseAdvice(deps, member, requestId);
    const recId = (await getAdviceRequest(deps, lead, requestId)).advice!.recommendations[0]!.id;
    await respondToRecommendation(deps, lead, recId, { response: "comply", text: "Dat doen we." });
    const client = new TestClient(app);
    await client.logIn(users.lead!.email, PASSWORD);
    await client.get(`/expert-table/requests/${requestId}`);
    const made = await client.post(`/expert-table/recommendations/${recId}/measure`, {});
    expect(made.status).toBe(303);
    expect(made.headers.get("location")).toBe(`/expert-table/requests/${requestId}#recommendations`);
    const again = await client.post(`/expert-table/recommendations/${recId}/measure`, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Van deze aanbeveling is al een maatregel gemaakt.");
    expect(await deps.db.selectFrom("measures").select("source_type").where("source_id", "=", recId).execute()).toEqual([{ source_type: "advice" }]);
  });
});
