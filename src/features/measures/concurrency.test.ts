import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { addMember, registerProject } from "../projects/service.ts";
import { projectInput } from "../projects/test-helpers.ts";
import { createMeasure, setMeasureStatus, signOffMeasure } from "./service.ts";

async function measureAwaitingSignOff(deps: Deps, slug: string) {
  const org = await organisationWith(deps, slug, { owner: [], lead: [], member: [], privacy: ["privacy_officer"] });
  const projectId = await registerProject(deps, await org.users.lead!.actor(), projectInput(org.users.owner!.id));
  // Actors carry their project roles: read them again after the project exists.
  const lead = await org.users.lead!.actor();
  await addMember(deps, lead, projectId, { userId: org.users.member!.id, role: "member" });
  const member = await org.users.member!.actor();
  const measureId = await createMeasure(deps, lead, { projectId, title: "Bewaartermijn vastleggen", ownerUserId: org.users.member!.id, source: { type: "risk" } });
  expect(await setMeasureStatus(deps, member, measureId, { status: "done", evidence: "Besluit bewaartermijn, 12 maanden" })).toBe("awaiting_signoff");
  return { org, projectId, measureId };
}

describeEachEngine("measures: sign-off under concurrency", (get) => {
  it("twenty clicks at once on the sign-off: one sign-off is stored, the others are told it was confirmed meanwhile", async () => {
    const { deps, db } = get();
    const { org, measureId } = await measureAwaitingSignOff(deps, "bevestigen");
    const app = createApp(deps, allFeatures);
    const privacy = new TestClient(app);
    await privacy.logIn(org.users.privacy!.email, PASSWORD);

    const answers = await Promise.all(Array.from({ length: 20 }, () => privacy.api("POST", `/api/v1/measures/${measureId}/signoff?expectedStatus=awaiting_signoff`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    const conflict = answers.find((r) => r.status === 409)!;
    expect(conflict.headers.get("content-type")).toContain("application/problem+json");
    const problem = await conflict.json();
    expect(problem).toMatchObject({ code: "conflict", status: 409 });
    expect(problem.detail).toMatch(/intussen/);
    expect(problem.detail).toContain("privacy bevestigen");

    const row = await db.selectFrom("measures").select(["status", "signed_off_by"]).where("id", "=", measureId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "done", signed_off_by: org.users.privacy!.id });
    const events = await db.selectFrom("audit_events").select("action").where("entity_id", "=", measureId).where("action", "=", "measure.signed_off").execute();
    expect(events).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === org.organisationId)!;
    expect(chain.broken).toBeNull();
  });

  it("twenty sign-offs at once by different people through the use case: exactly one is stored", async () => {
    const { deps, db } = get();
    const { org, measureId } = await measureAwaitingSignOff(deps, "tegelijk");
    const signers = [await org.users.privacy!.actor(), await org.users.owner!.actor(), await org.users.lead!.actor()];
    // The lead created the measure but did not ask for the sign-off: the lead may confirm too.
    const made = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => signOffMeasure(deps, signers[i % 3]!, measureId, { expectedStatus: "awaiting_signoff" })));
    expect(made.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = made.flatMap((r) => (r.status === "rejected" && r.reason instanceof AppError ? [`${r.reason.code}:${r.reason.messageKey}`] : []));
    expect(refused).toEqual(Array(19).fill("conflict:measures.signed_off_meanwhile"));

    const events = await db.selectFrom("audit_events").select("action").where("entity_id", "=", measureId).where("action", "=", "measure.signed_off").execute();
    expect(events).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === org.organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
