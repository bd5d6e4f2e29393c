// The pre-fill: what the project's records give a new register entry, and
// where each value came from.
import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { HIGH_RISK, aiActSetting, answerClassification } from "../ai-act/test-helpers.ts";
import { finishClassification } from "../ai-act/classification.ts";
import { addRisk } from "../assessments/add-risk.ts";
import { RISK } from "../assessments/test-helpers.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { createMeasure } from "../measures/add-measure.ts";
import { newContract } from "../procurement/test-helpers.ts";
import { ensureValueSet } from "../values/ensure-value-set.ts";
import { prefillFor } from "./prefill.ts";
import { prepareEntry } from "./prepare-entry.ts";
import { getTeamEntry } from "./queries.ts";
import { formFromFields } from "./form-values.ts";
import { loadProjectForActor } from "../projects/access.ts";

describeEachEngine("register pre-fill", (get) => {
  it("fills a new entry from the canvas, DEPIA risks, measures, contract and AI Act classification, and names each source", async () => {
    const { deps } = get();
    const { org, projectId, actors } = await aiActSetting(deps, "bron");
    const lead = actors.lead;
    await ensureValueSet(deps, org.organisationId);
    const canvas = await getOrCreateResponse(deps, lead, projectId, "ethics-canvas");
    await saveAnswers(deps, lead, canvas.id, {
      legal_basis: "Artikel 2 van de Participatiewet.\n\nEen afspraak met de woningcorporatie.",
      data_sources: "Betaalachterstanden van <b>woningcorporaties</b>.",
      alternatives: "Zonder gegevens: alleen huisbezoeken.",
      correction_and_appeal: "Bel het team Schulden; u krijgt binnen vijf dagen antwoord.",
      values_at_stake: ["privacy"],
    });
    await addRisk(deps, lead, projectId, RISK);
    await createMeasure(deps, lead, { projectId, title: "Alleen het team Schulden ziet de signalen", source: { type: "manual" } });
    await deps.db.updateTable("projects").set({ supplier_involved: 1 }).where("id", "=", projectId).execute();
    await newContract(deps, lead, projectId, { supplier: "Signaal B.V.", reference: "INK-2026-099" });
    await answerClassification(deps, lead, projectId, HIGH_RISK);
    await finishClassification(deps, lead, projectId);

    const project = await loadProjectForActor(deps.db, lead, projectId);
    const { fields, sources } = await prefillFor(deps, project);
    expect(fields).toMatchObject({
      name: "Vroegsignalering schulden",
      publication_category: "Hoog-risico AI-systeem",
      provider: "Signaal B.V.",
      contract_reference: "INK-2026-099",
      lawful_basis: "<p>Artikel 2 van de Participatiewet.</p><p>Een afspraak met de woningcorporatie.</p>",
      source_data: "<p>Betaalachterstanden van &lt;b&gt;woningcorporaties&lt;/b&gt;.</p>",
      alternatives_considered: "Zonder gegevens: alleen huisbezoeken.",
      values_weighed: ["Privacy"],
    });
    // The DEPIA's risks first, then the measures that answer them, in one field of limited HTML.
    expect(fields.risks).toBe("<p>Risico's die we zien:</p><ul><li>Gegevens over schulden komen bij de verkeerde medewerker terecht.</li></ul><p>Maatregelen die we nemen:</p><ul><li>Alleen het team Schulden ziet de signalen</li></ul>");
    expect(sources).toMatchObject({
      name: ["register.source.project"],
      publication_category: ["register.source.ai_act"],
      provider: ["register.source.contract"],
      lawful_basis: ["register.source.canvas"],
      risks: ["register.source.depia", "register.source.measures"],
    });

    // The team page shows the proposal and its sources; once saved as proposed, "filled in from".
    const fresh = await getTeamEntry(deps, lead, projectId);
    expect(fresh.fields.publication_category).toBe("Hoog-risico AI-systeem");
    expect(fresh.proposals.publication_category).toMatchObject({ sources: ["register.source.ai_act"], same: true });
    const form = formFromFields(fresh.fields);
    await prepareEntry(deps, lead, projectId, { fields: { ...fresh.fields, lang: undefined, category: [], publication_category: "Overige algoritmes", values_weighed: form.values_weighed?.split("\n") } });
    const saved = await getTeamEntry(deps, lead, projectId);
    expect(saved.fields.risks).toBe(fields.risks);
    expect(saved.proposals.risks?.same).toBe(true);
    // The team chose another category: the AI Act's proposal stays visible beside it.
    expect(saved.proposals.publication_category).toMatchObject({ value: "Hoog-risico AI-systeem", same: false });
  });

  it("proposes only the project's own record when no other feature holds anything of the project", async () => {
    const { deps } = get();
    const { projectId, actors } = await aiActSetting(deps, "leeg");
    const project = await loadProjectForActor(deps.db, actors.lead, projectId);
    const empty = await prefillFor(deps, project);
    expect(new Set(Object.values(empty.sources).flat())).toEqual(new Set(["register.source.project"]));
    expect(empty.fields.publication_category).toBeUndefined();
  });
});
