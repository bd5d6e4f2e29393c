import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { registerProject } from "./service.ts";
import { projectInput } from "./test-helpers.ts";

describeEachEngine("projects: decisions under concurrency", (get) => {
  it("twenty owners' clicks at once on one gate: one decision is stored, the others are told it changed", async () => {
    const { deps, db } = get();
    const org = await organisationWith(deps, "gelijktijdig", { owner: [], lead: [] });
    const lead = await org.users.lead!.actor();
    const projectId = await registerProject(deps, lead, projectInput(org.users.owner!.id));
    const app = createApp(deps, allFeatures);
    const owner = new TestClient(app);
    await owner.logIn(org.users.owner!.email, PASSWORD);

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        owner.api("POST", `/api/v1/projects/${projectId}/gate-decisions`, { decision: "stop", rationale: `Poging ${i + 1}`, expectedPhase: "pre_start" }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const conflict = await answers.find((r) => r.status === 409)!.json();
    expect(conflict).toMatchObject({ code: "conflict", status: 409 });
    expect(conflict.detail).toMatch(/intussen|meanwhile/i);

    const decisions = await db.selectFrom("gate_decisions").select("decision").where("project_id", "=", projectId).execute();
    expect(decisions).toEqual([{ decision: "stop" }]);
    const events = await db.selectFrom("audit_events").select("action").where("entity_id", "=", projectId).where("action", "=", "project.gate_decision").execute();
    expect(events).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === org.organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
