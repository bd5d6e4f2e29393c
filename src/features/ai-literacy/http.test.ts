import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";

/** A form post with repeated fields (ticked checkboxes), as a browser sends it. */
function postForm(client: TestClient, path: string, fields: [string, string][]) {
  const body = new URLSearchParams([...fields, ["_csrf", client.csrf]]);
  return client.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
}

describeEachEngine("AI literacy pages and API", (get) => {
  it("the CIO adds a training and records a session through the forms; the start page shows the figure", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "leren", { cio: ["cio"], fg: ["fg"], member: [] });
    const app = createApp(deps, allFeatures);
    const cio = new TestClient(app);
    await cio.logIn(users.cio!.email, PASSWORD);
    let page = await cio.get("/ai-literacy");
    expect(page.html).toContain("Er zijn nog geen trainingen vastgelegd");
    let res = await postForm(cio, "/ai-literacy/trainings", [["title", "Basistraining AI"], ["description", ""], ["validityMonths", "0"], ["audience", "cio"]]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Kies een aantal maanden van 1 tot en met 120.");
    res = await postForm(cio, "/ai-literacy/trainings", [["title", "Basistraining AI"], ["description", ""], ["validityMonths", "24"], ["audience", "cio"], ["audience", "fg"]]);
    expect(res.status).toBe(303);
    page = await cio.get("/ai-literacy");
    expect(page.html).toContain("0 van de 2 mensen die met AI werken");
    const trainingId = page.html.match(/<option value="([^"]+)">Basistraining AI<\/option>/)![1]!;
    res = await postForm(cio, "/ai-literacy/sessions", [["trainingId", trainingId], ["date", "2026-02-10"], ["participantUserIds", users.cio!.id], ["participantNames", "Gast"]]);
    expect(res.status).toBe(303);
    page = await cio.get("/ai-literacy");
    expect(page.html).toContain("1 van de 2 mensen die met AI werken");
    expect(page.html).toContain("10 februari 2028");
    const people = await cio.get("/ai-literacy/people");
    expect(people.html).toContain("Basistraining AI: geldig tot 10 februari 2028");
    expect(people.html).toContain("Basistraining AI: nog niet gevolgd");
    expect((await cio.get("/")).html).toContain("1 van de 2 mensen die met AI werken hebben alle trainingen die zij nodig hebben (50%).");

    const api = (await (await cio.api("GET", "/api/v1/ai-literacy")).json()) as { total: unknown };
    expect(api.total).toEqual({ people: 2, covered: 1, expiringSoon: 0 });
    expect((await cio.api("POST", "/api/v1/ai-literacy/trainings", { title: "X", validityMonths: 500, audience: ["cio"] })).status).toBe(400);
    expect((await cio.api("POST", "/api/v1/ai-literacy/sessions", { trainingId, date: "2026-02-11", participantUserIds: [users.member!.id] })).status).toBe(201);
    const openapi = (await (await cio.request("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/ai-literacy", "/ai-literacy/people", "/ai-literacy/sessions", "/ai-literacy/trainings", "/ai-literacy/trainings/{id}"]));

    // The DPO reads but does not record; a project member does neither, and sees no figure.
    const fg = new TestClient(app);
    await fg.logIn(users.fg!.email, PASSWORD);
    expect((await fg.get("/ai-literacy")).html).not.toContain("Training vastleggen");
    expect((await postForm(fg, "/ai-literacy/trainings", [["title", "X"], ["validityMonths", "1"], ["audience", "cio"]])).status).toBe(403);
    const member = new TestClient(app);
    await member.logIn(users.member!.email, PASSWORD);
    expect((await member.get("/ai-literacy")).res.status).toBe(403);
    expect((await member.get("/")).html).not.toContain("mensen die met AI werken");
  });
});
