import { describe, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { AppError } from "../../platform/errors.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { listMeasures } from "../measures/service.ts";
import { buildSnapshot, projectReadiness, recordGateDecision, recordMaterialChange } from "../projects/service.ts";
import { loadProjectForActor } from "../projects/access.ts";
import {
  acceptResidualRisks,
  depiaState,
  getDepia,
  getDepiaVersion,
  giveReview,
  recordApConsultation,
  startDepia,
  submitDepiaVersion,
  updateAssessmentSettings,
} from "./depia.ts";
import { exportActionPlanCsv, exportDepiaJson, importDepiaJson } from "./exports.ts";
import { depiaPdf } from "./depia-pdf.ts";
import { addMeasureForRisk, addRisk, listRisks, updateRisk } from "./risks.ts";
import { decideScreeningAsFg, finishScreening, getScreening } from "./screening.ts";
import { effectiveSectionVerdicts, toCsv } from "./rules.ts";
import { layoutHeatMap } from "./heat-map-layout.ts";
import { allSections, fillScreening, REQUIRED, RISK, screeningAnswers, setting } from "./test-helpers.ts";
import { translator } from "../../platform/i18n/index.ts";
import "./index.ts";
import "../registry.ts";

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("rules", () => {
  it("keeps a verdict for sections unchanged since, and asks a fresh one where they changed", () => {
    const versions = [
      { number: 1, changedSections: ["a", "b", "c"] },
      { number: 2, changedSections: ["b"] },
      { number: 3, changedSections: ["c"] },
    ];
    const verdicts = [
      { version: 1, role: "fg", sectionId: "a", verdict: "acceptable" as const, note: "" },
      { version: 1, role: "fg", sectionId: "b", verdict: "to_correct" as const, note: "" },
      { version: 1, role: "fg", sectionId: "c", verdict: "acceptable" as const, note: "" },
      { version: 2, role: "fg", sectionId: "b", verdict: "acceptable" as const, note: "" },
    ];
    expect(effectiveSectionVerdicts(versions, verdicts, "fg", 2, ["a", "b", "c"])).toEqual({
      a: { verdict: "acceptable", version: 1, note: "" },
      b: { verdict: "acceptable", version: 2, note: "" },
      c: { verdict: "acceptable", version: 1, note: "" },
    });
    expect(effectiveSectionVerdicts(versions, verdicts, "fg", 3, ["a", "b", "c"]).c).toBeNull();
    expect(effectiveSectionVerdicts(versions, verdicts, "iso", 1, ["a"]).a).toBeNull();
  });

  it("writes CSV for Dutch Excel: BOM, semicolons, quoting, no formulas", () => {
    expect(toCsv(["a", "b"], [["x;y", '"q"'], ["=1+1", null]])).toBe('\uFEFFa;b\r\n"x;y";"""q"""\r\n\'=1+1;\r\n');
  });

  it("places each risk twice on the heat map", () => {
    const cells = layoutHeatMap([{ label: "R1", inherent: { likelihood: "high", impact: "high" }, residual: { likelihood: "low", impact: "medium" } }]);
    expect(cells.flatMap((c) => c.markers.map((m) => `${m.text}@${c.likelihood}/${c.impact}`))).toEqual(["R1@high/high", "R1′@low/medium"]);
  });
});

describeEachEngine("assessments", (get) => {
  it("screening: outcome with fired criteria is stored at 'afronden'; the FG overrules with a reason", async () => {
    const { deps } = get();
    const { projectId, actors } = await setting(deps);
    await fillScreening(deps, actors.lead, projectId, screeningAnswers({ risk_people: 1 }));
    expect((await refused(finishScreening(deps, actors.fg, projectId))).code).toBe("forbidden");
    await fillScreening(deps, actors.lead, projectId, REQUIRED);
    const live = await getScreening(deps, actors.lead, projectId);
    expect(live.live?.outcome).toBe("required");
    expect(live.canFinish).toBe(true);
    await finishScreening(deps, actors.lead, projectId);
    const s = await getScreening(deps, actors.fg, projectId);
    expect(s.current?.outcome).toBe("required");
    expect(s.current?.fired.map((f) => `${f.kind}:${f.id}`)).toEqual(expect.arrayContaining(["rule:ap_list", "criterion:edpb_scoring", "criterion:ap_profilering"]));
    expect(s.canFgDecide).toBe(true);

    const noReason = await refused(decideScreeningAsFg(deps, actors.fg, projectId, { decision: "overruled", outcome: "recommended" }));
    expect(noReason.fieldErrors.map((e) => e.messageKey)).toEqual(["assessments.screening.fg_reason_required"]);
    expect((await refused(decideScreeningAsFg(deps, actors.lead, projectId, { decision: "confirmed" }))).code).toBe("forbidden");
    await decideScreeningAsFg(deps, actors.fg, projectId, { decision: "overruled", outcome: "recommended", reason: "Alleen een proef met tien huishoudens." });
    const project = await loadProjectForActor(deps.db, actors.lead, projectId);
    expect((await buildSnapshot(deps, project)).screening).toMatchObject({ status: "done", outcome: "recommended" });
    expect((await refused(decideScreeningAsFg(deps, actors.fg, projectId, { decision: "confirmed" }))).code).toBe("conflict");

    // A material change after the screening reopens it.
    await recordMaterialChange(deps, actors.lead, projectId, { kind: "new_data_source", description: "Ook gegevens van de zorgverzekeraar." });
    expect((await buildSnapshot(deps, project)).screening.status).toBe("reopened");
  });

  it("an incomplete screening cannot be finished", async () => {
    const { deps } = get();
    const { projectId, actors } = await setting(deps);
    const response = await getOrCreateResponse(deps, actors.lead, projectId, "pre-dpia");
    await saveAnswers(deps, actors.lead, response.id, { processing_description: "Iets" });
    expect((await refused(finishScreening(deps, actors.lead, projectId))).messageKey).toBe("assessments.screening.incomplete");
  });

  it("risk register: scale, justifications, residual above inherent needs a reason", async () => {
    const { deps } = get();
    const { projectId, actors } = await setting(deps);
    const above = await refused(addRisk(deps, actors.lead, projectId, { ...RISK, residualLikelihood: "high", residualImpact: "high" }));
    expect(above.fieldErrors).toEqual([{ field: "residualAboveInherentReason", messageKey: "assessments.risk.residual_above_inherent_requires_reason" }]);
    const noJustification = await refused(addRisk(deps, actors.lead, projectId, { ...RISK, inherentJustification: "" }));
    expect(noJustification.fieldErrors.map((e) => e.field)).toEqual(["inherentJustification"]);
    expect((await refused(addRisk(deps, actors.lead, projectId, { ...RISK, inherentImpact: "extreme" }))).fieldErrors.map((e) => e.field)).toEqual(["inherentImpact"]);
    expect((await refused(addRisk(deps, actors.lead, projectId, { ...RISK, values: ["unknown_value"] }))).fieldErrors.map((e) => e.field)).toEqual(["values"]);
    expect((await refused(addRisk(deps, actors.fg, projectId, RISK))).code).toBe("forbidden");

    const id = await addRisk(deps, actors.lead, projectId, { ...RISK, residualLikelihood: "high", residualImpact: "high", residualAboveInherentReason: "De maatregel zelf brengt een nieuw risico." });
    const [risk] = await listRisks(deps, actors.fg, projectId);
    expect(risk).toMatchObject({ id, label: "R1", inherent: { level: "high" }, residual: { level: "high" } });
    await updateRisk(deps, actors.member, id, RISK);
    expect((await listRisks(deps, actors.lead, projectId))[0]?.residual?.level).toBe("low");

    const measureId = await addMeasureForRisk(deps, actors.lead, id, { title: "Rollen in het systeem", ownerUserId: actors.member.userId, dueDate: "2026-06-01" });
    expect((await listRisks(deps, actors.lead, projectId))[0]?.measureIds).toEqual([measureId]);
    const measure = (await listMeasures(deps, actors.lead, projectId)).find((m) => m.id === measureId);
    expect(measure).toMatchObject({ ownerUserId: actors.member.userId, dueDate: "2026-06-01", status: "open", source: { type: "risk", id } });
  });

  it("DEPIA journey: review by own lead refused, outdated verdict refused, acceptance while open refused, gate opens", async () => {
    const { deps } = get();
    const { projectId, actors } = await setting(deps);
    const project = await loadProjectForActor(deps.db, actors.lead, projectId);
    await fillScreening(deps, actors.lead, projectId);
    await finishScreening(deps, actors.lead, projectId);

    let readiness = await projectReadiness(deps, actors.owner, projectId);
    expect(readiness.readiness.missing.map((m) => m.key)).toEqual(["depia"]);

    await startDepia(deps, actors.lead, projectId);
    const overview = await getDepia(deps, actors.lead, projectId);
    // Pre-filled from the screening where the instrument says so.
    expect(overview.response?.answers.purposes).toBe(REQUIRED.processing_description);
    for (const [i, r] of [
      { ...RISK },
      { ...RISK, category: "ethics", values: ["rechtvaardigheid"], description: "Het model benadeelt mensen met een migratieachtergrond." },
      { ...RISK, category: "security", values: [], description: "Datalek bij de leverancier." },
    ].entries()) {
      await addRisk(deps, actors.lead, projectId, r);
      expect(i).toBeGreaterThanOrEqual(0);
    }
    expect((await refused(acceptResidualRisks(deps, actors.owner, projectId, { statement: "Akkoord" }))).messageKey).toBe("assessments.acceptance.no_version");
    const v1 = await submitDepiaVersion(deps, actors.lead, projectId, { note: "Eerste versie" });
    expect(v1).toBe(1);
    expect((await refused(submitDepiaVersion(deps, actors.lead, projectId))).messageKey).toBe("assessments.depia.no_changes");

    // Segregation of duties: the lead may not review, even with the FG role in hand.
    const leadAsFg = { ...actors.lead, organisationRoles: new Set([...actors.lead.organisationRoles, "fg" as const]) };
    expect((await refused(giveReview(deps, leadAsFg, projectId, { version: 1, overall: "acceptable", advice: "Prima", sections: allSections(deps, "acceptable") }))).messageKey).toBe("assessments.own_project");
    expect((await refused(giveReview(deps, actors.ciso, projectId, { version: 1, overall: "acceptable", advice: "Prima", sections: allSections(deps, "acceptable") }))).code).toBe("forbidden");

    // Acceptance while the review is open is refused.
    expect((await refused(acceptResidualRisks(deps, actors.owner, projectId, { statement: "Akkoord" }))).messageKey).toBe("assessments.acceptance.review_open");

    // A section left out is refused; the FG says "to correct" on one section.
    const sections = allSections(deps, "acceptable");
    const { a01_proposal: _left, ...missingOne } = sections;
    expect((await refused(giveReview(deps, actors.fg, projectId, { version: 1, overall: "to_correct", advice: "x", sections: missingOne }))).fieldErrors.map((e) => e.messageKey)).toContain("assessments.review.section_required");
    expect((await refused(giveReview(deps, actors.fg, projectId, { version: 1, overall: "acceptable", advice: "x", sections: { ...sections, a01_proposal: { verdict: "to_correct" } } }))).fieldErrors.map((e) => e.field)).toEqual(["overall"]);
    await giveReview(deps, actors.fg, projectId, { version: 1, overall: "to_correct", advice: "Het voorstel is te vaag.", sections: { ...sections, a01_proposal: { verdict: "to_correct", note: "Wat gaat u precies doen?" } } });
    // "Improvable" becomes an action with owner and date.
    const noOwner = await refused(giveReview(deps, actors.iso, projectId, { version: 1, overall: "improvable", advice: "Bijna", sections: { ...sections, a10_retention: { verdict: "improvable" } } }));
    expect(noOwner.fieldErrors.map((e) => e.field)).toEqual(["section.a10_retention.actionOwnerUserId", "section.a10_retention.actionDueDate"]);
    const isoReview = await giveReview(deps, actors.iso, projectId, { version: 1, overall: "improvable", advice: "Bijna", sections: { ...sections, a10_retention: { verdict: "improvable", note: "Bewaartermijn korter", actionOwnerUserId: actors.lead.userId, actionDueDate: "2026-05-01" } } });
    const action = (await listMeasures(deps, actors.lead, projectId)).find((m) => m.source.type === "finding" && m.source.id === isoReview);
    expect(action).toMatchObject({ ownerUserId: actors.lead.userId, dueDate: "2026-05-01" });
    expect((await refused(giveReview(deps, actors.iso, projectId, { version: 1, overall: "acceptable", advice: "x", sections }))).code).toBe("conflict");
    expect((await refused(acceptResidualRisks(deps, actors.owner, projectId, { statement: "Akkoord" }))).messageKey).toBe("assessments.acceptance.to_correct");

    // A new version: only the changed section needs fresh verdicts.
    const response = (await getDepia(deps, actors.lead, projectId)).response!;
    await saveAnswers(deps, actors.lead, response.id, { proposal: "Een proef met signalen van energieleveranciers, alleen voor inwoners die toestemming geven." });
    expect(await submitDepiaVersion(deps, actors.lead, projectId)).toBe(2);
    const v2 = await getDepiaVersion(deps, actors.fg, projectId, 2);
    expect(v2.version.changedSections).toEqual(["a01_proposal"]);
    expect(v2.changes.map((c) => c.questionId)).toEqual(["proposal"]);
    const fgStatus = v2.overview.reviewers.find((r) => r.role === "fg")!;
    expect(Object.entries(fgStatus.effective).filter(([, v]) => v === null).map(([k]) => k)).toEqual(["a01_proposal"]);

    // A verdict on the outdated version is refused.
    expect((await refused(giveReview(deps, actors.fg, projectId, { version: 1, overall: "acceptable", advice: "x", sections }))).messageKey).toBe("assessments.review.outdated_version");
    expect((await refused(giveReview(deps, actors.fg, projectId, { version: 2, overall: "acceptable", advice: "x", sections: {} }))).fieldErrors.map((e) => e.field)).toEqual(["section.a01_proposal.verdict"]);
    await giveReview(deps, actors.fg, projectId, { version: 2, overall: "acceptable", advice: "Nu duidelijk.", sections: { a01_proposal: { verdict: "acceptable" } } });
    await giveReview(deps, actors.iso, projectId, { version: 2, overall: "acceptable", advice: "Akkoord.", sections: { a01_proposal: { verdict: "acceptable" } } });

    readiness = await projectReadiness(deps, actors.owner, projectId);
    expect(readiness.readiness.missing.map((m) => m.key)).toEqual(["residual_risk_acceptance"]);
    expect((await refused(acceptResidualRisks(deps, actors.lead, projectId, { statement: "Akkoord" }))).code).toBe("forbidden");
    expect((await refused(acceptResidualRisks(deps, actors.owner, projectId, { version: 1, statement: "Akkoord" }))).messageKey).toBe("assessments.acceptance.outdated_version");
    await acceptResidualRisks(deps, actors.owner, projectId, { version: 2, statement: "Ik aanvaard de restrisico's: ze zijn laag." });
    expect((await listRisks(deps, actors.lead, projectId)).every((r) => r.accepted !== null)).toBe(true);

    const state = await depiaState(deps, actors.owner.organisationId, projectId);
    expect(state).toMatchObject({ exists: true, currentVersion: 2, fg: { verdict: "acceptable", version: 2 }, iso: { verdict: "acceptable", version: 2 }, residualRiskAcceptance: { version: 2 }, highestResidualLevel: "low", apPriorConsultation: null });
    expect((await buildSnapshot(deps, project)).depia).toEqual(state);
    readiness = await projectReadiness(deps, actors.owner, projectId);
    expect(readiness.readiness.ready).toBe(true);
    await recordGateDecision(deps, actors.owner, projectId, { decision: "go", rationale: "Alles is op orde." });
    expect((await loadProjectForActor(deps.db, actors.owner, projectId)).phase).toBe("execution");
  });

  it("a high residual risk needs the AP's prior consultation before the gate opens; extra reviewers hold acceptance", async () => {
    const { deps } = get();
    const { projectId, actors } = await setting(deps);
    await updateAssessmentSettings(deps, actors.admin, { extraReviewers: ["privacy_officer"] });
    await fillScreening(deps, actors.lead, projectId);
    await finishScreening(deps, actors.lead, projectId);
    await startDepia(deps, actors.lead, projectId);
    await addRisk(deps, actors.lead, projectId, { ...RISK, residualLikelihood: "medium", residualImpact: "high" });
    await submitDepiaVersion(deps, actors.lead, projectId);
    const sections = allSections(deps, "acceptable");
    await giveReview(deps, actors.fg, projectId, { version: 1, overall: "acceptable", advice: "Ok", sections });
    await giveReview(deps, actors.iso, projectId, { version: 1, overall: "acceptable", advice: "Ok", sections });
    expect((await refused(acceptResidualRisks(deps, actors.owner, projectId, { statement: "Akkoord" }))).messageKey).toBe("assessments.acceptance.review_open");
    await giveReview(deps, actors.privacy, projectId, { version: 1, overall: "acceptable", advice: "Ok", sections });
    await acceptResidualRisks(deps, actors.owner, projectId, { statement: "Akkoord, met raadpleging van de AP." });
    let readiness = await projectReadiness(deps, actors.owner, projectId);
    expect(readiness.readiness.missing.map((m) => m.key)).toEqual(["ap_prior_consultation"]);
    expect((await refused(recordApConsultation(deps, actors.lead, projectId, { consultedOn: "2026-13-01", reference: "AP-1", outcome: "x" }))).fieldErrors.map((e) => e.field)).toEqual(["consultedOn"]);
    await recordApConsultation(deps, actors.lead, projectId, { consultedOn: "2026-03-10", reference: "z2026-00123", outcome: "Geen bezwaar, mits jaarlijkse evaluatie." });
    readiness = await projectReadiness(deps, actors.owner, projectId);
    expect(readiness.readiness.ready).toBe(true);
  });

  it("a decision taken already, or on something that moved on since, is a conflict; a changed risk can be accepted again", async () => {
    const { deps } = get();
    const { projectId, actors } = await setting(deps);
    await fillScreening(deps, actors.lead, projectId);
    const screeningId = await finishScreening(deps, actors.lead, projectId);
    const redone = await refused(decideScreeningAsFg(deps, actors.fg, projectId, { screeningId: "een-eerdere-screening", decision: "confirmed" }));
    expect([redone.code, redone.messageKey]).toEqual(["conflict", "assessments.screening.fg_changed"]);
    await decideScreeningAsFg(deps, actors.fg, projectId, { screeningId, decision: "confirmed" });

    await startDepia(deps, actors.lead, projectId);
    const riskId = await addRisk(deps, actors.lead, projectId, RISK);
    await submitDepiaVersion(deps, actors.lead, projectId);
    for (const reviewer of [actors.fg, actors.iso]) await giveReview(deps, reviewer, projectId, { version: 1, overall: "acceptable", advice: "Akkoord", sections: allSections(deps, "acceptable") });
    await acceptResidualRisks(deps, actors.owner, projectId, { version: 1, statement: "Ik aanvaard de restrisico's." });
    const twice = await refused(acceptResidualRisks(deps, actors.owner, projectId, { version: 1, statement: "Nog een keer." }));
    expect([twice.code, twice.messageKey]).toEqual(["conflict", "assessments.acceptance.already"]);
    expect((await getDepia(deps, actors.owner, projectId)).can.accept).toBe(false);
    // A changed risk is no longer covered: the owner may accept again.
    await updateRisk(deps, actors.lead, riskId, { ...RISK, residualJustification: "Toegang alleen voor twee medewerkers." });
    expect((await getDepia(deps, actors.owner, projectId)).can.accept).toBe(true);
    await acceptResidualRisks(deps, actors.owner, projectId, { version: 1, statement: "Ook na de wijziging aanvaard." });
    // A newer version came meanwhile: accepting the one the owner read is a conflict.
    await saveAnswers(deps, actors.lead, (await getDepia(deps, actors.lead, projectId)).response!.id, { proposal: "Een proef met tien huishoudens." });
    await submitDepiaVersion(deps, actors.lead, projectId);
    const outdated = await refused(acceptResidualRisks(deps, actors.owner, projectId, { version: 1, statement: "Akkoord" }));
    expect([outdated.code, outdated.messageKey]).toEqual(["conflict", "assessments.acceptance.outdated_version"]);

    const consultation = { consultedOn: "2026-03-10", reference: "z2026-00123", outcome: "Geen bezwaar." };
    await recordApConsultation(deps, actors.lead, projectId, consultation);
    const again = await refused(recordApConsultation(deps, actors.lead, projectId, consultation));
    expect([again.code, again.messageKey]).toEqual(["conflict", "assessments.ap.already_recorded"]);
    const events = await deps.db.selectFrom("audit_events").select("action").where("entity_id", "=", projectId).where("action", "in", ["depia.residual_risks_accepted", "depia.ap_consultation_recorded", "screening.fg_confirmed"]).execute();
    expect(events.map((e) => e.action).sort()).toEqual(["depia.ap_consultation_recorded", "depia.residual_risks_accepted", "depia.residual_risks_accepted", "screening.fg_confirmed"]);
  });

  it("exports JSON, CSV and PDF, and imports the JSON as a new draft", async () => {
    const { deps } = get();
    const { projectId, actors } = await setting(deps);
    const other = await setting(deps, "bravo");
    await startDepia(deps, actors.lead, projectId);
    const riskId = await addRisk(deps, actors.lead, projectId, RISK);
    await addMeasureForRisk(deps, actors.lead, riskId, { title: "Toegang beperken; ook voor \"beheer\"", dueDate: "2026-06-01", ownerUserId: actors.member.userId });
    await submitDepiaVersion(deps, actors.lead, projectId);
    const json = await exportDepiaJson(deps, actors.fg, projectId);
    expect(json).toMatchObject({ format: "afweging.depia", formatVersion: 1, versions: [{ number: 1 }], risks: [{ ref: "R1", category: "privacy" }] });
    expect(json.actionPlan).toHaveLength(1);

    const csv = await exportActionPlanCsv(deps, actors.lead, projectId, translator("nl"));
    expect(csv.startsWith("\uFEFFid;titel;")).toBe(true);
    expect(csv).toContain('"Toegang beperken; ook voor ""beheer"""');
    expect(csv).toContain(";R1\r\n");

    const pdf = await depiaPdf(deps, actors.lead, projectId, translator("nl"), "nl");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/StructTreeRoot");

    // Import into the other organisation's project: a new draft with the risk and its measure.
    const copy = JSON.parse(JSON.stringify(json));
    const result = await importDepiaJson(deps, other.actors.lead, other.projectId, copy);
    expect(result).toMatchObject({ risks: 1, measures: 1 });
    const risks = await listRisks(deps, other.actors.lead, other.projectId);
    expect(risks.map((r) => r.description)).toEqual([RISK.description]);
    expect((await getDepia(deps, other.actors.lead, other.projectId)).records?.versions).toEqual([]);
    expect((await refused(importDepiaJson(deps, other.actors.lead, other.projectId, copy))).code).toBe("conflict");

    const third = await setting(deps, "charlie");
    const broken = { ...copy, risks: [{ ...copy.risks[0], residual: { likelihood: "high", impact: "high", justification: "x" }, residualAboveInherentReason: null }] };
    expect((await refused(importDepiaJson(deps, third.actors.lead, third.projectId, broken))).fieldErrors.map((e) => e.messageKey)).toEqual(["assessments.risk.residual_above_inherent_requires_reason"]);
    expect((await refused(importDepiaJson(deps, third.actors.lead, third.projectId, { format: "iets anders" }))).messageKey).toBe("assessments.import.invalid");
    expect((await getDepia(deps, third.actors.lead, third.projectId)).records).toBeNull();
    // Another organisation's project is not found.
    expect((await refused(exportDepiaJson(deps, other.actors.fg, projectId))).code).toBe("not_found");
  });
});
