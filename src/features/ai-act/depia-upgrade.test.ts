import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { startDepia } from "../assessments/depia.ts";
import { fillScreening } from "../assessments/test-helpers.ts";
import { finishScreening } from "../assessments/screening.ts";
import { getOrCreateResponse, previewUpgrade, upgradeResponse } from "../instrument-responses/service.ts";
import { aiActSetting } from "./test-helpers.ts";

describeEachEngine("DEPIA 1.0.0 → 1.1.0", (get) => {
  it("the upgrade's diff shows the FRIA as a new section, with its questions, and loses no answer", async () => {
    const { deps } = get();
    const { projectId, actors } = await aiActSetting(deps, "upgrade");
    await fillScreening(deps, actors.lead, projectId);
    await finishScreening(deps, actors.lead, projectId);
    await startDepia(deps, actors.lead, projectId);
    const depia = await getOrCreateResponse(deps, actors.lead, projectId, "depia");
    // A DEPIA begun before 1.1.0 was published is pinned to 1.0.0.
    await deps.db.updateTable("instrument_responses").set({ instrument_version: "1.0.0" }).where("id", "=", depia.id).execute();
    const preview = await previewUpgrade(deps, actors.lead, depia.id);
    expect([preview.from, preview.to]).toEqual(["1.0.0", "1.1.0"]);
    expect(preview.sectionsAdded.map((s) => [s.sectionId, s.title.nl])).toEqual([["fria", expect.stringMatching(/grondrechten/i)]]);
    expect(preview.questionsAdded.map((q) => q.questionId)).toEqual(expect.arrayContaining(["fria_processes", "fria_period", "fria_persons", "fria_risks", "fria_oversight", "fria_measures", "fria_complaints"]));
    expect(preview.dropped).toEqual([]);
    const upgraded = await upgradeResponse(deps, actors.lead, depia.id, "1.1.0");
    expect(upgraded.sections.map((s) => s.sectionId)).toContain("fria");
  });
});
