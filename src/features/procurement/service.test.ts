import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { rowCounts } from "../../platform/db/tables.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { translator, type MessageKey } from "../../platform/i18n/index.ts";
import { giveReview, startDepia, submitDepiaVersion } from "../assessments/depia.ts";
import { addMeasureForRisk, addRisk } from "../assessments/risks.ts";
import { finishScreening } from "../assessments/screening.ts";
import { allSections, fillScreening, REQUIRED, RISK } from "../assessments/test-helpers.ts";
import { projectReadiness, recordGateDecision } from "../projects/service.ts";
import {
  checklistInstrument,
  deleteContract,
  getContract,
  listContracts,
  markSupplierMeasures,
  resolvePoint,
  saveChecklist,
  signOffContract,
  updateContract,
  updateProcurementSettings,
  withdrawContract,
} from "./service.ts";
import { codeOf, completeAnswers, CONTRACT, giveAdvice, newContract, procurementSetting, screenWithoutDepia } from "./test-helpers.ts";

const nl = translator("nl");

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** The Dutch words of a refusal: its first field error, else its own message. */
function dutch(e: AppError): string {
  const f = e.fieldErrors[0];
  return f ? nl(f.messageKey, f.params) : nl(e.messageKey as MessageKey, e.params);
}

type Setting = Awaited<ReturnType<typeof procurementSetting>>;

/** Fills the checklist completely and resolves every open point as covered; returns the revision. */
async function makeReady(deps: Deps, s: Setting, contractId: string): Promise<number> {
  const c0 = await getContract(deps, s.actors.lead, contractId);
  const instrument = deps.instruments.get(c0.checklist.instrumentId, c0.checklist.instrumentVersion)!;
  let revision = (await saveChecklist(deps, s.actors.lead, contractId, { answers: completeAnswers(instrument) })).revision;
  for (const p of (await getContract(deps, s.actors.lead, contractId)).points.filter((x) => !x.resolution)) {
    revision = await resolvePoint(deps, s.actors.lead, contractId, { pointKey: p.key, verdict: "covered", clauseRef: "Bijlage A" });
  }
  return revision;
}

