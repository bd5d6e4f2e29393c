import { expect, it } from "vitest";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { emptySnapshot } from "./test-snapshot.ts";
import { InstrumentRegistry, type Instrument } from "../../instruments/index.ts";
import { instrument as sampleInstrument, section, t } from "../../instruments/test-fixtures.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import { AppError } from "../../platform/errors.ts";
import { updateValue } from "../values/service.ts";
import { valuesProfile } from "../values/profile.ts";
import "./index.ts";
import { CANVAS_INSTRUMENT_ID, contributeCanvasStatus } from "./canvas.ts";
import {
  addComment,
  diffVersions,
  findResponse,
  freezeVersion,
  getOrCreateResponse,
  getResponse,
  listComments,
  listVersions,
  markSectionForReview,
  previewUpgrade,
  responseProgress,
  saveAnswers,
  upgradeResponse,
} from "./service.ts";
import { makeProject } from "./test-helpers.ts";

async function setUp(deps: Parameters<typeof organisationWith>[0], options: { phase?: string } = {}) {
  const org = await organisationWith(deps, "leeuw", { lead: [], member: [], fg: ["fg"], outsider: [], admin: ["admin"] });
  const projectId = await makeProject(deps, org.organisationId, { phase: options.phase, team: { [org.users.lead!.id]: "lead", [org.users.member!.id]: "member" } });
  return {
    ...org,
    projectId,
    lead: await org.users.lead!.actor(),
    member: await org.users.member!.actor(),
    fg: await org.users.fg!.actor(),
    outsider: await org.users.outsider!.actor(),
    admin: await org.users.admin!.actor(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** Every required canvas question answered. */
export const COMPLETE_CANVAS: Record<string, unknown> = {
  data_sources: "Signalen van de woningcorporatie.",
  legal_basis: "Wettelijke taak (Wet gemeentelijke schuldhulpverlening).",
  personal_data_kind: "personal",
  limitations: "Niet alle verhuurders doen mee.",
  laws_and_codes: "AVG, Wgs.",
  purpose: "Inwoners met schulden eerder helpen.",
  beneficiaries: "Inwoners met betalingsachterstanden.",
  positive_effects: "Minder huisuitzettingen.",
  negative_effects: "Mensen kunnen zich bekeken voelen.",
  mitigations: "Alleen contact met toestemming.",
  engagement: "Klantpanel schuldhulp.",
  correction_and_appeal: "Via het wijkteam, antwoord binnen vijf werkdagen.",
  communication: "Brief in eenvoudige taal.",
  publication: "Beschrijving in het algoritmeregister.",
  sharing: "Nee.",
  routines: "Vast agendapunt in het teamoverleg.",
  review_plan: "Evaluatie met het wijkteam.",
  review_frequency: "quarterly",
};

describeEachEngine("instrument responses", (get) => {
  it("pins a new response to the newest instrument version and saves valid answers", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    expect(response).toMatchObject({ instrumentId: "ethics-canvas", instrumentVersion: "1.0.0", status: "not_started", revision: 0, canEdit: true });
    expect((await getOrCreateResponse(deps, s.member, s.projectId, CANVAS_INSTRUMENT_ID)).id).toBe(response.id);

    const saved = await saveAnswers(deps, s.member, response.id, {
      data_sources: "Gegevens van de woningcorporatie",
      source_list: [{ source: "Huurachterstanden", owner: "Woningcorporatie", personal_data: true }],
    });
    expect(saved.revision).toBe(1);
    expect(saved.answers).toMatchObject({ data_sources: "Gegevens van de woningcorporatie" });
    expect(saved.sections.find((x) => x.sectionId === "data_sources")).toMatchObject({ status: "complete", display: "complete" });
    expect(saved.sections.find((x) => x.sectionId === "data_rights")).toMatchObject({ status: "not_started" });
    expect(saved.status).toBe("in_progress");

    // A change merges; an empty value removes the answer.
    const merged = await saveAnswers(deps, s.member, response.id, { legal_basis: "Wettelijke taak", data_sources: "" });
    expect(merged.answers.data_sources).toBeUndefined();
    expect(merged.answers.legal_basis).toBe("Wettelijke taak");
    expect(merged.sections.find((x) => x.sectionId === "data_rights")).toMatchObject({ status: "in_progress", requiredAnswered: 1, requiredTotal: 2 });

    const events = await deps.db.selectFrom("audit_events").select(["action", "after_json"]).where("entity_id", "=", response.id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["instrument_response.created", "instrument_response.answers_saved", "instrument_response.answers_saved"]);
    expect(JSON.parse(events[2]!.after_json!)).toEqual({ revision: 2, answers: { data_sources: null, legal_basis: "Wettelijke taak" } });
  });

  it("refuses an answer of the wrong type with a clear Dutch message and changes nothing", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    await saveAnswers(deps, s.lead, response.id, { purpose: "Eerder helpen" });
    const error = await refusal(saveAnswers(deps, s.lead, response.id, { purpose: "Nog eerder helpen", data_sources: 42, personal_data_kind: "misschien" }));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual([
      { field: "data_sources", messageKey: "instrument_responses.answer.wrong_type", params: { expected: "text" } },
      { field: "personal_data_kind", messageKey: "instrument_responses.answer.invalid_option", params: { value: "misschien" } },
    ]);
    const { translator } = await import("../../platform/i18n/index.ts");
    expect(translator("nl")(error.fieldErrors[0]!.messageKey, error.fieldErrors[0]!.params)).toBe("Dit soort antwoord past niet bij deze vraag.");
    const after = await getResponse(deps, s.lead, response.id);
    expect(after.answers).toEqual({ purpose: "Eerder helpen" });
    expect(after.revision).toBe(1);
    // Unknown questions, tags that are not values, over-long text: refused too.
    expect((await refusal(saveAnswers(deps, s.lead, response.id, { bestaat_niet: "x" }))).fieldErrors[0]!.messageKey).toBe("instrument_responses.answer.unknown_question");
    expect((await refusal(saveAnswers(deps, s.lead, response.id, { values_at_stake: ["geluk"] }))).fieldErrors[0]!.messageKey).toBe("instrument_responses.answer.unknown_value_tag");
    expect((await refusal(saveAnswers(deps, s.lead, response.id, { purpose: "x".repeat(10_001) }))).fieldErrors[0]).toMatchObject({ messageKey: "instrument_responses.answer.too_long", params: { max: 10_000 } });
    expect((await getResponse(deps, s.lead, response.id)).revision).toBe(1);
  });

  it("a complete save checks required questions; a partial one does not", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    const error = await refusal(saveAnswers(deps, s.lead, response.id, { purpose: "Doel" }, { partial: false }));
    expect(error.fieldErrors.some((e) => e.field === "data_sources" && e.messageKey === "instrument_responses.answer.required")).toBe(true);
    const done = await saveAnswers(deps, s.lead, response.id, COMPLETE_CANVAS, { partial: false });
    expect(done.status).toBe("complete");
    // A conditional question becomes required once its condition holds.
    const other = await refusal(saveAnswers(deps, s.lead, response.id, { ...COMPLETE_CANVAS, review_frequency: "other" }, { partial: false }));
    expect(other.fieldErrors).toEqual([{ field: "review_frequency_other", messageKey: "instrument_responses.answer.required", params: {} }]);
    await expect(saveAnswers(deps, s.lead, response.id, { purpose: "Ander doel" }, { expectedRevision: 0 })).rejects.toMatchObject({ code: "conflict" });
  });

  it("tracks section status with an explicit 'for review' mark", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    await saveAnswers(deps, s.lead, response.id, { purpose: "Doel", beneficiaries: "Inwoners" });
    await markSectionForReview(deps, s.member, response.id, "reasons", true);
    const marked = await getResponse(deps, s.fg, response.id);
    expect(marked.sections.find((x) => x.sectionId === "reasons")).toMatchObject({ status: "complete", markedForReview: true, display: "for_review" });
    expect(marked.canEdit).toBe(false);
    await markSectionForReview(deps, s.member, response.id, "reasons", false);
    expect((await getResponse(deps, s.lead, response.id)).sections.find((x) => x.sectionId === "reasons")!.display).toBe("complete");
    const progress = await responseProgress(deps, s.fg, s.projectId, CANVAS_INSTRUMENT_ID);
    expect(progress).toMatchObject({ status: "in_progress", sectionsApplicable: 15, sectionsComplete: 1 });
    await expect(markSectionForReview(deps, s.fg, response.id, "reasons", true)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("freezes versions and shows a readable diff between any two", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    await saveAnswers(deps, s.lead, response.id, { purpose: "Eerder helpen", personal_data_kind: "personal", reidentification: { choice: "no" } });
    expect(await freezeVersion(deps, s.lead, response.id, "Eerste opzet")).toMatchObject({ number: 1, note: "Eerste opzet", instrumentVersion: "1.0.0" });
    await saveAnswers(deps, s.member, response.id, { purpose: "Inwoners met schulden eerder helpen", personal_data_kind: "special", values_at_stake: ["privacy", "vng_1"], reidentification: null });
    expect((await freezeVersion(deps, s.member, response.id)).number).toBe(2);
    await saveAnswers(deps, s.member, response.id, { beneficiaries: "Inwoners" });

    const versions = await listVersions(deps, s.fg, response.id);
    expect(versions.map((v) => [v.number, v.note, v.createdByName])).toEqual([
      [2, "", "member leeuw"],
      [1, "Eerste opzet", "lead leeuw"],
    ]);
    const diff = await diffVersions(deps, s.fg, response.id, 1, 2);
    expect(diff.changedSections).toEqual(["data_rights", "reasons", "negative_effects"]);
    expect(diff.changes.map((c) => [c.questionId, c.kind, c.before?.nl ?? null, c.after?.nl ?? null])).toEqual([
      ["personal_data_kind", "changed", "Ja, gewone persoonsgegevens", "Ja, ook gevoelige gegevens (zoals gezondheid, strafrecht of BSN)"],
      ["purpose", "changed", "Eerder helpen", "Inwoners met schulden eerder helpen"],
      ["values_at_stake", "added", null, "Privacy, VNG I. Van maatschappelijke waarde"],
      ["reidentification", "removed", "Nee", null],
    ]);
    expect((await diffVersions(deps, s.fg, response.id, 2, "current")).changes.map((c) => c.questionId)).toEqual(["beneficiaries"]);
    await expect(diffVersions(deps, s.fg, response.id, 1, 9)).rejects.toMatchObject({ code: "not_found" });
    await expect(freezeVersion(deps, s.fg, response.id, "")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("diffs show a value with the name it had when each version was made", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    await saveAnswers(deps, s.lead, response.id, { values_at_stake: ["autonomie"] });
    await freezeVersion(deps, s.lead, response.id);
    await updateValue(deps, s.admin, "autonomie", { nameNl: "Zelfbeschikking", nameEn: "Self-determination", descriptionNl: "", descriptionEn: "", active: "1" });
    await saveAnswers(deps, s.lead, response.id, { values_at_stake: ["autonomie", "privacy"] });
    await freezeVersion(deps, s.lead, response.id);
    const diff = await diffVersions(deps, s.lead, response.id, 1, 2);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ questionId: "values_at_stake", kind: "changed", before: { nl: "Autonomie" }, after: { nl: "Zelfbeschikking, Privacy", en: "Self-determination, Privacy" } });
  });

  it("keeps a response on its pinned instrument version until an explicit upgrade with a diff", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const v1: Instrument = sampleInstrument([
      section("s1", [
        { id: "q1", type: "text", label: t("q1") },
        { id: "q2", type: "single_choice", label: t("q2"), options: [{ value: "a", label: t("a") }, { value: "b", label: t("b") }] },
        { id: "old", type: "text", label: t("old question") },
      ]),
    ]);
    const v2: Instrument = {
      ...v1,
      version: "1.1.0",
      sections: [section("s1", [{ id: "q1", type: "text", label: t("q1") }, { id: "q2", type: "single_choice", label: t("q2"), options: [{ value: "a", label: t("a") }] }, { id: "q3", type: "text", label: t("q3") }])],
    };
    const before = { ...deps, instruments: new InstrumentRegistry([v1]) };
    const response = await getOrCreateResponse(before, s.lead, s.projectId, "sample");
    await saveAnswers(before, s.lead, response.id, { q1: "blijft", q2: "b", old: "vervalt" });

    const after = { ...deps, instruments: new InstrumentRegistry([v1, v2]) };
    const pinned = await getResponse(after, s.lead, response.id);
    expect(pinned).toMatchObject({ instrumentVersion: "1.0.0", latestInstrumentVersion: "1.1.0", answers: { q1: "blijft", q2: "b", old: "vervalt" } });
    // Saving still checks against the pinned version: "b" is fine there.
    await saveAnswers(after, s.lead, response.id, { q2: "b" });

    const preview = await previewUpgrade(after, s.fg, response.id);
    expect(preview).toMatchObject({ from: "1.0.0", to: "1.1.0" });
    expect(preview.dropped.map((d) => d.questionId).sort()).toEqual(["old", "q2"]);
    expect(preview.questionsAdded.map((q) => q.questionId)).toEqual(["q3"]);
    expect(preview.changes.map((c) => [c.questionId, c.kind, c.label.nl])).toEqual([
      ["q2", "removed", "q2 (nl)"],
      ["old", "removed", "old question (nl)"],
    ]);
    await expect(upgradeResponse(after, s.fg, response.id, "1.1.0")).rejects.toMatchObject({ code: "forbidden" });
    const upgraded = await upgradeResponse(after, s.lead, response.id, "1.1.0");
    expect(upgraded).toMatchObject({ instrumentVersion: "1.1.0", answers: { q1: "blijft" }, lastVersion: 1 });
    expect(Object.keys(upgraded.answers)).toEqual(["q1"]);
    const versions = await listVersions(after, s.lead, response.id);
    expect(versions[0]).toMatchObject({ number: 1, instrumentVersion: "1.0.0" });
    await expect(upgradeResponse(after, s.lead, response.id, "1.1.0")).rejects.toMatchObject({ code: "rule_refused" });
  });

  it("lets colleagues comment per question, with author, time and an audit event", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    const id = await addComment(deps, s.fg, response.id, { questionId: "legal_basis", body: "Welke wet precies? Noem het artikel." });
    await addComment(deps, s.lead, response.id, { questionId: "legal_basis", body: "Artikel 3 Wgs." });
    await addComment(deps, s.member, response.id, { questionId: "purpose", body: "Doel aangescherpt." });
    const onLegal = await listComments(deps, s.member, response.id, { questionId: "legal_basis" });
    expect(onLegal.map((c) => [c.authorName, c.body])).toEqual([
      ["fg leeuw", "Welke wet precies? Noem het artikel."],
      ["lead leeuw", "Artikel 3 Wgs."],
    ]);
    expect(onLegal[0]!.createdAt).toMatch(/^2026-03-01T/);
    expect(await listComments(deps, s.fg, response.id)).toHaveLength(3);
    const event = await deps.db.selectFrom("audit_events").select(["action", "actor_id", "after_json"]).where("action", "=", "instrument_response.comment_added").orderBy("seq").executeTakeFirst();
    expect(event).toMatchObject({ actor_id: s.fg.userId });
    expect(JSON.parse(event!.after_json!)).toMatchObject({ commentId: id, questionId: "legal_basis" });
    expect((await refusal(addComment(deps, s.fg, response.id, { questionId: "bestaat_niet", body: "x" }))).fieldErrors[0]!.messageKey).toBe("instrument_responses.unknown_question");
    expect((await refusal(addComment(deps, s.fg, response.id, { questionId: "purpose", body: " " }))).fieldErrors[0]!.field).toBe("body");
    await expect(addComment(deps, s.outsider, response.id, { questionId: "purpose", body: "Mag ik?" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("permissions: the team edits, the FG reads and comments, others see nothing", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    await saveAnswers(deps, s.member, response.id, { purpose: "Door een projectlid" });
    const fgView = await getResponse(deps, s.fg, response.id);
    expect(fgView).toMatchObject({ canEdit: false, answers: { purpose: "Door een projectlid" } });
    await expect(saveAnswers(deps, s.fg, response.id, { purpose: "Door de FG" })).rejects.toMatchObject({ code: "forbidden" });
    await addComment(deps, s.fg, response.id, { questionId: "purpose", body: "Graag concreter." });

    // Someone in the organisation without a role on the project, and anyone of another organisation: not found.
    await expect(getResponse(deps, s.outsider, response.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getOrCreateResponse(deps, s.outsider, s.projectId, CANVAS_INSTRUMENT_ID)).rejects.toMatchObject({ code: "not_found" });
    const other = await organisationWith(deps, "ander", { fg: ["fg"], lead: [] });
    const otherFg = await other.users.fg!.actor();
    await expect(getResponse(deps, otherFg, response.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveAnswers(deps, otherFg, response.id, { purpose: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listComments(deps, otherFg, response.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(findResponse(deps, otherFg, s.projectId, CANVAS_INSTRUMENT_ID)).rejects.toMatchObject({ code: "not_found" });
    // An instrument that does not exist.
    await expect(getOrCreateResponse(deps, s.lead, s.projectId, "bestaat-niet")).rejects.toMatchObject({ code: "not_found" });
    expect((await getResponse(deps, s.lead, response.id)).answers).toEqual({ purpose: "Door een projectlid" });
  });

  it("a stopped project's answers can be read but no longer changed", async () => {
    const { deps } = get();
    const s = await setUp(deps, { phase: "stopped" });
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    expect(response.canEdit).toBe(false);
    await expect(saveAnswers(deps, s.lead, response.id, { purpose: "x" })).rejects.toMatchObject({ code: "rule_refused", messageKey: "instrument_responses.project_frozen" });
  });

  it("contributes the canvas status to the gate snapshot", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const project = { id: s.projectId, organisationId: s.organisationId, title: "", phase: "pre_start", domain: "", supplierInvolved: false };
    const snapshot = emptySnapshot();
    await contributeCanvasStatus(deps, project, snapshot);
    expect(snapshot.canvas).toEqual({ status: "not_started" });
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    await saveAnswers(deps, s.lead, response.id, { purpose: "Doel" });
    await contributeCanvasStatus(deps, project, snapshot);
    expect(snapshot.canvas).toEqual({ status: "in_progress" });
    await saveAnswers(deps, s.lead, response.id, COMPLETE_CANVAS);
    await contributeCanvasStatus(deps, project, snapshot);
    expect(snapshot.canvas).toEqual({ status: "complete" });
    // Another organisation's project with the same id pattern is never read.
    await contributeCanvasStatus(deps, { ...project, organisationId: "andere-organisatie" }, snapshot);
    expect(snapshot.canvas).toEqual({ status: "not_started" });
  });

  it("the values profile shows which values the canvas touches, and where", async () => {
    const { deps } = get();
    const s = await setUp(deps);
    const response = await getOrCreateResponse(deps, s.lead, s.projectId, CANVAS_INSTRUMENT_ID);
    await saveAnswers(deps, s.lead, response.id, { data_sources: "Bron", values_at_stake: ["veiligheid"] });
    const profile = await valuesProfile(deps, s.fg, s.projectId);
    const touched = Object.fromEntries(profile.touched.map((e) => [e.value.key, e.touches.map((x) => x.where.nl)]));
    expect(touched).toEqual({
      privacy: ["Gegevensbronnen"],
      veiligheid: ["Welke waarden raakt dit project het meest?"],
      controle_over_technologie: ["Gegevensbronnen", "Redenen om gegevens te gebruiken"],
      kwaliteit_van_leven: ["Redenen om gegevens te gebruiken"],
      vng_1: ["Redenen om gegevens te gebruiken"],
      vng_2: ["Gegevensbronnen"],
    });
    expect(profile.touched[0]!.touches[0]!.href).toBe(`/projects/${s.projectId}/canvas#section-data_sources`);
    expect(profile.untouched.map((v) => v.key)).toEqual(["rechtvaardigheid", "menselijke_waardigheid", "autonomie", "vng_3", "vng_4", "vng_5"]);
    await expect(valuesProfile(deps, s.outsider, s.projectId)).rejects.toMatchObject({ code: "not_found" });
  });
});
