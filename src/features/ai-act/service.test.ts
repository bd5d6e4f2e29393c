import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { REASON_CODES } from "../../domain/ai-act/index.ts";
import { LAW_DUTIES, LAW_RULE_EFFECTS } from "../../instruments/types.ts";
import { FRAMEWORK_DIR, FrameworkLoadError } from "../../law/algoritmekader/index.ts";
import { giveReview, startDepia, submitDepiaVersion } from "../assessments/depia.ts";
import { acceptResidualRisks } from "../assessments/depia.ts";
import { allSections, fillScreening } from "../assessments/test-helpers.ts";
import { finishScreening } from "../assessments/screening.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { projectReadiness, recordGateDecision, recordMaterialChange } from "../projects/service.ts";
import { finishClassification, getClassification, reviewClassification } from "./classification.ts";
import { loadFrameworksAtStart } from "./frameworks.ts";
import { friaState, recordFriaNotification } from "./fria.ts";
import { en, nl } from "./messages.ts";
import { getRegistration, recordRegistrationNumber, saveRegistration } from "./registration.ts";
import { aiActSetting, answerClassification, CONTRADICTORY, HIGH_RISK, PROHIBITED } from "./test-helpers.ts";
import "../registry.ts";

const aiActItems = async (deps: Parameters<typeof projectReadiness>[0], actor: Parameters<typeof projectReadiness>[1], projectId: string) =>
  (await projectReadiness(deps, actor, projectId)).readiness.missing.map((m) => m.key).filter((k) => k.startsWith("ai_act"));

describe("messages", () => {
  it("word every reason code, outcome and duty the domain returns, in Dutch and English", () => {
    const keys = [...REASON_CODES, ...LAW_RULE_EFFECTS.map((e) => `ai_act.${e}`), ...LAW_DUTIES.map((d) => `ai_act.duty.${d}`), "ai_act.contradictory_answers"];
    for (const key of keys) {
      expect(nl[key as keyof typeof nl], key).toBeTruthy();
      expect(en[key as keyof typeof en], key).toBeTruthy();
    }
  });
});

describe("start-up", () => {
  it("loads the Algoritmekader and validates it by its schema; a broken file stops start-up with file, line and reason", () => {
    expect(loadFrameworksAtStart().latestFramework()?.requirements.length).toBeGreaterThanOrEqual(60);
    const dir = mkdtempSync(join(tmpdir(), "ak-"));
    const text = readFileSync(join(FRAMEWORK_DIR, "2.5.1.yaml"), "utf8").replace("phases: [organisatieverantwoordelijkheden, probleemanalyse]", "phases: [geen-fase]");
    writeFileSync(join(dir, "2.5.1.yaml"), text);
    expect(() => loadFrameworksAtStart(dir)).toThrow(FrameworkLoadError);
    try {
      loadFrameworksAtStart(dir);
    } catch (e) {
      expect(String((e as Error).message)).toMatch(/2\.5\.1\.yaml:\d+/);
    }
    loadFrameworksAtStart();
  });
});

