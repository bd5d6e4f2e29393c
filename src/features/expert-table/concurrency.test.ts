import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { addRecommendation, finaliseAdvice, getAdviceRequest, saveAdvice } from "./service.ts";
import { makeProject } from "./test-helpers.ts";

describeEachEngine("expert table: decisions under concurrency", (get) => {
  it("twenty requests for one project open one; twenty answers to one recommendation store one", async () => {
    const { deps, db } = get();
    const org = await organisationWith(deps, "drukte", { lead: [], member: ["expert_table_member"] });
    const projectId = await makeProject(deps, org.organisationId, { title: "Parkeerapp", roles: [{ userId: org.users.lead!.id, role: "lead" }] });
    const app = createApp(deps, allFeatures);
    const lead = new TestClient(app);
    await lead.logIn(org.users.lead!.email, PASSWORD);

    const requests = await Promise.all(Array.from({ length: 20 }, (_, i) => lead.api("POST", "/api/v1/advice-requests", { projectId, question: `Vraag ${i + 1}` })));
    expect(requests.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    const { id: requestId } = (await requests.find((r) => r.status === 201)!.json()) as { id: string };

    const member = await org.users.member!.actor();
    await saveAdvice(deps, member, requestId, { summary: "Let op bias." });
    await addRecommendation(deps, member, requestId, { text: "Doe een bias-toets." });
    await finaliseAdvice(deps, member, requestId);
    const recId = (await getAdviceRequest(deps, member, requestId)).advice!.recommendations[0]!.id;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => lead.api("PUT", `/api/v1/recommendations/${recId}/response`, { response: i % 2 ? "comply" : "explain", text: `Antwoord ${i + 1}`, expectedResponse: "none" })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([204, ...Array(19).fill(409)]);
    expect(await answers.find((r) => r.status === 409)!.json()).toMatchObject({ code: "conflict", status: 409 });
    const events = await db.selectFrom("audit_events").select("action").where("entity_id", "=", recId).where("action", "=", "expert_recommendation.answered").execute();
    expect(events).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === org.organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