describeEachEngine("procurement: contracts and their checklist", (get) => {
  it("the lead registers, lists and changes a contract; bad dates, no supplier and the wrong person are refused in Dutch and change nothing", async () => {
    const { deps, db } = get();
    const s = await procurementSetting(deps);
    const id = await newContract(deps, s.actors.lead, s.projectId);
    const listed = await listContracts(deps, s.actors.jurist, s.projectId);
    expect(listed).toMatchObject([{ id, supplier: CONTRACT.supplier, state: "in_progress", status: "active" }]);
    const contract = await getContract(deps, s.actors.lead, id);
    expect(contract).toMatchObject({ revision: 1, valueBand: "50k_to_threshold", procedure: "multiple_private", may: { edit: true, delete: true, signOff: [] } });
    expect(contract.checklist).toMatchObject({ instrumentId: "procurement-clauses", instrumentVersion: "1.0.0", progress: "not_started" });

    const before = await rowCounts(db, deps.engine);
    const endFirst = await refusal(newContract(deps, s.actors.lead, s.projectId, { startDate: "2026-06-01", endDate: "2026-05-31" }));
    expect(endFirst.code).toBe("validation");
    expect(endFirst.fieldErrors.map((f) => [f.field, f.messageKey])).toEqual([["endDate", "procurement.end_before_start"]]);
    expect(dutch(endFirst)).toMatch(/einddatum.*begindatum/i);
    // With another field wrong as well, both are named at once.
    const both = await refusal(newContract(deps, s.actors.lead, s.projectId, { startDate: "2026-06-01", endDate: "2026-05-31", valueBand: "" }));
    expect(both.fieldErrors.map((f) => f.field).sort()).toEqual(["endDate", "valueBand"]);
    expect(await codeOf(newContract(deps, s.actors.lead, s.projectId, { endDate: "31 mei" }))).toBe("validation:field.date");
    const changeFirst = await refusal(updateContract(deps, s.actors.lead, id, { ...CONTRACT, endDate: "2025-01-01", expectedRevision: 1 }));
    expect(changeFirst.fieldErrors[0]?.messageKey).toBe("procurement.end_before_start");
    expect(await codeOf(newContract(deps, s.actors.member, s.projectId))).toBe("forbidden:procurement.only_team");
    expect(await codeOf(newContract(deps, s.actors.jurist, s.projectId))).toBe("forbidden:procurement.only_team");
    expect(await codeOf(newContract(deps, s.actors.lead, s.projectId, { valueBand: "veel" }))).toBe("validation:procurement.value_band_required");
    await db.updateTable("projects").set({ supplier_involved: 0 }).where("id", "=", s.projectId).execute();
    const noSupplier = await refusal(newContract(deps, s.actors.lead, s.projectId));
    expect(noSupplier.messageKey).toBe("procurement.no_supplier");
    expect(dutch(noSupplier)).toMatch(/leverancier/);
    await db.updateTable("projects").set({ supplier_involved: 1 }).where("id", "=", s.projectId).execute();
    expect(await rowCounts(db, deps.engine)).toEqual(before);

    expect(await updateContract(deps, s.actors.lead, id, { ...CONTRACT, reference: "INK-2026-015", expectedRevision: 1 })).toBe(2);
    expect(await codeOf(updateContract(deps, s.actors.lead, id, { ...CONTRACT, reference: "INK-2026-016", expectedRevision: 1 }))).toBe("conflict:procurement.changed_meanwhile");
    expect((await getContract(deps, s.actors.member, id)).reference).toBe("INK-2026-015");
  });

  it("carries the attention points over when the checklist is shown: a new recommendation appears, a resolved one keeps its verdict", async () => {
    const { deps, db } = get();
    const s = await procurementSetting(deps, "overnemen", { technologies: ["ai_algorithm"] });
    const [first] = await giveAdvice(deps, s.actors, s.projectId, ["Leg vast dat de leverancier geen beelden bewaart."]);
    const id = await newContract(deps, s.actors.lead, s.projectId);
    let c = await getContract(deps, s.actors.lead, id);
    expect(c.points.map((p) => [p.key, p.source, p.resolution])).toEqual([
      [`advice:${first}`, "advice", null],
      ["bias_duty", "bias_duty", null],
    ]);
    expect(c.points[0]).toMatchObject({ text: "Leg vast dat de leverancier geen beelden bewaart.", params: { number: 1 } });

    await resolvePoint(deps, s.actors.lead, id, { pointKey: `advice:${first}`, verdict: "covered", clauseRef: "Artikel 4.2" });
    await resolvePoint(deps, s.actors.lead, id, { pointKey: "bias_duty", verdict: "not_covered", reason: "De leverancier levert geen model, alleen tellingen.", acceptedByUserId: s.actors.owner.userId });
    const [second] = await giveAdvice(deps, s.actors, s.projectId, ["Spreek een exitregeling af."]);

    // A DEPIA review with an improvable section, a risk whose measure depends on the supplier, and a finished bias audit.
    await fillScreening(deps, s.actors.lead, s.projectId, REQUIRED);
    await finishScreening(deps, s.actors.lead, s.projectId);
    await startDepia(deps, s.actors.lead, s.projectId);
    const riskId = await addRisk(deps, s.actors.lead, s.projectId, RISK);
    const measureId = await addMeasureForRisk(deps, s.actors.lead, riskId, { title: "Versleuteling bij de leverancier" });
    await submitDepiaVersion(deps, s.actors.lead, s.projectId, { note: "Eerste versie" });
    const review = await giveReview(deps, s.actors.iso, s.projectId, {
      version: 1,
      overall: "improvable",
      advice: "Leg de sleutelwissel vast in het contract.",
      sections: { ...allSections(deps, "acceptable"), a10_retention: { verdict: "improvable", note: "Bewaartermijn korter", actionOwnerUserId: s.actors.lead.userId, actionDueDate: "2026-05-01" } },
    });
    const auditId = deps.newId();
    const now = deps.now().toISOString();
    await db
      .insertInto("bias_audits")
      .values({ id: auditId, organisation_id: s.org.organisationId, project_id: s.projectId, name: "Uitkomsten 2025", file_name: "u.csv", file_format: "csv", file_bytes: 10, storage_key: "x", columns_json: "[]", delimiter: ",", mapping_json: null, status: "done", progress_bytes: 10, total_bytes: 10, error_code: null, error_params_json: null, report_json: JSON.stringify({ tests: { count: 6, significant: 2 } }), created_by: s.actors.fg.userId, created_by_name: "fg", created_at: now, updated_at: now, started_at: now, finished_at: now, heartbeat_at: null })
      .execute();

    c = await getContract(deps, s.actors.lead, id);
    expect(c.points.map((p) => p.key)).toEqual([`advice:${first}`, `advice:${second}`, `review:${review}`, `review_section:${review}:a10_retention`, "bias_duty", `bias_audit:${auditId}`]);
    expect(c.points.find((p) => p.key === `advice:${first}`)!.resolution).toMatchObject({ verdict: "covered", clauseRef: "Artikel 4.2" });
    expect(c.points.find((p) => p.key === "bias_duty")!.resolution).toMatchObject({ verdict: "not_covered", acceptedByName: "owner overnemen" });
    expect(c.points.find((p) => p.key === `advice:${second}`)!.resolution).toBeNull();
    expect(c.points.find((p) => p.key === `review_section:${review}:a10_retention`)).toMatchObject({ text: "Bewaartermijn korter", params: { role: "iso", version: 1 } });
    expect(c.points.find((p) => p.key === `bias_audit:${auditId}`)).toMatchObject({ text: "Uitkomsten 2025", params: { significant: 2, tests: 6 } });
    expect(c.openPoints).toBe(4);

    // The risk comes over once its measure is marked as depending on the supplier.
    expect(c.supplierMeasures).toEqual([expect.objectContaining({ id: measureId, marked: false, riskLabels: ["R1"] }), expect.anything()]);
    await markSupplierMeasures(deps, s.actors.lead, id, { measureIds: [measureId] });
    c = await getContract(deps, s.actors.lead, id);
    expect(c.points.find((p) => p.key === `risk:${riskId}`)).toMatchObject({ source: "risk", text: RISK.description, context: "Versleuteling bij de leverancier", params: { label: "R1" } });

    // Bad verdicts: an unknown point, covered without a clause, not covered without who accepted it.
    expect(await codeOf(resolvePoint(deps, s.actors.lead, id, { pointKey: "advice:onbekend", verdict: "covered", clauseRef: "1" }))).toBe("validation:procurement.point.unknown");
    expect(await codeOf(resolvePoint(deps, s.actors.lead, id, { pointKey: `advice:${second}`, verdict: "covered" }))).toBe("validation:procurement.point.clause_required");
    expect(await codeOf(resolvePoint(deps, s.actors.lead, id, { pointKey: `advice:${second}`, verdict: "not_covered", reason: "Niet nodig" }))).toBe("validation:procurement.point.accepted_by_required");
    expect(await codeOf(resolvePoint(deps, s.actors.jurist, id, { pointKey: `advice:${second}`, verdict: "covered", clauseRef: "1" }))).toBe("forbidden:procurement.only_team");

    // A marked measure taken back: the risk's verdict stays on record, beside the points.
    await resolvePoint(deps, s.actors.lead, id, { pointKey: `risk:${riskId}`, verdict: "covered", clauseRef: "Artikel 9" });
    await markSupplierMeasures(deps, s.actors.lead, id, { measureIds: [] });
    c = await getContract(deps, s.actors.lead, id);
    expect(c.points.some((p) => p.key === `risk:${riskId}`)).toBe(false);
    expect(c.stalePoints).toEqual([expect.objectContaining({ key: `risk:${riskId}`, source: "risk", text: RISK.description, resolution: expect.objectContaining({ verdict: "covered", clauseRef: "Artikel 9" }) })]);
  });

  it("checks the checklist with the instrument: a wrong answer refuses the whole save", async () => {
    const { deps } = get();
    const s = await procurementSetting(deps, "lijst");
    const id = await newContract(deps, s.actors.lead, s.projectId);
    const refused = await refusal(saveChecklist(deps, s.actors.lead, id, { answers: { ai_variant: "misschien", processor_role: "none" } }));
    expect(refused.fieldErrors).toEqual([expect.objectContaining({ field: "ai_variant", messageKey: "procurement.answer.invalid_option" })]);
    expect((await getContract(deps, s.actors.lead, id)).checklist.answers).toEqual({});
    expect((await saveChecklist(deps, s.actors.lead, id, { answers: { ai_variant: "light" } })).progress).toBe("in_progress");
    const c = await getContract(deps, s.actors.lead, id);
    expect(c).toMatchObject({ revision: 2, checklist: { answers: { ai_variant: "light" } } });
    const instrument = checklistInstrument(deps, { checklist_instrument_id: "procurement-clauses", checklist_instrument_version: "1.0.0" });
    expect((await saveChecklist(deps, s.actors.lead, id, { answers: completeAnswers(instrument, { ai_variant: "high_risk", processor_role: "processor" }) })).progress).toBe("complete");
    expect(await codeOf(saveChecklist(deps, s.actors.member, id, { answers: {} }))).toBe("forbidden:procurement.only_team");
  });
});

