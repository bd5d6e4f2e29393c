import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { AppError } from "../../platform/errors.ts";
import { makeProject } from "../expert-table/test-helpers.ts";
import { actionToMeasure, addAction, openDeliberation, saveRecord } from "./service.ts";

describeEachEngine("moral deliberation: decisions under concurrency", (get) => {
  it("twenty escalations at once make one committee case; an action becomes one measure", async () => {
    const { deps, db } = get();
    const org = await organisationWith(deps, "tegelijk", { advisor: ["ethics_advisor"], lead: [] });
    const advisor = await org.users.advisor!.actor();
    const projectId = await makeProject(deps, org.organisationId, { title: "Wijkscan", roles: [{ userId: org.users.lead!.id, role: "lead" }] });
    const id = await openDeliberation(deps, advisor, { title: "Wijkscan", caseDescription: "Mag dit?", method: "deliberation-dilemma", projectId, heldOn: "2026-03-02" });
    await saveRecord(deps, advisor, id, { moralQuestion: "Mag dit?", values: ["privacy"], conclusion: "Dat vraagt om een oordeel." });
    const actionId = await addAction(deps, advisor, id, { title: "Bewaartermijn vastleggen" });

    const lead = await org.users.lead!.actor();
    const made = await Promise.allSettled(Array.from({ length: 20 }, () => actionToMeasure(deps, lead, id, actionId)));
    expect(made.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(made.flatMap((r) => (r.status === "rejected" && r.reason instanceof AppError ? [`${r.reason.code}:${r.reason.messageKey}`] : []))).toEqual(Array(19).fill("conflict:deliberation.measure_exists"));
    expect(await db.selectFrom("measures").select("id").where("source_id", "=", id).execute()).toHaveLength(1);

    const app = createApp(deps, allFeatures);
    const client = new TestClient(app);
    await client.logIn(org.users.advisor!.email, PASSWORD);
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.api("POST", `/api/v1/deliberations/${id}/escalate`)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    const conflict = await answers.find((r) => r.status === 409)!.json();
    expect(conflict).toMatchObject({ code: "conflict" });
    expect(conflict.detail).toMatch(/intussen|meanwhile/i);
    expect(await db.selectFrom("committee_cases").select("id").where("deliberation_id", "=", id).execute()).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === org.organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
