import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { translator } from "../../platform/i18n/index.ts";
import { missingText } from "./readiness-text.ts";
import { projectReadiness, registerProject } from "./service.ts";
import { makeReadyForGate, projectInput } from "./test-helpers.ts";

async function setup(deps: Deps, slug: string) {
  const org = await organisationWith(deps, slug, { owner: [], lead: [], fg: ["fg"], outsider: [] });
  const client = async (key: string) => {
    const c = new TestClient(createApp(deps, allFeatures));
    await c.logIn(org.users[key]!.email, PASSWORD);
    return c;
  };
  return { ...org, client };
}

/** Form fields with repeated names, the way a browser sends checkboxes. */
function form(fields: [string, string][]): URLSearchParams {
  return new URLSearchParams(fields);
}

describeEachEngine("project pages and API", (get) => {
  it("registers a project through the form, with checkbox lists, and shows its readiness", async () => {
    const { deps } = get();
    const { users, client } = await setup(deps, "formulier");
    const lead = await client("lead");
    const page = await lead.get("/projects/new");
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('name="technologies"');

    const bad = await lead.request("/projects", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form([["_csrf", lead.csrf], ["title", "x".repeat(161)], ["goal", ""], ["domain", "fysiek"], ["dataCategories", "none"], ["dataCategories", "bsn"]]),
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Er is iets niet goed ingevuld");
    expect(badHtml).toContain('href="#field-title"');
    expect(badHtml).toContain("U kunt &#39;Geen persoonsgegevens&#39; niet samen met andere soorten gegevens kiezen.");
    expect(badHtml).toContain('href="#field-supplierInvolved"');
    expect(badHtml).toContain("Kies een opdrachtgever.");

    const res = await lead.request("/projects", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form([
        ["_csrf", lead.csrf],
        ["title", "Slimme lantaarnpalen"],
        ["goal", "Minder energie voor straatverlichting."],
        ["description", ""],
        ["domain", "fysiek"],
        ["technologies", "sensors"],
        ["technologies", "cloud"],
        ["dataCategories", "location"],
        ["supplierInvolved", "yes"],
        ["ownerUserId", users.owner!.id],
        ["leadUserId", users.lead!.id],
      ]),
    });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/projects\/[^/]+$/);
    const { html } = await lead.get(location);
    expect(html).toContain("Het project is geregistreerd.");
    expect(html).toContain("Nog nodig: het ethisch canvas — nog niet begonnen");
    expect(html).toContain("Sensoren, Clouddienst");
    expect(html).toContain("Alleen de opdrachtgever (owner formulier) neemt dit besluit.");
    const dashboard = await lead.get("/projects?mine=1");
    expect(dashboard.html).toContain("Slimme lantaarnpalen");
    expect(dashboard.html).toContain("wacht op: projectleider (lead formulier)");
  });

  it("the owner's go is refused with the page's own list; a stop is shown as a result of the process", async () => {
    const { deps } = get();
    const { users, client } = await setup(deps, "besluit");
    const id = await registerProject(deps, await users.lead!.actor(), projectInput(users.owner!.id));
    const owner = await client("owner");
    await owner.get(`/projects/${id}`);
    const refused = await owner.post(`/projects/${id}/gate-decisions`, { decision: "go", rationale: "Door." });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("Doorgaan kan nog niet");
    const { readiness } = await projectReadiness(deps, await users.owner!.actor(), id);
    for (const m of readiness.missing) expect(html).toContain(missingText({ t: translator("nl"), lang: "nl" }, m));

    const lead = await client("lead");
    await lead.get(`/projects/${id}`);
    expect((await lead.post(`/projects/${id}/gate-decisions`, { decision: "stop", rationale: "Ik wil stoppen." })).status).toBe(403);

    const stop = await owner.post(`/projects/${id}/gate-decisions`, { decision: "stop", rationale: "Het doel halen we zonder sensoren." });
    expect(stop.status).toBe(303);
    const after = await owner.get(`/projects/${id}`);
    expect(after.html).toContain("Het proces heeft gewerkt");
    expect(after.html).toContain("Het doel halen we zonder sensoren.");
    expect(after.html).not.toContain("Besluit vastleggen");
  });

  it("'go' through the form when the rules say ready", async () => {
    const { deps } = get();
    const { users, client } = await setup(deps, "door");
    const id = await registerProject(deps, await users.lead!.actor(), projectInput(users.owner!.id));
    await makeReadyForGate(deps, id, { lead: await users.lead!.actor() });
    const owner = await client("owner");
    const before = await owner.get(`/projects/${id}`);
    expect(before.html).toContain("Klaar voor de stap naar startfase.");
    const go = await owner.post(`/projects/${id}/gate-decisions`, { decision: "go", rationale: "Alles is er." });
    expect(go.status).toBe(303);
    const after = await owner.get(`/projects/${id}`);
    expect(after.html).toContain("Het besluit is vastgelegd. Het project gaat door naar de volgende fase.");
    expect(after.html).toContain("Klaar voor de stap naar uitvoering?");
  });

  it("a forged project id of another organisation is 404 on pages and API", async () => {
    const { deps } = get();
    const a = await setup(deps, "eigen");
    const b = await organisationWith(deps, "ander", { owner: [], lead: [] });
    const foreign = await registerProject(deps, await b.users.lead!.actor(), projectInput(b.users.owner!.id));
    const fg = await a.client("fg");
    expect((await fg.get(`/projects/${foreign}`)).res.status).toBe(404);
    expect((await fg.get(`/projects/${foreign}/measures`)).res.status).toBe(404);
    expect((await fg.post(`/projects/${foreign}/gate-decisions`, { decision: "stop", rationale: "x" })).status).toBe(404);
    const api = await fg.api("GET", `/api/v1/projects/${foreign}`);
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect((await fg.api("POST", `/api/v1/projects/${foreign}/gate-decisions`, { decision: "stop", rationale: "x" })).status).toBe(404);
    expect((await fg.api("GET", `/api/v1/projects/${foreign}/measures`)).status).toBe(404);
    const outsider = await a.client("outsider");
    const own = await registerProject(deps, await a.users.lead!.actor(), projectInput(a.users.owner!.id));
    expect((await outsider.get(`/projects/${own}`)).res.status).toBe(404);
  });

  it("the API registers, reads with readiness, patches, keeps the team, decides and handles measures", async () => {
    const { deps } = get();
    const { users, client } = await setup(deps, "api");
    const lead = await client("lead");
    const bad = await lead.api("POST", "/api/v1/projects", { ...projectInput(users.owner!.id), domain: "maan" });
    expect(bad.status).toBe(400);
    const empty = await lead.api("POST", "/api/v1/projects", { ...projectInput(users.owner!.id), title: "" });
    expect(((await empty.json()) as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: "title", code: "field.required" })]);
    const created = await lead.api("POST", "/api/v1/projects", projectInput(users.owner!.id));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const lead2 = await client("lead"); // a new session carries the new project role
    const project = (await (await lead2.api("GET", `/api/v1/projects/${id}`)).json()) as { phase: string; readiness: { ready: boolean; missing: { key: string; who: string; message: { nl: string } }[] } };
    expect(project.phase).toBe("pre_start");
    expect(project.readiness.missing.map((m) => `${m.key}/${m.who}`)).toEqual(["canvas/lead", "expert_advice_request/lead"]);

    const patched = await lead2.api("PATCH", `/api/v1/projects/${id}`, { title: "Nieuwe naam" });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { title: string }).title).toBe("Nieuwe naam");

    const list = (await (await lead2.api("GET", "/api/v1/projects?mine=true")).json()) as { items: { id: string; waitingForMe: boolean }[]; countsByPhase: Record<string, number> };
    expect(list.items).toEqual([expect.objectContaining({ id, waitingForMe: true })]);
    expect(list.countsByPhase.pre_start).toBe(1);
    expect((await lead2.api("GET", "/api/v1/projects?domain=maan")).status).toBe(400);

    const added = await lead2.api("POST", `/api/v1/projects/${id}/members`, { userId: users.fg!.id, role: "member" });
    expect(added.status).toBe(201);
    const { id: assignment } = (await added.json()) as { id: string };
    expect((await lead2.api("DELETE", `/api/v1/projects/${id}/members/${assignment}`)).status).toBe(204);

    expect((await lead2.api("POST", `/api/v1/projects/${id}/gate-decisions`, { decision: "adjust", rationale: "x" })).status).toBe(403);
    const owner = await client("owner");
    const notReady = await owner.api("POST", `/api/v1/projects/${id}/gate-decisions`, { decision: "go", rationale: "Door." });
    expect(notReady.status).toBe(422);
    expect(((await notReady.json()) as { detail: string }).detail).toContain("Doorgaan kan nog niet");
    expect((await owner.api("POST", `/api/v1/projects/${id}/gate-decisions`, { decision: "adjust", rationale: "Eerst het canvas." })).status).toBe(201);
    const decisions = (await (await owner.api("GET", `/api/v1/projects/${id}/gate-decisions`)).json()) as { decision: string; readiness: { missing: unknown[] } }[];
    expect(decisions).toEqual([expect.objectContaining({ decision: "adjust" })]);
    expect(decisions[0]!.readiness.missing).toHaveLength(2);

    const measure = await lead2.api("POST", `/api/v1/projects/${id}/measures`, { title: "Dimmen testen", ownerUserId: users.lead!.id, dueDate: "2026-02-01" });
    expect(measure.status).toBe(201);
    const { id: measureId } = (await measure.json()) as { id: string };
    expect((await lead2.api("POST", `/api/v1/projects/${id}/measures`, { title: "x", dueDate: "1 april" })).status).toBe(400);
    const measures = (await (await owner.api("GET", `/api/v1/projects/${id}/measures`)).json()) as { overdue: boolean }[];
    expect(measures).toEqual([expect.objectContaining({ overdue: true })]);
    const done = await lead2.api("PATCH", `/api/v1/measures/${measureId}`, { status: "done", evidence: "Testverslag" });
    expect(((await done.json()) as { status: string }).status).toBe("awaiting_signoff");
    expect((await lead2.api("POST", `/api/v1/measures/${measureId}/signoff`)).status).toBe(403);
    const signed = await owner.api("POST", `/api/v1/measures/${measureId}/signoff`);
    expect(((await signed.json()) as { status: string }).status).toBe("done");
    expect((await lead2.api("PATCH", `/api/v1/measures/${measureId}`, { status: "explained" })).status).toBe(400);
  });

  it("lists the endpoints in the OpenAPI document", async () => {
    const { deps } = get();
    const doc = (await (await createApp(deps, allFeatures).request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const path of ["/projects", "/projects/{id}", "/projects/{id}/members", "/projects/{id}/members/{assignmentId}", "/projects/{id}/gate-decisions", "/projects/{id}/measures", "/measures/{id}", "/measures/{id}/signoff"]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(Object.keys(doc.paths["/projects/{id}"]!)).toEqual(expect.arrayContaining(["get", "patch"]));
  });

  it("the measures pages: add, flag overdue, ask for sign-off, confirm", async () => {
    const { deps } = get();
    const { users, client } = await setup(deps, "pagina");
    const id = await registerProject(deps, await users.lead!.actor(), projectInput(users.owner!.id));
    const lead = await client("lead");
    await lead.get(`/projects/${id}/measures`);
    const bad = await lead.post(`/projects/${id}/measures`, { title: "", dueDate: "2026-02-31", reviewCadence: "none", ownerUserId: "" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Vul een datum in als jjjj-mm-dd.");
    expect(badHtml).toContain('href="#field-title"');
    const res = await lead.post(`/projects/${id}/measures`, { title: "Bewoners informeren", dueDate: "2026-02-01", reviewCadence: "quarterly", ownerUserId: users.lead!.id });
    expect(res.status).toBe(303);
    const measurePath = res.headers.get("location")!;
    const page = await lead.get(measurePath);
    expect(page.html).toContain("Te laat");
    expect(page.html).toContain("Elk kwartaal");
    expect((await lead.post(`${measurePath}/status`, { status: "done", evidence: "Brief verstuurd op 20 februari" })).status).toBe(303);
    const waiting = await lead.get(measurePath);
    expect(waiting.html).toContain("Wacht op bevestiging");
    expect(waiting.html).toContain("U kunt dit niet zelf bevestigen");
    const owner = await client("owner");
    await owner.get(measurePath);
    expect((await owner.post(`${measurePath}/signoff`, {})).status).toBe(303);
    const project = await owner.get(`/projects/${id}`);
    expect(project.html).toContain("1 van de 1 maatregelen zijn klaar of uitgelegd.");
  });
});
