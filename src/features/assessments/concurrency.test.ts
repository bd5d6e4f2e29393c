import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { startDepia, submitDepiaVersion } from "./depia.ts";
import { finishScreening } from "./screening.ts";
import { allSections, fillScreening, setting } from "./test-helpers.ts";

describeEachEngine("assessments: decisions under concurrency", (get) => {
  it("twenty clicks at once on the FG's verdict on one DEPIA version: one review is stored, the others are told it was given", async () => {
    const { deps, db } = get();
    const { org, projectId, actors, users } = await setting(deps, "gelijktijdig");
    await fillScreening(deps, actors.lead, projectId);
    await finishScreening(deps, actors.lead, projectId);
    await startDepia(deps, actors.lead, projectId);
    await submitDepiaVersion(deps, actors.lead, projectId, { note: "Ter beoordeling" });
    const fg = new TestClient(createApp(deps, allFeatures));
    await fg.logIn(users.fg!.email, PASSWORD);

    const sections = allSections(deps, "acceptable");
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fg.api("POST", `/api/v1/projects/${projectId}/depia/reviews`, { version: 1, role: "fg", overall: "acceptable", advice: `Akkoord (${i + 1})`, sections })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const conflict = answers.find((r) => r.status === 409)!;
    expect(conflict.headers.get("content-type")).toContain("application/problem+json");
    expect(await conflict.json()).toMatchObject({ code: "conflict", status: 409, detail: "Voor deze rol is er al een oordeel over deze versie." });

    const reviews = await db.selectFrom("depia_reviews").select(["reviewer_role", "version_number"]).where("organisation_id", "=", org.organisationId).execute();
    expect(reviews).toEqual([{ reviewer_role: "fg", version_number: 1 }]);
    const events = await db.selectFrom("audit_events").select("action").where("entity_id", "=", projectId).where("action", "=", "depia.review_given").execute();
    expect(events).toHaveLength(1);
    const chain = (await verifyAllChains(db)).find((r) => r.chain === org.organisationId)!;
    expect(chain.broken).toBeNull();
  });
});