describeEachEngine("ai-act", (get) => {
  it("high-risk (Annex III 5(a)): the FRIA in the DEPIA and the EU registration are required at start → execution", async () => {
    const { deps } = get();
    const { projectId, actors } = await aiActSetting(deps);
    await answerClassification(deps, actors.lead, projectId, HIGH_RISK);
    await finishClassification(deps, actors.lead, projectId);
    const overview = await getClassification(deps, actors.fg, projectId);
    expect(overview.current?.result.eventual).toMatchObject({ outcome: "high_risk", annexIiiPoints: ["5(a)"], publicationCategory: "Hoog-risico AI-systeem" });
    expect(overview.current?.result.duties.map((d) => d.duty)).toEqual(expect.arrayContaining(["fria", "eu_registration_deployer"]));
    expect(overview.reviewAs).toBe("fg");
    expect(await aiActItems(deps, actors.owner, projectId)).toEqual(["ai_act_review", "ai_act_fria", "ai_act_eu_registration"]);

    // Reviewed by the CIO's delegate; a second review is a conflict.
    await reviewClassification(deps, actors.cio, projectId, { decision: "confirmed" });
    expect(await codeOf(reviewClassification(deps, actors.fg, projectId, { decision: "confirmed" }))).toBe("conflict:ai_act.review.already");

    // The FRIA appears in the DEPIA, pre-filled from the DPIA's answers.
    await fillScreening(deps, actors.lead, projectId);
    await finishScreening(deps, actors.lead, projectId);
    await startDepia(deps, actors.lead, projectId);
    const depia = await getOrCreateResponse(deps, actors.lead, projectId, "depia");
    expect(depia.answers.fria_applies).toBe("yes");
    expect(depia.sections.find((s) => s.sectionId === "fria")?.status).not.toBe("not_applicable");
    await saveAnswers(deps, actors.lead, depia.id, { fria_processes: "Toekennen van bijzondere bijstand.", fria_period: "Doorlopend, dagelijks.", fria_persons: "Aanvragers van bijstand.", fria_risks: "Onterechte afwijzing.", fria_oversight: "Een consulent beslist.", fria_measures: "Steekproeven.", fria_complaints: "Bezwaar bij de gemeente." });
    expect((await friaState(deps, actors.lead.organisationId, projectId)).review).toBe("in_progress");
    await submitDepiaVersion(deps, actors.lead, projectId);
    const sections = { ...allSections(deps, "acceptable"), fria: { verdict: "acceptable" } };
    expect(await codeOf(recordFriaNotification(deps, actors.lead, projectId, { authority: "Autoriteit Persoonsgegevens", notifiedOn: "2026-11-20" }))).toBe("rule_refused:ai_act.fria.not_accepted");
    await giveReview(deps, actors.fg, projectId, { version: 1, overall: "acceptable", advice: "Goed", sections });
    await giveReview(deps, actors.iso, projectId, { version: 1, overall: "acceptable", advice: "Goed", sections });
    await acceptResidualRisks(deps, actors.owner, projectId, { statement: "Akkoord." });
    expect((await friaState(deps, actors.lead.organisationId, projectId)).review).toBe("accepted");
    expect(await aiActItems(deps, actors.owner, projectId)).toEqual(["ai_act_fria", "ai_act_eu_registration"]);
    await recordFriaNotification(deps, actors.lead, projectId, { authority: "Autoriteit Persoonsgegevens", notifiedOn: "2026-11-20", reference: "AP-1" });
    expect(await aiActItems(deps, actors.owner, projectId)).toEqual(["ai_act_eu_registration"]);

    // The EU registration: prepared, incomplete refused, then recorded.
    const prepared = await getRegistration(deps, actors.lead, projectId);
    expect(prepared.fields.deployer_name).toBe("Gemeente alpha");
    expect(prepared.fields.fria_summary).toContain("bijzondere bijstand");
    expect(await codeOf(recordRegistrationNumber(deps, actors.lead, projectId, { registrationNumber: "EU-123" }))).toBe("rule_refused:ai_act.registration.incomplete");
    await saveRegistration(deps, actors.lead, projectId, { ...prepared.fields, deployer_address: "Stadhuisplein 1", deployer_contact: "ai@alpha.example", provider_entry_url: "https://example.eu/entry/1", dpia_summary: "Laag restrisico." });
    expect(await codeOf(saveRegistration(deps, actors.fg, projectId, prepared.fields))).toBe("forbidden:error.forbidden");
    await recordRegistrationNumber(deps, actors.lead, projectId, { registrationNumber: "EU-123" });
    expect(await aiActItems(deps, actors.owner, projectId)).toEqual([]);
  });

  it("prohibited: the project stops at its next gate, the process working", async () => {
    const { deps } = get();
    const { projectId, actors } = await aiActSetting(deps);
    await answerClassification(deps, actors.lead, projectId, PROHIBITED);
    await finishClassification(deps, actors.lead, projectId);
    const readiness = await projectReadiness(deps, actors.owner, projectId);
    expect(readiness.readiness.missing[0]).toMatchObject({ key: "ai_act_prohibited", who: "owner" });
    expect(readiness.readiness.ready).toBe(false);
    expect(await codeOf(recordGateDecision(deps, actors.owner, projectId, { decision: "go", rationale: "Toch doorgaan." }))).toMatch(/^rule_refused|^conflict/);
    await recordGateDecision(deps, actors.owner, projectId, { decision: "stop", rationale: "Verboden volgens de AI-verordening." });
    expect((await loadProjectForActor(deps.db, actors.owner, projectId)).phase).toBe("stopped");
  });

  it("bad input: contradicting answers and an incomplete set are refused; nothing is recorded", async () => {
    const { deps } = get();
    const { projectId, actors } = await aiActSetting(deps);
    const response = await getOrCreateResponse(deps, actors.lead, projectId, "ai-act-classification");
    await saveAnswers(deps, actors.lead, response.id, { is_algorithm: "yes" });
    expect(await codeOf(finishClassification(deps, actors.lead, projectId))).toBe("rule_refused:ai_act.incomplete");
    await answerClassification(deps, actors.lead, projectId, CONTRADICTORY);
    const live = await getClassification(deps, actors.lead, projectId);
    expect(live.live?.state).toBe("contradictory");
    expect(live.canFinish).toBe(false);
    expect(await codeOf(finishClassification(deps, actors.lead, projectId))).toBe("rule_refused:ai_act.contradictory_answers");
    expect((await getClassification(deps, actors.lead, projectId)).records).toEqual([]);
  });

  it("review: only the DPO or the CIO's delegate outside the project; a rejection or a material change asks it again", async () => {
    const { deps } = get();
    const { projectId, actors } = await aiActSetting(deps);
    await answerClassification(deps, actors.lead, projectId, HIGH_RISK);
    expect(await codeOf(finishClassification(deps, actors.fg, projectId))).toBe("forbidden:error.forbidden");
    await finishClassification(deps, actors.lead, projectId);
    const leadAsFg = { ...actors.lead, organisationRoles: new Set([...actors.lead.organisationRoles, "fg" as const]) };
    expect(await codeOf(reviewClassification(deps, leadAsFg, projectId, { decision: "confirmed" }))).toBe("forbidden:ai_act.review.own_project");
    expect(await codeOf(reviewClassification(deps, actors.iso, projectId, { decision: "confirmed" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(reviewClassification(deps, actors.fg, projectId, { decision: "rejected" }))).toBe("validation:ai_act.review.note_required");
    await reviewClassification(deps, actors.fg, projectId, { decision: "rejected", note: "Punt 5(a) klopt niet: het gaat om toezicht." });
    expect(await aiActItems(deps, actors.owner, projectId)).toEqual(["ai_act_redo"]);

    await finishClassification(deps, actors.lead, projectId);
    await reviewClassification(deps, actors.fg, projectId, { decision: "confirmed" });
    expect(await aiActItems(deps, actors.owner, projectId)).toEqual(["ai_act_fria", "ai_act_eu_registration"]);
    await recordMaterialChange(deps, actors.lead, projectId, { kind: "new_data_source", description: "Ook gegevens van de zorgverzekeraar." });
    expect((await getClassification(deps, actors.lead, projectId)).redo?.because).toBe("material_change");
    expect(await aiActItems(deps, actors.owner, projectId)).toEqual(["ai_act_redo"]);
  });
});