describeEachEngine("procurement: the 2nd line's sign-off", (get) => {
  it("signs off by a jurist and an ISO or privacy officer; refuses a project member, an open point and a checklist not complete, in Dutch, changing nothing", async () => {
    const { deps, db } = get();
    const s = await procurementSetting(deps, "akkoord");
    const [rec] = await giveAdvice(deps, s.actors, s.projectId, ["Auditrecht opnemen."]);
    const id = await newContract(deps, s.actors.lead, s.projectId);
    const instrument = checklistInstrument(deps, { checklist_instrument_id: "procurement-clauses", checklist_instrument_version: "1.0.0" });

    const before = await rowCounts(db, deps.engine);
    const incomplete = await refusal(signOffContract(deps, s.actors.jurist, id, { revision: 1 }));
    expect([incomplete.code, incomplete.messageKey]).toEqual(["rule_refused", "procurement.signoff.checklist_incomplete"]);
    let revision = (await saveChecklist(deps, s.actors.lead, id, { answers: completeAnswers(instrument) })).revision;
    const counts = await rowCounts(db, deps.engine);
    const open = await refusal(signOffContract(deps, s.actors.jurist, id, { revision }));
    expect([open.code, open.messageKey, open.params]).toEqual(["rule_refused", "procurement.signoff.open_points", { count: 1 }]);
    expect(dutch(open)).toMatch(/aandachtspunt/);
    const member = await refusal(signOffContract(deps, s.actors.juristInTeam, id, { revision }));
    expect([member.code, member.messageKey]).toEqual(["forbidden", "procurement.signoff.own_project"]);
    expect(dutch(member)).toMatch(/rol in dit project/);
    expect(await codeOf(signOffContract(deps, s.actors.lead, id, { revision }))).toBe("forbidden:procurement.signoff.own_project");
    expect(await codeOf(signOffContract(deps, s.actors.fg, id, { revision }))).toBe("forbidden:procurement.signoff.not_second_line");
    expect(await rowCounts(db, deps.engine)).toEqual(counts);
    expect(before.contract_signoffs).toBe(0);

    revision = await resolvePoint(deps, s.actors.lead, id, { pointKey: `advice:${rec}`, verdict: "covered", clauseRef: "Artikel 12" });
    expect(await codeOf(signOffContract(deps, s.actors.jurist, id, { revision: revision - 1 }))).toBe("conflict:procurement.changed_meanwhile");
    expect((await getContract(deps, s.actors.jurist, id)).may.signOff).toEqual(["jurist"]);
    expect((await getContract(deps, s.actors.juristInTeam, id)).may).toMatchObject({ signOff: [], involved: true });
    expect(await signOffContract(deps, s.actors.jurist, id, { revision, note: "Juridisch in orde." })).toEqual({ signedOff: false });
    expect(await codeOf(signOffContract(deps, s.actors.jurist, id, { revision }))).toBe("conflict:procurement.signoff.already_signed");
    expect((await getContract(deps, s.actors.lead, id)).state).toBe("ready");
    expect(await signOffContract(deps, s.actors.privacy, id, { revision })).toEqual({ signedOff: true });
    expect(await codeOf(signOffContract(deps, s.actors.iso, id, { revision }))).toBe("conflict:procurement.signoff.place_filled");
    const c = await getContract(deps, s.actors.owner, id);
    expect(c).toMatchObject({ state: "signed_off", reopened: false, signedOffOn: deps.now().toISOString().slice(0, 10) });
    expect(c.slots.map((x) => [x.slot, x.signoff?.role, x.signoff?.note])).toEqual([["jurist", "jurist", "Juridisch in orde."], ["iso_or_privacy", "privacy_officer", ""]]);
    const events = (await db.selectFrom("audit_events").select("action").where("entity_id", "=", id).execute()).map((e) => e.action);
    expect(events.filter((a) => a === "contract.signed_off")).toHaveLength(2);
  });

  it("one person with two signer roles signs once; the organisation can ask for both the ISO and the privacy officer", async () => {
    const { deps } = get();
    const s = await procurementSetting(deps, "twee");
    const id = await newContract(deps, s.actors.lead, s.projectId);
    const revision = await makeReady(deps, s, id);
    const both = { ...s.actors.jurist, organisationRoles: new Set([...s.actors.jurist.organisationRoles, "iso" as const]) };
    await signOffContract(deps, both, id, { revision, slot: "iso_or_privacy" });
    expect(await codeOf(signOffContract(deps, both, id, { revision, slot: "jurist" }))).toBe("conflict:procurement.signoff.already_signed");
    expect(await codeOf(signOffContract(deps, s.actors.iso, id, { revision, slot: "jurist" }))).toBe("forbidden:procurement.signoff.not_your_place");

    expect(await codeOf(updateProcurementSettings(deps, s.actors.jurist, { secondSigner: "iso_and_privacy" }))).toBe("forbidden:error.forbidden");
    await updateProcurementSettings(deps, s.actors.admin, { secondSigner: "iso_and_privacy" });
    const c = await getContract(deps, s.actors.lead, id);
    expect(c.slots.map((x) => x.slot)).toEqual(["jurist", "iso", "privacy_officer"]);
    expect(c.state).toBe("ready");
  });

  it("a change to a signed-off contract or its checklist, or a new attention point, re-opens its sign-off", async () => {
    const { deps, db } = get();
    const s = await procurementSetting(deps, "heropenen");
    const id = await newContract(deps, s.actors.lead, s.projectId);
    let revision = await makeReady(deps, s, id);
    await signOffContract(deps, s.actors.jurist, id, { revision });
    await signOffContract(deps, s.actors.iso, id, { revision });
    expect((await getContract(deps, s.actors.lead, id)).state).toBe("signed_off");

    revision = (await saveChecklist(deps, s.actors.lead, id, { answers: { liability_clause: "Artikel 20 (nieuw)" }, expectedRevision: revision })).revision;
    let c = await getContract(deps, s.actors.lead, id);
    expect(c).toMatchObject({ state: "ready", reopened: true, revision });
    expect(c.slots.every((x) => x.signoff === null)).toBe(true);
    expect(c.earlierSignoffs.map((x) => x.slot).sort()).toEqual(["iso_or_privacy", "jurist"]);
    const reopened = await db.selectFrom("audit_events").select(["action", "after_json"]).where("entity_id", "=", id).where("action", "=", "contract.signoff_reopened").execute();
    expect(reopened).toHaveLength(1);

    await signOffContract(deps, s.actors.jurist, id, { revision });
    await signOffContract(deps, s.actors.iso, id, { revision });
    revision = await updateContract(deps, s.actors.lead, id, { ...CONTRACT, endDate: "2029-02-28" });
    expect((await getContract(deps, s.actors.lead, id))).toMatchObject({ state: "ready", reopened: true });
    await signOffContract(deps, s.actors.jurist, id, { revision });
    await signOffContract(deps, s.actors.iso, id, { revision });

    // A recommendation given after the sign-off: the contract is no longer signed off until the point is dealt with.
    await giveAdvice(deps, s.actors, s.projectId, ["Vraag om een jaarlijkse pentest."]);
    c = await getContract(deps, s.actors.lead, id);
    expect(c).toMatchObject({ state: "in_progress", reopened: true, openPoints: 1 });
  });
});

