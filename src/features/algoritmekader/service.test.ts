import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { giveReview, startDepia, submitDepiaVersion } from "../assessments/depia.ts";
import { finishScreening } from "../assessments/screening.ts";
import { allSections, fillScreening } from "../assessments/test-helpers.ts";
import { finishClassification, reviewClassification } from "../ai-act/classification.ts";
import { recordFriaNotification } from "../ai-act/fria.ts";
import { aiActSetting, answerClassification, HIGH_RISK } from "../ai-act/test-helpers.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { coverageCsv, organisationCoverage, projectRequirements, setRequirementStatus } from "./service.ts";
import "../registry.ts";

const statusOf = async (deps: Parameters<typeof projectRequirements>[0], actor: Parameters<typeof projectRequirements>[1], projectId: string, code: string) =>
  (await projectRequirements(deps, actor, projectId)).requirements.find((r) => r.requirement.id === `urn:nl:ak:ver:${code}`)?.status;

describeEachEngine("algoritmekader", (get) => {
  it("a requirement's status follows its evidence: DEPIA accepted → avg-13 met; reviews reopened → not yet", async () => {
    const { deps } = get();
    const { projectId, actors } = await aiActSetting(deps);
    const before = await projectRequirements(deps, actors.lead, projectId);
    expect(before.classified).toBe(false);
    expect(before.awaitingClassification.length).toBeGreaterThan(0);
    expect((await statusOf(deps, actors.lead, projectId, "avg-13"))?.status).toBe("not_yet");

    await answerClassification(deps, actors.lead, projectId, HIGH_RISK);
    await finishClassification(deps, actors.lead, projectId);
    await reviewClassification(deps, actors.fg, projectId, { decision: "confirmed" });
    const classified = await projectRequirements(deps, actors.lead, projectId);
    expect(classified.requirements.map((r) => r.requirement.id)).toEqual(expect.arrayContaining(["urn:nl:ak:ver:aia-27", "urn:nl:ak:ver:aia-25", "urn:nl:ak:ver:avg-13"]));

    await fillScreening(deps, actors.lead, projectId);
    await finishScreening(deps, actors.lead, projectId);
    await startDepia(deps, actors.lead, projectId);
    await submitDepiaVersion(deps, actors.lead, projectId);
    const sections = { ...allSections(deps, "acceptable"), fria: { verdict: "acceptable" } };
    await giveReview(deps, actors.fg, projectId, { version: 1, overall: "acceptable", advice: "Goed", sections });
    expect((await statusOf(deps, actors.lead, projectId, "avg-13"))?.status).toBe("not_yet");
    await giveReview(deps, actors.iso, projectId, { version: 1, overall: "acceptable", advice: "Goed", sections });
    expect(await statusOf(deps, actors.lead, projectId, "avg-13")).toMatchObject({ status: "met", source: "evidence", metBy: ["depia_accepted"] });
    expect((await statusOf(deps, actors.lead, projectId, "aia-27"))?.status).toBe("not_yet");
    await recordFriaNotification(deps, actors.lead, projectId, { authority: "Autoriteit Persoonsgegevens", notifiedOn: "2026-11-20" });
    expect((await statusOf(deps, actors.lead, projectId, "aia-27"))?.status).toBe("met");

    // A new version reopens the reviews: the requirement is not met until they are given again.
    const depia = await getOrCreateResponse(deps, actors.lead, projectId, "depia");
    await saveAnswers(deps, actors.lead, depia.id, { proposal: "Een proef met signalen van energieleveranciers." });
    await submitDepiaVersion(deps, actors.lead, projectId);
    expect((await statusOf(deps, actors.lead, projectId, "avg-13"))?.status).toBe("not_yet");
    // A person cannot tick it off while the evidence decides.
    expect(await codeOf(setRequirementStatus(deps, actors.lead, projectId, { requirementId: "urn:nl:ak:ver:avg-13", status: "met", reason: "Toch af." }))).toBe("validation:ak.override.evidence_decides");

    const coverage = await organisationCoverage(deps, actors.fg);
    expect(coverage.rows.find((r) => r.requirementId === "urn:nl:ak:ver:avg-13")).toMatchObject({ counts: { not_yet: 1 }, gaps: [projectId] });
    const csv = await coverageCsv(deps, actors.fg, { requirement: "Vereiste", title: "Titel", met: "Voldaan", notYet: "Nog niet", notApplicable: "Nvt", gaps: "Gaten" });
    expect(csv).toContain("urn:nl:ak:ver:avg-13");
  });

  it("bad input: not applicable without a reason is refused; with a reason it holds", async () => {
    const { deps } = get();
    const { projectId, actors } = await aiActSetting(deps);
    expect(await codeOf(setRequirementStatus(deps, actors.lead, projectId, { requirementId: "urn:nl:ak:ver:arc-01", status: "not_applicable", reason: "" }))).toBe("validation:ak.override.reason_required");
    expect((await statusOf(deps, actors.lead, projectId, "arc-01"))?.status).toBe("not_yet");
    expect(await codeOf(setRequirementStatus(deps, actors.fg, projectId, { requirementId: "urn:nl:ak:ver:arc-01", status: "not_applicable", reason: "x" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(setRequirementStatus(deps, actors.lead, projectId, { requirementId: "urn:nl:ak:ver:zzz-99", status: "not_applicable", reason: "x" }))).toBe("validation:ak.unknown_requirement");
    await setRequirementStatus(deps, actors.lead, projectId, { requirementId: "urn:nl:ak:ver:arc-01", status: "not_applicable", reason: "Het archief regelt de leverancier." });
    expect(await statusOf(deps, actors.lead, projectId, "arc-01")).toMatchObject({ status: "not_applicable", source: "override", reason: "Het archief regelt de leverancier." });
  });
});
