import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import { makeProject } from "../instrument-responses/test-helpers.ts";
import "./index.ts";
import { addValue, ensureValueSet, getValue, listValues, updateValue, valueKeys, valueLabels } from "./service.ts";

const EDIT = { nameNl: "Zelfbeschikking", nameEn: "Self-determination", descriptionNl: "Mensen beslissen zelf.", descriptionEn: "People decide for themselves.", active: "1" };

describeEachEngine("values framework", (get) => {
  it("gives every organisation the seven core values and VNG principles I–V at first use", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "waarden", { lead: [] });
    const values = await listValues(deps, await users.lead!.actor());
    expect(values.map((v) => v.key)).toEqual([
      "rechtvaardigheid",
      "menselijke_waardigheid",
      "privacy",
      "veiligheid",
      "autonomie",
      "controle_over_technologie",
      "kwaliteit_van_leven",
      "vng_1",
      "vng_2",
      "vng_3",
      "vng_4",
      "vng_5",
    ]);
    expect(values[6]).toMatchObject({ name: { nl: "Kwaliteit van leven/duurzaamheid" }, active: true, version: 1 });
    // Idempotent, also when called again.
    const organisationId = (await users.lead!.actor()).organisationId;
    await ensureValueSet(deps, organisationId);
    expect(await valueKeys(deps, organisationId)).toHaveLength(12);
  });

  it("an admin edits a value; every change is a new version and old names stay readable", async () => {
    const { deps } = get();
    const { organisationId, users } = await organisationWith(deps, "historie", { admin: ["admin"], lead: [] });
    const admin = await users.admin!.actor();
    await listValues(deps, admin);
    const beforeRename = deps.now().toISOString();
    await updateValue(deps, admin, "autonomie", EDIT);
    await updateValue(deps, admin, "autonomie", { ...EDIT, active: "" });
    const value = await getValue(deps, admin, "autonomie");
    expect(value).toMatchObject({ version: 3, active: false, name: { nl: "Zelfbeschikking" } });
    expect(value.history.map((h) => [h.version, h.name.nl, h.active, h.changedByName])).toEqual([
      [3, "Zelfbeschikking", false, "admin historie"],
      [2, "Zelfbeschikking", true, "admin historie"],
      [1, "Autonomie", true, "systeem"],
    ]);
    // Unchanged input makes no new version.
    await updateValue(deps, admin, "autonomie", { ...EDIT, active: "" });
    expect((await getValue(deps, admin, "autonomie")).version).toBe(3);

    // Retired values are listed last and still have a label; records from before the rename read the old name.
    const listed = await listValues(deps, admin);
    expect(listed[listed.length - 1]!.key).toBe("autonomie");
    expect((await listValues(deps, admin, { includeRetired: false })).map((v) => v.key)).not.toContain("autonomie");
    expect((await valueLabels(deps, organisationId)).autonomie).toEqual({ name: { nl: "Zelfbeschikking", en: "Self-determination" }, active: false });
    expect((await valueLabels(deps, organisationId, beforeRename)).autonomie).toEqual({ name: { nl: "Autonomie", en: "Autonomy" }, active: true });

    const events = await deps.db.selectFrom("audit_events").select("action").where("entity_type", "=", "value").orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["value.updated", "value.retired"]);

    await expect(updateValue(deps, await users.lead!.actor(), "privacy", EDIT)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateValue(deps, admin, "bestaat_niet", EDIT)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateValue(deps, admin, "privacy", { ...EDIT, nameNl: "" })).rejects.toMatchObject({ code: "validation" });
  });

  it("an admin adds a value with a new key", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "nieuw", { admin: ["admin"] });
    const admin = await users.admin!.actor();
    await addValue(deps, admin, { key: "machtsverhoudingen", nameNl: "Machtsverhoudingen", nameEn: "Balance of power", descriptionNl: "", descriptionEn: "" });
    expect((await listValues(deps, admin)).map((v) => v.key)).toContain("machtsverhoudingen");
    await expect(addValue(deps, admin, { key: "privacy", nameNl: "P", nameEn: "P" })).rejects.toMatchObject({ code: "validation", fieldErrors: [{ field: "key", messageKey: "values.key_taken" }] });
    await expect(addValue(deps, admin, { key: "Met Spatie", nameNl: "X", nameEn: "X" })).rejects.toMatchObject({ fieldErrors: [{ field: "key", messageKey: "values.key_format" }] });
  });

  it("admin pages and API: list, edit with history, forbidden for others; the profile page of a project", async () => {
    const { deps } = get();
    const { organisationId, users } = await organisationWith(deps, "pagina", { admin: ["admin"], lead: [] });
    const app = createApp(deps, allFeatures);
    const admin = new TestClient(app);
    await admin.logIn(users.admin!.email, PASSWORD);
    const list = await admin.get("/admin/values");
    expect(list.res.status).toBe(200);
    expect(list.html).toContain("Menselijke waardigheid");
    expect(list.html).toContain('href="/admin/values"');
    await admin.get("/admin/values/privacy");
    const bad = await admin.post("/admin/values/privacy", { nameNl: "", nameEn: "Privacy", active: "1" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#field-nameNl"');
    const res = await admin.post("/admin/values/privacy", { nameNl: "Privacy en gegevensbescherming", nameEn: "Privacy and data protection", descriptionNl: "", descriptionEn: "", active: "1" });
    expect(res.status).toBe(303);
    const page = await admin.get("/admin/values/privacy");
    expect(page.html).toContain("De waarde is gewijzigd. De vorige versie is bewaard.");
    expect(page.html).toContain("Privacy en gegevensbescherming");
    expect(page.html).toContain("Geschiedenis");
    expect((await admin.post("/admin/values", { key: "nieuw_1", nameNl: "Nieuw", nameEn: "New", active: "1" })).status).toBe(303);

    const patched = await admin.api("PATCH", "/api/v1/values/veiligheid", { active: false });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ key: "veiligheid", active: false, version: 2 });
    const history = (await (await admin.api("GET", "/api/v1/values/veiligheid")).json()) as { history: unknown[] };
    expect(history.history).toHaveLength(2);

    const lead = new TestClient(app);
    await lead.logIn(users.lead!.email, PASSWORD);
    expect((await lead.get("/admin/values")).res.status).toBe(403);
    expect((await lead.api("PATCH", "/api/v1/values/privacy", { nameNl: "x" })).status).toBe(403);
    expect((await lead.api("GET", "/api/v1/values")).status).toBe(200);

    const projectId = await makeProject(deps, organisationId, { team: { [users.lead!.id]: "lead" } });
    const profile = await lead.get(`/projects/${projectId}/values`);
    expect(profile.res.status).toBe(200);
    expect(profile.html).toContain("Het project raakt nog geen waarden.");
    expect((await lead.api("GET", `/api/v1/projects/${projectId}/values-profile`)).status).toBe(200);
    expect((await admin.get(`/projects/${projectId}/values`)).res.status).toBe(404);
  });
});
