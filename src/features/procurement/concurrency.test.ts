import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { checklistInstrument, saveChecklist } from "./service.ts";
import { completeAnswers, newContract, procurementSetting } from "./test-helpers.ts";

describeEachEngine("procurement under concurrency", (get) => {
  it("twenty sign-offs at once: one is stored, the others are conflicts; twenty changes on one revision: one lands", async () => {
    const { deps, db } = get();
    const s = await procurementSetting(deps, "tegelijk");
    const id = await newContract(deps, s.actors.lead, s.projectId);
    const instrument = checklistInstrument(deps, { checklist_instrument_id: "procurement-clauses", checklist_instrument_version: "1.0.0" });
    const { revision } = await saveChecklist(deps, s.actors.lead, id, { answers: completeAnswers(instrument) });
    const app = createApp(deps, allFeatures);
    const jurist = new TestClient(app);
    await jurist.logIn(s.users.jurist!.email, PASSWORD);
    await jurist.get("/");

    const statuses = (await Promise.all(Array.from({ length: 20 }, () => jurist.api("POST", `/api/v1/contracts/${id}/sign-offs`, { revision })))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    expect(await db.selectFrom("contract_signoffs").select("id").where("contract_id", "=", id).execute()).toHaveLength(1);
    const signed = await db.selectFrom("audit_events").select("action").where("entity_id", "=", id).where("action", "=", "contract.signed_off").execute();
    expect(signed).toHaveLength(1);

    const lead = new TestClient(app);
    await lead.logIn(s.users.lead!.email, PASSWORD);
    await lead.get("/");
    const changes = await Promise.all(Array.from({ length: 20 }, (_, i) => lead.api("PUT", `/api/v1/contracts/${id}/checklist`, { answers: { liability_clause: `Artikel ${30 + i}` }, expectedRevision: revision })));
    expect(changes.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    const row = await db.selectFrom("contracts").select("revision").where("id", "=", id).executeTakeFirstOrThrow();
    expect(Number(row.revision)).toBe(revision + 1);
    // The change re-opened the jurist's sign-off once.
    expect(await db.selectFrom("audit_events").select("id").where("entity_id", "=", id).where("action", "=", "contract.signoff_reopened").execute()).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === s.org.organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
