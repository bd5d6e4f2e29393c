import { expect, it } from "vitest";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import { startDepia } from "./depia.ts";
import { addRisk } from "./risks.ts";
import { RISK, setting } from "./test-helpers.ts";

// A measure refers only to records of its own project: a risk or a source of
// another organisation, of another project, or that does not exist is refused.
describeEachEngine("a measure's references", (get) => {
  it("refuses risk and source ids that are not the project's own, and stores nothing", async () => {
    const { deps, db } = get();
    const a = await setting(deps, "eigen");
    const b = await setting(deps, "ander");
    await startDepia(deps, a.actors.lead, a.projectId);
    await startDepia(deps, b.actors.lead, b.projectId);
    const ownRisk = await addRisk(deps, a.actors.lead, a.projectId, RISK);
    const foreignRisk = await addRisk(deps, b.actors.lead, b.projectId, RISK);

    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(a.users.lead!.email, PASSWORD);
    const post = (body: Record<string, unknown>) => client.api("POST", `/api/v1/projects/${a.projectId}/measures`, { title: "Toegang beperken", ...body });
    const measures = async () => (await db.selectFrom("measures").select("id").execute()).length;
    const before = await measures();

    for (const body of [{ riskIds: [foreignRisk] }, { riskIds: [ownRisk, "bestaat-niet"] }]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const problem = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(problem.errors).toEqual([expect.objectContaining({ field: "riskIds", message: expect.stringContaining("hoort niet bij dit project") })]);
    }
    for (const source of [{ type: "risk", id: foreignRisk }, { type: "advice", id: "bestaat-niet" }, { type: "manual", id: ownRisk }]) {
      const res = await post({ source });
      expect(res.status, JSON.stringify(source)).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["source.id"]);
    }
    expect(await measures()).toBe(before);

    const ok = await post({ riskIds: [ownRisk], source: { type: "risk", id: ownRisk } });
    expect(ok.status).toBe(201);
    expect(await measures()).toBe(before + 1);
  });
});
