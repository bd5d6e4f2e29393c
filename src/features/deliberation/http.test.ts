import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";

describeEachEngine("moral deliberation pages and API", (get) => {
  it("opens a session, saves a step with a table through the form, and escalates", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "praat", { advisor: ["ethics_advisor"], chair: ["committee_chair"] });
    const app = createApp(deps, allFeatures);
    const advisor = new TestClient(app);
    await advisor.logIn(users.advisor!.email, PASSWORD);
    await advisor.get("/deliberations/new");
    let res = await advisor.post("/deliberations", { title: "Datadeling", caseDescription: "Casus", method: "deliberation-utrecht", projectId: "", heldOn: "2026-03-02" });
    expect(res.status).toBe(303);
    const path = res.headers.get("location")!;
    const step = await advisor.get(`${path}/steps/step_3_affected`);
    expect(step.html).toContain("Betrokkene");
    res = await advisor.post(`${path}/steps/step_3_affected`, { affected__0__party: "Inwoners", affected__0__stake: "Privacy", affected__1__party: "", affected__1__stake: "", _next: "step_4_arguments" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${path}/steps/step_4_arguments`);
    expect((await advisor.post(`${path}/steps/bestaat_niet`, { x: "y" })).status).toBe(404);
    const id = path.split("/").pop()!;
    const api = (await (await advisor.api("GET", `/api/v1/deliberations/${id}`)).json()) as { steps: { sectionId: string; answers: unknown; status: string }[] };
    expect(api.steps.find((s) => s.sectionId === "step_3_affected")).toMatchObject({ answers: { affected: [{ party: "Inwoners", stake: "Privacy" }] }, status: "complete" });
    expect((await advisor.api("PUT", `/api/v1/deliberations/${id}/steps/step_2_options`, { options: 3 })).status).toBe(400);
    expect((await advisor.post(`${path}/record`, { moralQuestion: "Mogen we delen?", values: "privacy", conclusion: "Nee, tenzij." })).status).toBe(303);
    res = await advisor.post(`${path}/escalate`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/committee\/cases\//);
    expect((await advisor.get("/awareness")).html).toContain("Bewustwording");
  });

  it("a participant is removed again and awareness is recorded with people ticked in the form", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "deelnemers", { advisor: ["ethics_advisor"], colleague: [] });
    const app = createApp(deps, allFeatures);
    const advisor = new TestClient(app);
    await advisor.logIn(users.advisor!.email, PASSWORD);
    await advisor.get("/deliberations/new");
    const opened = await advisor.post("/deliberations", { title: "Sensoren", caseDescription: "Casus", method: "deliberation-socratic", projectId: "", heldOn: "2026-03-02" });
    const path = opened.headers.get("location")!;
    await advisor.get(path);
    expect((await advisor.post(`${path}/participants`, { name: "Gast", role: "participant", userId: "" })).status).toBe(303);
    const pid = (await advisor.get(path)).html.match(/\/participants\/([^/]+)\/remove/)![1]!;
    expect((await advisor.post(`${path}/participants/${pid}/remove`, {})).status).toBe(303);
    expect((await advisor.get(path)).html).not.toContain("Gast —");
    await advisor.get("/awareness");
    expect((await advisor.post("/awareness", { kind: "training", date: "2026-02-01", topic: "Data-ethiek", participantNames: "", participantUserIds: users.colleague!.id })).status).toBe(303);
    expect((await advisor.get("/awareness?year=2026")).html).toContain("colleague deelnemers");
  });
});
