import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import type { Deps } from "../../platform/deps.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { addRisk } from "../assessments/risks.ts";
import { waitForBiasAudit } from "./service.ts";
import { uploadFile, cleanUpAfterEachTest, world } from "./test-fixtures.ts";

const cleanUp = cleanUpAfterEachTest();

async function setup(base: Deps) {
  const d = cleanUp.dataDir(base);
  const w = await world(d.deps);
  const auditor = await w.users.auditor!.actor();
  const { id } = await uploadFile(d.deps, auditor, "g,p\na,1\nb,0\na,0\nb,1\n", { name: "Gelijktijdig", projectId: w.project });
  const client = new TestClient(createApp(d.deps, allFeatures));
  await client.logIn(w.users.auditor!.email, PASSWORD);
  return { deps: d.deps, w, id, client };
}

async function actions(deps: Deps, id: string, action: string): Promise<number> {
  return (await deps.db.selectFrom("audit_events").select("action").where("entity_id", "=", id).where("action", "=", action as never).execute()).length;
}

describeEachEngine("bias audit: decisions under concurrency", (get) => {
  it("twenty starts of one audit at once: one run is queued, the others are told it already runs", async () => {
    const { deps, w, id, client } = await setup(get().deps);
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.api("PUT", `/api/v1/bias-audits/${id}/mapping`, { groups: ["g"], prediction: "p", scan: false })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await answers.find((r) => r.status === 409)!.json()).toMatchObject({ code: "conflict", status: 409 });
    await waitForBiasAudit(id);
    expect(await actions(deps, id, "bias_audit.run_started")).toBe(1);
    expect(await actions(deps, id, "bias_audit.finished")).toBe(1);
    expect((await verifyAllChains(deps.db)).find((r) => r.chain === w.organisationId)!.broken).toBeNull();
  });

  it("twenty links of one audit to one risk at once: one link is stored, the others are told it exists", async () => {
    const { deps, w, id, client } = await setup(get().deps);
    const riskId = await addRisk(deps, await w.users.lead!.actor(), w.project, { category: "privacy", description: "Ongelijke behandeling.", inherentLikelihood: "medium", inherentImpact: "high", inherentJustification: "Wijk." });
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.api("POST", `/api/v1/bias-audits/${id}/risks`, { riskId })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await deps.db.selectFrom("bias_audit_risks").select("risk_id").where("bias_audit_id", "=", id).execute()).toEqual([{ risk_id: riskId }]);
    expect(await actions(deps, id, "bias_audit.risk_linked")).toBe(1);
    expect((await verifyAllChains(deps.db)).find((r) => r.chain === w.organisationId)!.broken).toBeNull();
  });
});
