import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { castVote, createCase, saveCommitteeAdvice } from "./service.ts";

describeEachEngine("ethics committee: decisions under concurrency", (get) => {
  it("twenty clicks at once of one member on the vote: one vote is stored, the others are told it changed meanwhile", async () => {
    const { deps, db } = get();
    const org = await organisationWith(deps, "stemmen", { chair: ["committee_chair", "committee_member"], member: ["committee_member"], board: ["board_member"] });
    const caseId = await createCase(deps, await org.users.board!.actor(), { title: "Camera's", question: "Mag dit?", origin: "board" });
    const adviceId = await saveCommitteeAdvice(deps, await org.users.chair!.actor(), caseId, { text: "Tel alleen, bewaar geen beelden." });
    const app = createApp(deps, allFeatures);
    const member = new TestClient(app);
    await member.logIn(org.users.member!.email, PASSWORD);

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => member.api("POST", `/api/v1/committee-cases/${caseId}/votes`, { vote: i % 2 ? "for" : "against", expectedVote: "none" })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const conflict = await answers.find((r) => r.status === 409)!.json();
    expect(conflict).toMatchObject({ code: "conflict", status: 409 });
    expect(conflict.detail).toMatch(/intussen|meanwhile/i);

    const votes = await db.selectFrom("committee_votes").select("vote").where("advice_id", "=", adviceId).execute();
    expect(votes).toHaveLength(1);
    const events = await db.selectFrom("audit_events").select("action").where("entity_id", "=", adviceId).where("action", "=", "committee_advice.voted").execute();
    expect(events).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === org.organisationId)!;
    expect(chain.broken).toBeNull();
  });

  it("twenty adoptions, board responses and publications at once: each is decided once, the others are conflicts", async () => {
    const { deps, db } = get();
    const org = await organisationWith(deps, "vaststellen", { chair: ["committee_chair", "committee_member"], board: ["board_member"] });
    const chairActor = await org.users.chair!.actor();
    const caseId = await createCase(deps, await org.users.board!.actor(), { title: "Sensoren", question: "Mag dit?", origin: "board" });
    const adviceId = await saveCommitteeAdvice(deps, chairActor, caseId, { text: "Alleen met een bord bij de ingang." });
    await castVote(deps, chairActor, caseId, { vote: "for" });
    const app = createApp(deps, allFeatures);
    const chair = new TestClient(app);
    await chair.logIn(org.users.chair!.email, PASSWORD);
    const board = new TestClient(app);
    await board.logIn(org.users.board!.email, PASSWORD);
    const twenty = (send: () => Promise<Response>) => Promise.all(Array.from({ length: 20 }, send)).then((rs) => rs.map((r) => r.status).sort());

    expect(await twenty(() => chair.api("POST", `/api/v1/committee-cases/${caseId}/adopt`))).toEqual([204, ...Array(19).fill(409)]);
    expect(await twenty(() => chair.api("PUT", `/api/v1/committee-cases/${caseId}/publication`, { publication: "public", publish: true }))).toEqual([204, ...Array(19).fill(409)]);
    expect(await twenty(() => board.api("POST", `/api/v1/committee-cases/${caseId}/board-response`, { decision: "follow" }))).toEqual([204, ...Array(19).fill(409)]);

    const actions = (await db.selectFrom("audit_events").select("action").where("entity_id", "=", adviceId).execute()).map((e) => e.action);
    for (const action of ["committee_advice.adopted", "committee_advice.published", "committee_advice.board_responded"]) expect(actions.filter((a) => a === action), action).toHaveLength(1);
    expect(await db.selectFrom("board_responses").select("id").where("advice_id", "=", adviceId).execute()).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === org.organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