describeEachEngine("procurement: the start → execution gate", (get) => {
  it("the gate refuses while the contract is not signed off, and opens once the 2nd line signed", async () => {
    const { deps } = get();
    const s = await procurementSetting(deps, "poort");
    await screenWithoutDepia(deps, s.actors, s.projectId);
    const missing = async () => (await projectReadiness(deps, s.actors.owner, s.projectId)).readiness.missing.map((m) => m.key);
    expect(await missing()).toEqual(["contract_signoff"]);
    const go = { decision: "go", rationale: "Alles is rond.", expectedPhase: "start" };
    const refused = await refusal(recordGateDecision(deps, s.actors.owner, s.projectId, go));
    expect([refused.code, refused.messageKey]).toEqual(["rule_refused", "projects.gate.refused_not_ready"]);

    const id = await newContract(deps, s.actors.lead, s.projectId);
    const revision = await makeReady(deps, s, id);
    await signOffContract(deps, s.actors.jurist, id, { revision });
    expect(await missing()).toEqual(["contract_signoff"]);
    await signOffContract(deps, s.actors.privacy, id, { revision });
    expect(await missing()).toEqual([]);
    expect((await projectReadiness(deps, s.actors.owner, s.projectId)).snapshot.supplier).toEqual({ involved: true, contractSignedOff: true, signedOffOn: deps.now().toISOString().slice(0, 10) });

    // A second contract still being prepared closes the gate again; withdrawn, it no longer counts.
    const second = await newContract(deps, s.actors.lead, s.projectId, { supplier: "Kaartdienst B.V." });
    expect(await missing()).toEqual(["contract_signoff"]);
    await withdrawContract(deps, s.actors.lead, second, { confirm: true, reason: "Toch niet nodig." });
    expect(await missing()).toEqual([]);
    expect(await recordGateDecision(deps, s.actors.owner, s.projectId, go)).toMatchObject({ from: "start", to: "execution" });
  });

  it("deletes a contract nobody signed after confirmation; one that was signed is withdrawn instead", async () => {
    const { deps, db } = get();
    const s = await procurementSetting(deps, "weg");
    const draft = await newContract(deps, s.actors.lead, s.projectId);
    expect(await codeOf(deleteContract(deps, s.actors.lead, draft, {}))).toBe("validation:procurement.confirm_required");
    expect(await codeOf(deleteContract(deps, s.actors.member, draft, { confirm: true }))).toBe("forbidden:procurement.only_team");
    expect(await deleteContract(deps, s.actors.lead, draft, { confirm: true })).toBe(s.projectId);
    expect(await db.selectFrom("contracts").select("id").where("id", "=", draft).execute()).toEqual([]);

    const signed = await newContract(deps, s.actors.lead, s.projectId);
    const revision = await makeReady(deps, s, signed);
    await signOffContract(deps, s.actors.jurist, signed, { revision });
    expect((await getContract(deps, s.actors.lead, signed)).may).toMatchObject({ delete: false, withdraw: true });
    expect(await codeOf(deleteContract(deps, s.actors.lead, signed, { confirm: true }))).toBe("rule_refused:procurement.delete.signed_before");
    expect(await codeOf(withdrawContract(deps, s.actors.lead, signed, { confirm: true, reason: "" }))).toBe("validation:procurement.withdraw.reason_required");
    await withdrawContract(deps, s.actors.lead, signed, { confirm: true, reason: "Vervangen door een raamcontract." });
    const c = await getContract(deps, s.actors.lead, signed);
    expect(c).toMatchObject({ status: "withdrawn", state: "withdrawn", withdrawnReason: "Vervangen door een raamcontract.", may: { edit: false } });
    expect(await codeOf(saveChecklist(deps, s.actors.lead, signed, { answers: {} }))).toBe("rule_refused:procurement.withdrawn");
  });
});
