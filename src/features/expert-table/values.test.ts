import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { createCase, getCase, saveCommitteeAdvice } from "../committee/service.ts";
import { escalateDeliberation, openDeliberation, saveRecord } from "../deliberation/service.ts";
import { addValue, updateValue } from "../values/service.ts";
import { addRecommendation, finaliseAdvice, requestAdvice, saveAdvice } from "./service.ts";
import { codeOf, makeProject } from "./test-helpers.ts";

describeEachEngine("the organisation's value set in advice, deliberation and the committee", (get) => {
  it("a value renamed or added by the admin shows in the advice form, the deliberation record and the committee's forms; a retired value keeps its name", async () => {
    const { deps } = get();
    const org = await organisationWith(deps, "waarden", { admin: ["admin"], lead: [], member: ["expert_table_member"], advisor: ["ethics_advisor"], chair: ["committee_chair", "committee_member"] });
    const projectId = await makeProject(deps, org.organisationId, { title: "Wijkscan", roles: [{ userId: org.users.lead!.id, role: "lead" }] });
    const a = Object.fromEntries(await Promise.all(Object.entries(org.users).map(async ([k, v]) => [k, await v.actor()] as const)));
    await updateValue(deps, a.admin!, "privacy", { nameNl: "Persoonlijke levenssfeer", nameEn: "Private life", descriptionNl: "", descriptionEn: "", active: "1" });
    await addValue(deps, a.admin!, { key: "machtsverhoudingen", nameNl: "Machtsverhoudingen", nameEn: "Balance of power" });

    const requestId = await requestAdvice(deps, a.lead!, { projectId, question: "Wat vindt u?" });
    const deliberationId = await openDeliberation(deps, a.advisor!, { title: "Wijkscan", caseDescription: "Mag dit?", method: "deliberation-utrecht", heldOn: "2026-03-02" });

    const app = createApp(deps, allFeatures);
    const client = async (key: string) => {
      const c = new TestClient(app);
      await c.logIn(org.users[key]!.email, PASSWORD);
      return c;
    };
    const member = await client("member");
    const adviceForm = (await member.get(`/expert-table/requests/${requestId}`)).html;
    expect(adviceForm).toContain("Persoonlijke levenssfeer");
    expect(adviceForm).toContain('name="finding_machtsverhoudingen"');
    expect(adviceForm).not.toContain(">Privacy<");

    const advisor = await client("advisor");
    const record = (await advisor.get(`/deliberations/${deliberationId}`)).html;
    expect(record).toContain("Persoonlijke levenssfeer");
    expect(record).toContain('value="machtsverhoudingen"');
    expect((await advisor.post(`/deliberations/${deliberationId}/record`, { moralQuestion: "Wie beslist?", values: "machtsverhoudingen", conclusion: "De commissie." })).status).toBe(303);
    expect(await codeOf(saveRecord(deps, a.advisor!, deliberationId, { values: ["bestaat_niet"] }))).toBe("validation:field.invalid_choice");

    const chair = await client("chair");
    expect((await chair.get("/committee/cases/new")).html).toContain("Machtsverhoudingen");
    const caseId = await escalateDeliberation(deps, a.advisor!, deliberationId);
    expect((await getCase(deps, a.chair!, caseId)).values).toEqual(["machtsverhoudingen"]);
    await saveCommitteeAdvice(deps, a.chair!, caseId, { text: "Advies" });
    const filter = (await chair.get("/committee/precedents")).html;
    expect(filter).toContain('<option value="machtsverhoudingen">Machtsverhoudingen</option>');
    expect(filter).toContain("Persoonlijke levenssfeer");

    // Old records keep their keys: a retired value is no longer offered for new records, but still has its name where a record holds it.
    await saveAdvice(deps, a.member!, requestId, { summary: "Let op.", findings: { machtsverhoudingen: "De wijk heeft weinig inspraak.", onbekend: "valt weg" } });
    await addRecommendation(deps, a.member!, requestId, { text: "Praat met de wijk." });
    await finaliseAdvice(deps, a.member!, requestId);
    await updateValue(deps, a.admin!, "machtsverhoudingen", { nameNl: "Machtsverhoudingen", nameEn: "Balance of power", descriptionNl: "", descriptionEn: "", active: "" });
    const lead = await client("lead");
    const given = (await lead.get(`/expert-table/requests/${requestId}`)).html;
    expect(given).toContain("<dt>Machtsverhoudingen</dt>");
    expect(given).not.toContain("valt weg");
    expect((await chair.get(`/committee/cases/${caseId}`)).html).toContain("Machtsverhoudingen");
    expect((await chair.get("/committee/cases/new")).html).not.toContain("Machtsverhoudingen");
    await expect(createCase(deps, a.chair!, { title: "Oud", question: "Vraag", origin: "own_initiative", values: ["machtsverhoudingen"] })).resolves.toBeTypeOf("string");
  });
});
