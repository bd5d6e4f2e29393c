import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import { demoProjectIds } from "../projects/demo.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { CANVAS_INSTRUMENT_ID } from "./canvas.ts";
import { projectResponseStatus } from "./service.ts";
import { makeProject } from "./test-helpers.ts";

async function setUp(deps: Deps) {
  const org = await organisationWith(deps, "http", { lead: [], fg: ["fg"], admin: ["admin"] });
  const projectId = await makeProject(deps, org.organisationId, { team: { [org.users.lead!.id]: "lead" } });
  const app = createApp(deps, allFeatures);
  const as = async (who: "lead" | "fg" | "admin") => {
    const client = new TestClient(app);
    await client.logIn(org.users[who]!.email, PASSWORD);
    return client;
  };
  return { ...org, projectId, app, as, canvas: `/projects/${projectId}/canvas` };
}

async function answers(deps: Deps, projectId: string): Promise<Record<string, unknown>> {
  const row = await deps.db.selectFrom("instrument_responses").select("answers_json").where("project_id", "=", projectId).executeTakeFirst();
  return row ? (JSON.parse(row.answers_json) as Record<string, unknown>) : {};
}

describeEachEngine("canvas pages and instrument API", (get) => {
  it("fills an area with a plain POST (no JavaScript): redirect, then the page shows the answers and status", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    const page = await lead.get(s.canvas);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("<h1 class=\"utrecht-heading-1\">Ethisch canvas</h1>");
    expect(page.html).toContain('id="section-data_sources"');
    expect(page.html).toContain("Stand van zaken: Nog niet begonnen — 0 van 15 onderdelen klaar");
    expect(page.html).toContain("Open Data Institute");
    expect(page.html).toContain('href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license"');
    expect(page.html).toContain("Licentie: CC-BY-SA-4.0");
    // Values of each area, single choice as a radio group in a fieldset with legend, hx attributes for autosave.
    expect(page.html).toContain("Waarden bij dit onderdeel: Privacy · Controle over technologie · VNG II. Rechten over data geregeld");
    expect(page.html).toMatch(/<legend[^>]*>Gaat het om persoonsgegevens\?/);
    expect(page.html).toContain('type="radio"');
    expect(page.html).toContain('hx-post="/projects/');
    expect(page.html).toContain('aria-live="polite"');

    const res = await lead.post(`${s.canvas}/sections/data_sources`, {
      "a.data_sources.__shown": "1",
      "a.data_sources": "Huurachterstanden van de woningcorporatie",
      "a.source_list.__shown": "1",
      "a.source_list.__rows": "2",
      "a.source_list.0.source": "Huurachterstanden",
      "a.source_list.0.owner": "Woningcorporatie",
      "a.source_list.0.personal_data": "yes",
      "a.source_list.1.source": "",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${s.canvas}#section-data_sources`);
    expect(await answers(deps, s.projectId)).toEqual({
      data_sources: "Huurachterstanden van de woningcorporatie",
      source_list: [{ source: "Huurachterstanden", owner: "Woningcorporatie", personal_data: true }],
    });
    const after = await lead.get(s.canvas);
    expect(after.html).toContain("Uw antwoorden zijn opgeslagen.");
    expect(after.html).toContain("Huurachterstanden van de woningcorporatie");
    expect(after.html).toContain('<span id="toc-status-data_sources"><span class="utrecht-status-badge utrecht-status-badge--valid">Klaar</span></span>');

    // Value tags are checkboxes of the organisation's values; several may be chosen.
    await lead.post(`${s.canvas}/sections/reasons`, { "a.values_at_stake.__shown": "1", "a.values_at_stake": "privacy" });
    const body = new URLSearchParams([["a.values_at_stake.__shown", "1"], ["a.values_at_stake", "privacy"], ["a.values_at_stake", "autonomie"], ["_csrf", lead.csrf]]);
    const multi = await lead.request(`${s.canvas}/sections/reasons`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(multi.status).toBe(303);
    expect((await answers(deps, s.projectId)).values_at_stake).toEqual(["privacy", "autonomie"]);
  });

  it("adds table rows without JavaScript with 'meer rijen'", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    await lead.get(s.canvas);
    const res = await lead.post(`${s.canvas}/sections/data_sources`, { "a.source_list.__shown": "1", "a.source_list.__rows": "2", "a.source_list.0.source": "BRP", _more: "source_list" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${s.canvas}?extra=source_list:3#section-data_sources`);
    const page = await lead.get(res.headers.get("location")!.split("#")[0]!);
    // One answered row, two empty ones and three more.
    expect(page.html).toContain('name="a.source_list.__rows" value="6"');
    expect(page.html).toContain('name="a.source_list.5.source"');
    expect(page.html).toContain('value="BRP"');
  });

  it("refuses a wrong answer with an error summary, keeps what was typed and changes nothing", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    await lead.get(s.canvas);
    await lead.post(`${s.canvas}/sections/reviews`, { "a.review_plan.__shown": "1", "a.review_plan": "Elk kwartaal met het wijkteam" });
    const res = await lead.post(`${s.canvas}/sections/reviews`, {
      "a.review_plan.__shown": "1",
      "a.review_plan": "Anders dan eerst",
      "a.review_frequency.__shown": "1",
      "a.review_frequency": "soms",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Er is iets niet goed ingevuld");
    expect(html).toContain('href="#field-a-review_frequency"');
    expect(html).toContain("Hoe vaak kijkt u daarnaar?: Kies een van de gegeven mogelijkheden.");
    expect(html).toContain("Anders dan eerst");
    expect(await answers(deps, s.projectId)).toEqual({ review_plan: "Elk kwartaal met het wijkteam" });
    // An explanation without yes or no is named as such.
    const yesNo = await lead.post(`${s.canvas}/sections/openness`, { "a.algorithm_register.__shown": "1", "a.algorithm_register.explanation": "Nog niet besloten" });
    expect(yesNo.status).toBe(400);
    expect(await yesNo.text()).toContain("Kies ja of nee bij uw toelichting.");
  });

  it("autosaves with htmx: a fragment for the live region and statuses, and re-renders questions whose visibility changed", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    await lead.get(s.canvas);
    const hx = (path: string, fields: Record<string, string>) => {
      const body = new URLSearchParams({ ...fields, _csrf: lead.csrf });
      return lead.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", "HX-Request": "true" } });
    };
    const saved = await hx(`${s.canvas}/sections/purpose`.replace("purpose", "reasons"), { "a.purpose.__shown": "1", "a.purpose": "Eerder helpen" });
    expect(saved.status).toBe(200);
    const fragment = await saved.text();
    expect(fragment).toMatch(/<p id="saved-reasons" hx-swap-oob="innerHTML">Opgeslagen om \d\d:\d\d<\/p>/);
    expect(fragment).toContain('id="toc-status-reasons" hx-swap-oob="innerHTML"');
    expect(fragment).not.toContain("questions-reasons");
    expect((await answers(deps, s.projectId)).purpose).toBe("Eerder helpen");

    const other = await hx(`${s.canvas}/sections/reviews`, { "a.review_frequency.__shown": "1", "a.review_frequency": "other" });
    const withCondition = await other.text();
    expect(withCondition).toContain('<div id="questions-reviews" class="afw-questions" hx-swap-oob="outerHTML">');
    expect(withCondition).toContain('name="a.review_frequency_other"');

    const refused = await hx(`${s.canvas}/sections/reviews`, { "a.review_frequency.__shown": "1", "a.review_frequency": "soms" });
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("Niet opgeslagen. Hoe vaak kijkt u daarnaar?: Kies een van de gegeven mogelijkheden.");
    expect((await answers(deps, s.projectId)).review_frequency).toBe("other");
  });

  it("the FG reads and comments but cannot edit; another organisation sees nothing", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    await lead.get(s.canvas);
    await lead.post(`${s.canvas}/sections/data_rights`, { "a.legal_basis.__shown": "1", "a.legal_basis": "Wettelijke taak" });

    const fg = await s.as("fg");
    const page = await fg.get(s.canvas);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("U kunt dit lezen en opmerkingen plaatsen.");
    expect(page.html).not.toContain('id="form-data_rights"');
    expect(page.html).toContain("Wettelijke taak");
    const comment = await fg.post(`${s.canvas}/comments`, { sectionId: "data_rights", "comment-data_rights-question": "legal_basis", "comment-data_rights-body": "Welk artikel?" });
    expect(comment.status).toBe(303);
    expect(comment.headers.get("location")).toBe(`${s.canvas}#comments-data_rights`);
    const withComment = await lead.get(s.canvas);
    expect(withComment.html).toContain("Opmerkingen bij dit onderdeel (1)");
    expect(withComment.html).toContain("Welk artikel?");
    const empty = await fg.post(`${s.canvas}/comments`, { sectionId: "data_rights", "comment-data_rights-question": "legal_basis", "comment-data_rights-body": "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#field-comment-data_rights-body"');

    const refused = await fg.post(`${s.canvas}/sections/data_rights`, { "a.legal_basis.__shown": "1", "a.legal_basis": "Door de FG" });
    expect(refused.status).toBe(403);
    expect((await answers(deps, s.projectId)).legal_basis).toBe("Wettelijke taak");

    const other = await organisationWith(deps, "elders", { fg: ["fg"] });
    const stranger = new TestClient(s.app);
    await stranger.logIn(other.users.fg!.email, PASSWORD);
    expect((await stranger.get(s.canvas)).res.status).toBe(404);
    expect((await stranger.api("POST", `/api/v1/projects/${s.projectId}/responses`, { instrumentId: CANVAS_INSTRUMENT_ID })).status).toBe(404);
    const id = (await deps.db.selectFrom("instrument_responses").select("id").executeTakeFirstOrThrow()).id;
    expect((await stranger.api("GET", `/api/v1/responses/${id}`)).status).toBe(404);
  });

  it("records versions and shows the diff page", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    await lead.get(s.canvas);
    await lead.post(`${s.canvas}/sections/reasons`, { "a.purpose.__shown": "1", "a.purpose": "Eerste doel" });
    expect((await lead.post(`${s.canvas}/versions`, { note: "Na overleg" })).status).toBe(303);
    await lead.post(`${s.canvas}/sections/reasons`, { "a.purpose.__shown": "1", "a.purpose": "Scherper doel" });
    const page = await lead.get(s.canvas);
    expect(page.html).toContain("Na overleg");
    const diff = await lead.get(`${s.canvas}/diff?from=1&to=current`);
    expect(diff.res.status).toBe(200);
    expect(diff.html).toContain("Van Versie 1 naar Huidige antwoorden");
    expect(diff.html).toContain("Eerste doel");
    expect(diff.html).toContain("Scherper doel");
    expect((await lead.get(`${s.canvas}/diff?from=7&to=current`)).res.status).toBe(404);
  });

  it("turns a canvas action into a measure linked to its area", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    await lead.get(s.canvas);
    const bad = await lead.post(`${s.canvas}/actions`, { title: "", areaId: "data_sources" });
    expect(bad.status).toBe(400);
    const res = await lead.post(`${s.canvas}/actions`, { title: "Bewaartermijn vastleggen", description: "Met de FG", areaId: "minimising_harm", ownerUserId: s.users.lead!.id, dueDate: "2026-06-30" });
    expect(res.status).toBe(303);
    const measure = await deps.db.selectFrom("measures").selectAll().executeTakeFirstOrThrow();
    expect(measure).toMatchObject({ project_id: s.projectId, title: "Bewaartermijn vastleggen", source_type: "canvas", source_id: "minimising_harm", owner_user_id: s.users.lead!.id, due_date: "2026-06-30" });
    const page = await lead.get(s.canvas);
    expect(page.html).toContain("Bewaartermijn vastleggen");
    expect(page.html).toContain("De actie is toegevoegd als maatregel.");
    expect(page.html).toContain(`href="/projects/${s.projectId}/measures/${measure.id}"`);
    // The project page shows the canvas and the values profile as panels.
    const project = await lead.get(`/projects/${s.projectId}`);
    expect(project.res.status).toBe(200);
    expect(project.html).toContain('id="panel-canvas"');
    expect(project.html).toContain(`href="${s.canvas}"`);
    expect(project.html).toContain('id="panel-values"');
  });

  it("the API lists instruments, saves answers with the same rules, and keeps versions, diffs and comments", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    const list = (await (await lead.api("GET", "/api/v1/instruments")).json()) as { items: { id: string; versions: string[]; title: { nl: string } }[] };
    expect(list.items.find((i) => i.id === "ethics-canvas")).toMatchObject({ versions: ["1.0.0"], title: { nl: "Ethisch canvas (ethics by design)" } });
    const def = (await (await lead.api("GET", "/api/v1/instruments/ethics-canvas/versions/1.0.0")).json()) as { sections: unknown[]; licence: { id: string } };
    expect(def.sections).toHaveLength(15);
    expect(def.licence.id).toBe("CC-BY-SA-4.0");

    const opened = await lead.api("POST", `/api/v1/projects/${s.projectId}/responses`, { instrumentId: "ethics-canvas" });
    expect(opened.status).toBe(200);
    const { id } = (await opened.json()) as { id: string };
    const wrong = await lead.api("PATCH", `/api/v1/responses/${id}/answers`, { answers: { data_sources: 42 } });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: "validation", errors: [{ field: "data_sources", code: "instrument_responses.answer.wrong_type", message: "Dit soort antwoord past niet bij deze vraag." }] });
    const ok = await lead.api("PATCH", `/api/v1/responses/${id}/answers`, { answers: { data_sources: "BRP", purpose: "Doel" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ revision: 1, status: "in_progress" });
    expect((await lead.api("POST", `/api/v1/responses/${id}/versions`, { note: "v1" })).status).toBe(201);
    await lead.api("PATCH", `/api/v1/responses/${id}/answers`, { answers: { purpose: "Beter doel" } });
    const diff = (await (await lead.api("GET", `/api/v1/responses/${id}/diff?from=1&to=current`)).json()) as { changes: { questionId: string; kind: string }[] };
    expect(diff.changes).toEqual([expect.objectContaining({ questionId: "purpose", kind: "changed" })]);
    expect((await lead.api("POST", `/api/v1/responses/${id}/comments`, { questionId: "purpose", body: "Opmerking" })).status).toBe(201);
    const comments = (await (await lead.api("GET", `/api/v1/responses/${id}/comments?questionId=purpose`)).json()) as { items: unknown[] };
    expect(comments.items).toHaveLength(1);
    const responses = (await (await lead.api("GET", `/api/v1/projects/${s.projectId}/responses`)).json()) as { items: { instrumentId: string }[] };
    expect(responses.items.map((r) => r.instrumentId)).toEqual(["ethics-canvas"]);

    const fg = await s.as("fg");
    expect((await fg.api("PATCH", `/api/v1/responses/${id}/answers`, { answers: { purpose: "x" } })).status).toBe(403);
    expect((await fg.api("GET", `/api/v1/responses/${id}`)).status).toBe(200);

    const doc = (await (await s.app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const path of ["/instruments", "/instruments/{id}/versions/{version}", "/projects/{projectId}/responses", "/responses/{id}/answers", "/responses/{id}/diff", "/responses/{id}/comments", "/values", "/values/{key}"]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });

  it("any instrument renders at /projects/:id/instruments/:instrumentId, with no code of its own", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const lead = await s.as("lead");
    const page = await lead.get(`/projects/${s.projectId}/instruments/pre-dpia`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('hx-post="/projects/');
    expect((await lead.get(`/projects/${s.projectId}/instruments/bestaat-niet`)).res.status).toBe(404);
  });

  it("the demo gets realistic canvases: complete past pre_start, partly filled for the new project", async () => {
    const { deps } = get();
    await seedDemo(deps);
    const org = await deps.db.selectFrom("organisations").select("id").where("slug", "=", "voorbeeldstad").executeTakeFirstOrThrow();
    const ids = await demoProjectIds(deps, org.id);
    const status = async (key: string) => (await projectResponseStatus(deps, org.id, ids[key]!, CANVAS_INSTRUMENT_ID)).status;
    expect(await status("chatbot")).toBe("in_progress");
    for (const key of ["parkeerdruk", "afvalcontainers", "leegstand", "meldingen", "schuldenproblematiek"]) expect(await status(key), key).toBe("complete");
    const canvasRows = (table: "instrument_response_comments" | "instrument_response_versions") =>
      deps.db.selectFrom(table).innerJoin("instrument_responses", "instrument_responses.id", `${table}.response_id`).select(`${table}.id`).where("instrument_responses.instrument_id", "=", CANVAS_INSTRUMENT_ID).execute();
    expect((await canvasRows("instrument_response_comments")).length).toBe(8);
    expect((await canvasRows("instrument_response_versions")).length).toBe(11);
    expect((await deps.db.selectFrom("org_values").select("id").where("organisation_id", "=", org.id).execute()).length).toBe(12);
  });
});
