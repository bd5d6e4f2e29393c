import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { advanceAudit, recordFinding } from "./service.ts";
import { auditWorld, FINDING } from "./test-helpers.ts";

describeEachEngine("audits: decisions under concurrency", (get) => {
  it("twenty responses to one finding store one (one measure); twenty status steps take one", async () => {
    const { deps, db } = get();
    const w = await auditWorld(deps, "drukte");
    const id = await w.audit();
    const app = createApp(deps, allFeatures);
    const auditor = new TestClient(app);
    await auditor.logIn(w.u.auditor!.email, PASSWORD);
    const steps = await Promise.all(Array.from({ length: 20 }, () => auditor.api("POST", `/api/v1/audits/${id}/status`, { to: "fieldwork" })));
    expect(steps.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    expect(await db.selectFrom("audit_status_changes").select("to_status").where("audit_id", "=", id).where("to_status", "=", "fieldwork").execute()).toHaveLength(1);

    const findingId = await recordFinding(deps, w.auditor, id, { ...FINDING, projectId: w.projects.camera });
    const lead = new TestClient(app);
    await lead.logIn(w.u.lead!.email, PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        lead.api("PUT", `/api/v1/audit-findings/${findingId}/response`, i % 2 ? { response: "explain", text: `Uitleg ${i}` } : { response: "agree", text: `Actie ${i}`, ownerUserId: w.u.member!.id, dueDate: "2026-06-30" }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    expect(await answers.find((r) => r.status === 409)!.json()).toMatchObject({ code: "conflict", status: 409 });
    const events = await db.selectFrom("audit_events").select("action").where("entity_id", "=", findingId).where("action", "=", "audit_finding.answered").execute();
    expect(events).toHaveLength(1);
    expect((await db.selectFrom("measures").select("id").where("source_id", "=", findingId).execute()).length).toBeLessThanOrEqual(1);
    expect(await advanceAudit(deps, w.auditor, id, { to: "draft_report" })).toBe("draft_report");
    const chain = (await verifyAllChains(db)).find((r) => r.chain === w.org.organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
