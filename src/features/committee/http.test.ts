import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import { makeProject } from "../expert-table/test-helpers.ts";

describeEachEngine("ethics committee pages, API and the public page", (get) => {
  it("runs a case over HTTP; refuses what the rules refuse; the public page needs no login", async () => {
    const { deps } = get();
    const { organisationId, users } = await organisationWith(deps, "web", { chair: ["committee_chair", "committee_member"], involved: ["committee_member"], secretary: ["committee_secretary"], board: ["board_member"], owner: [] });
    const projectId = await makeProject(deps, organisationId, { title: "Slimme lantaarnpalen", roles: [{ userId: users.owner!.id, role: "owner" }, { userId: users.involved!.id, role: "member" }] });
    const app = createApp(deps, allFeatures);
    const secretary = new TestClient(app);
    await secretary.logIn(users.secretary!.email, PASSWORD);
    await secretary.get("/committee/cases/new");
    let res = await secretary.post("/committee/cases", { title: "Lantaarnpalen met sensoren", question: "Mogen de palen geluid meten?", origin: "project", projectId, values: "privacy", technologies: "sensoren", responseWeeks: "6" });
    expect(res.status).toBe(303);
    const casePath = res.headers.get("location")!;
    const caseId = casePath.split("/").pop()!;
    const page = await secretary.get(casePath);
    expect(page.html).toContain("Wie doet niet mee");
    expect(page.html).toContain("involved web");
    expect(page.html).toContain("Vergelijkbare eerdere zaken");
    expect((await secretary.post(`${casePath}/advice`, { text: "Meet alleen het geluidsniveau, geen gesprekken." })).status).toBe(303);

    const board = new TestClient(app);
    await board.logIn(users.board!.email, PASSWORD);
    await board.get("/committee");
    const early = await board.api("POST", `/api/v1/committee-cases/${caseId}/board-response`, { decision: "follow" });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ code: "rule_refused" });

    const involved = new TestClient(app);
    await involved.logIn(users.involved!.email, PASSWORD);
    await involved.get("/committee");
    const vote = await involved.api("POST", `/api/v1/committee-cases/${caseId}/votes`, { vote: "for" });
    expect(vote.status).toBe(403);
    expect((await involved.get(casePath)).html).toContain("U kunt meelezen, maar u schrijft niet mee en u stemt niet.");

    const chair = new TestClient(app);
    await chair.logIn(users.chair!.email, PASSWORD);
    await chair.get(casePath);
    expect((await chair.post(`${casePath}/vote`, { vote: "for" })).status).toBe(303);
    expect((await chair.post(`${casePath}/adopt`, {})).status).toBe(303);
    expect((await chair.post(`${casePath}/publication`, { publication: "confidential" })).status).toBe(303);
    res = await chair.post(`${casePath}/publish`, {});
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Dit advies is vertrouwelijk. Het kan niet gepubliceerd worden.");
    expect((await chair.post(`${casePath}/publication`, { publication: "public" })).status).toBe(303);
    expect((await chair.post(`${casePath}/publish`, {})).status).toBe(303);
    const adviceId = (await chair.get(casePath)).html.match(/\/openbaar\/advies\/([^"]+)"/)![1]!;

    await board.get(casePath);
    res = await board.post(`${casePath}/board-response`, { decision: "deviate", reasons: "" });
    expect(res.status).toBe(400);
    expect((await board.post(`${casePath}/board-response`, { decision: "follow", reasons: "" })).status).toBe(303);

    const anonymous = new TestClient(app);
    const pub = await anonymous.get(`/openbaar/advies/${adviceId}`);
    expect(pub.res.status).toBe(200);
    expect(pub.html).toContain("Meet alleen het geluidsniveau, geen gesprekken.");
    expect(pub.html).toContain("Het college volgt het advies");
    expect((await anonymous.get(`/openbaar/advies/onbekend`)).res.status).toBe(404);
    expect((await anonymous.get("/committee")).res.status).toBe(303);
    expect((await anonymous.api("GET", `/api/v1/public/advice/${adviceId}`)).status).toBe(200);

    const search = await chair.get("/committee/precedents?q=geluidsniveau");
    expect(search.html).toContain("Lantaarnpalen met sensoren");
    expect((await chair.get("/committee/report?from=2026-01-01&to=2026-12-31")).html).toContain("Doorlooptijden");
    expect((await chair.get("/committee/report?from=nope&to=2026-12-31")).res.status).toBe(400);
    const owner = new TestClient(app);
    await owner.logIn(users.owner!.email, PASSWORD);
    expect((await owner.api("GET", `/api/v1/committee-cases/${caseId}`)).status).toBe(200);
  });

  it("the secretary plans a meeting and puts a case on its agenda through the forms", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "agenda", { secretary: ["committee_secretary"], board: ["board_member"] });
    const app = createApp(deps, allFeatures);
    const secretary = new TestClient(app);
    await secretary.logIn(users.secretary!.email, PASSWORD);
    await secretary.get("/committee/cases/new");
    const created = await secretary.post("/committee/cases", { title: "Drones boven het park", question: "Mogen drones het park tellen?", origin: "board", technologies: "drones", responseWeeks: "6" });
    const casePath = created.headers.get("location")!;
    await secretary.get("/committee/meetings");
    expect((await secretary.post("/committee/meetings", { date: "2026-04-20", title: "Commissie april" })).status).toBe(303);
    const meetingId = (await secretary.get(casePath)).html.match(/<option value="([^"]+)"[^>]*>[^<]*Commissie april/)![1]!;
    expect((await secretary.post(`${casePath}/schedule`, { meetingId })).status).toBe(303);
    expect((await secretary.get(casePath)).html).toContain("Commissie april");
    expect((await secretary.get("/committee/meetings")).html).toContain("Drones boven het park");
    const refused = await secretary.post(`${casePath}/schedule`, { meetingId: "bestaat-niet" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('href="#field-meetingId"');
  });
});
