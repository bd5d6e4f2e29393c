import { expect, it } from "vitest";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { getCase } from "../committee/service.ts";
import { searchPrecedents } from "../committee/precedents.ts";
import { codeOf, makeProject } from "../expert-table/test-helpers.ts";
import { awarenessOverview, recordActivity } from "./awareness.ts";
import {
  actionToMeasure,
  addAction,
  addParticipant,
  addPosition,
  closeDeliberation,
  escalateDeliberation,
  getDeliberation,
  listDeliberations,
  openDeliberation,
  openDeliberationCount,
  saveRecord,
  saveStep,
} from "./service.ts";

async function setUp(deps: Deps) {
  const org = await organisationWith(deps, "beraad", { advisor: ["ethics_advisor"], lead: [], member: [], outsider: [], chair: ["committee_chair", "committee_member"] });
  const u = org.users;
  const projectId = await makeProject(deps, org.organisationId, { title: "Parkeerapp", roles: [{ userId: u.lead!.id, role: "lead" }, { userId: u.member!.id, role: "member" }] });
  const a = Object.fromEntries(await Promise.all(Object.entries(u).map(async ([k, v]) => [k, await v.actor()] as const)));
  return { ...org, projectId, a };
}

describeEachEngine("moral deliberation", (get) => {
  it("a session works through the method's steps, is escalated with one click and counts for the gate until then", async () => {
    const { deps } = get();
    const { a, projectId, organisationId } = await setUp(deps);
    const id = await openDeliberation(deps, a.lead!, { title: "Boetes via camera", caseDescription: "Mogen we kentekens scannen?", method: "deliberation-utrecht", projectId, heldOn: "2026-03-05" });
    expect(await openDeliberationCount(deps, organisationId, projectId)).toBe(1);
    let d = await getDeliberation(deps, a.lead!, id);
    expect(d).toMatchObject({ method: "deliberation-utrecht", methodVersion: "1.0.0", facilitator: "lead beraad" });
    expect(d.participants).toEqual([expect.objectContaining({ role: "facilitator", name: "lead beraad" })]);
    expect(d.steps.map((s) => s.sectionId)).toEqual(["step_1_facts_question", "step_2_options", "step_3_affected", "step_4_arguments", "step_5_weighing", "step_6_decision"]);

    await addParticipant(deps, a.lead!, id, { name: "Handhaver", role: "case_holder" });
    await addParticipant(deps, a.lead!, id, { name: "Notulist", role: "scribe", userId: a.member!.userId });
    expect(await saveStep(deps, a.lead!, id, "step_1_facts_question", { facts: "Scanauto rijdt rond." })).toBe("in_progress");
    expect(await saveStep(deps, a.lead!, id, "step_1_facts_question", { facts: "Scanauto rijdt rond.", moral_question: "Mag dit?" })).toBe("complete");
    expect(await saveStep(deps, a.lead!, id, "step_3_affected", { affected: [{ party: "Bewoners", stake: "privacy" }] })).toBe("complete");
    expect(await saveStep(deps, a.lead!, id, "step_4_arguments", { arguments: [{ option: "Scannen" }], values_at_stake: ["privacy"] })).toBe("complete");
    // The engine refuses answers of the wrong type, unknown values and questions of another step.
    expect(await codeOf(saveStep(deps, a.lead!, id, "step_2_options", { options: 12 }))).toBe("validation:deliberation.answer.wrong_type");
    expect(await codeOf(saveStep(deps, a.lead!, id, "step_4_arguments", { values_at_stake: ["geluk"] }))).toBe("validation:deliberation.answer.unknown_value_tag");
    expect(await codeOf(saveStep(deps, a.lead!, id, "step_2_options", { facts: "x" }))).toBe("validation:deliberation.answer.unknown_question");
    expect(await codeOf(saveStep(deps, a.lead!, id, "nope", {}))).toBe("not_found:error.not_found");

    await saveRecord(deps, a.lead!, id, { moralQuestion: "Mogen we kentekens scannen voor handhaving?", stakeholders: "Bewoners, bezoekers", values: ["privacy", "veiligheid"], options: "Scannen; steekproef", conclusion: "Alleen scannen met korte bewaartermijn." });
    expect(await codeOf(saveRecord(deps, a.lead!, id, { values: ["onbekend"] }))).toBe("validation:field.invalid_choice");
    await addPosition(deps, a.lead!, id, { holder: "Handhaving", position: "Scannen", arguments: "Efficiënt" });
    expect(await codeOf(addPosition(deps, a.lead!, id, { holder: "X", position: "", arguments: "Y" }))).toBe("validation:field.required");
    const actionId = await addAction(deps, a.lead!, id, { title: "Bewaartermijn vastleggen", dueDate: "2026-04-01" });
    // Actions become measures of the linked project.
    const measureId = await actionToMeasure(deps, a.member!, id, actionId);
    expect(await deps.db.selectFrom("measures").select(["source_type", "project_id"]).where("id", "=", measureId).executeTakeFirst()).toEqual({ source_type: "deliberation", project_id: projectId });
    expect(await codeOf(actionToMeasure(deps, a.member!, id, actionId))).toBe("conflict:deliberation.measure_exists");

    // The scribe, a participant with an account, can read it; outsiders cannot.
    expect((await getDeliberation(deps, a.member!, id)).may.edit).toBe(false);
    expect(await codeOf(getDeliberation(deps, a.outsider!, id))).toBe("not_found:error.not_found");
    expect(await listDeliberations(deps, a.outsider!)).toEqual([]);
    expect(await codeOf(addPosition(deps, a.member!, id, { holder: "X", position: "Y", arguments: "Z" }))).toBe("forbidden:error.forbidden");

    const caseId = await escalateDeliberation(deps, a.lead!, id);
    expect(await openDeliberationCount(deps, organisationId, projectId)).toBe(0);
    d = await getDeliberation(deps, a.lead!, id);
    expect(d).toMatchObject({ status: "escalated", committeeCaseId: caseId });
    expect(await codeOf(saveRecord(deps, a.lead!, id, { conclusion: "Anders" }))).toBe("rule_refused:deliberation.not_open");
    const committeeCase = await getCase(deps, a.chair!, caseId);
    expect(committeeCase).toMatchObject({ origin: "deliberation", deliberationId: id, question: "Mogen we kentekens scannen voor handhaving?", values: ["privacy", "veiligheid"], projectId });
    expect(committeeCase.record).toMatchObject({ conclusion: "Alleen scannen met korte bewaartermijn.", positions: "Handhaving: Scannen — Efficiënt", actions: "Bewaartermijn vastleggen" });
    // The conclusion is in the precedent library.
    expect((await searchPrecedents(deps, a.advisor!, { q: "bewaartermijn" })).map((h) => h.sourceType)).toEqual(["deliberation"]);
  });

  it("who may open, and closing needs a conclusion", async () => {
    const { deps } = get();
    const { a, projectId } = await setUp(deps);
    expect(await codeOf(openDeliberation(deps, a.member!, { title: "T", caseDescription: "C", method: "deliberation-socratic", projectId, heldOn: "2026-03-05" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(openDeliberation(deps, a.lead!, { title: "T", caseDescription: "C", method: "deliberation-socratic", heldOn: "2026-03-05" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(openDeliberation(deps, a.advisor!, { title: "T", caseDescription: "C", method: "deliberation-onbekend", heldOn: "2026-03-05" }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(openDeliberation(deps, a.advisor!, { title: "T", caseDescription: "C", method: "deliberation-socratic", heldOn: "5 maart" }))).toBe("validation:field.date");
    const id = await openDeliberation(deps, a.advisor!, { title: "T", caseDescription: "C", method: "deliberation-guidance-ethics", heldOn: "2026-03-05" });
    expect(await codeOf(saveStep(deps, a.advisor!, id, "publication", { publication_consent: { choice: "maybe" } }))).toBe("validation:deliberation.answer.wrong_type");
    expect(await saveStep(deps, a.advisor!, id, "publication", { publication_consent: { choice: "yes" } })).toBe("complete");
    expect(await codeOf(closeDeliberation(deps, a.advisor!, id))).toBe("rule_refused:deliberation.conclusion_required");
    await saveRecord(deps, a.advisor!, id, { conclusion: "Klaar." });
    await closeDeliberation(deps, a.advisor!, id);
    expect((await getDeliberation(deps, a.advisor!, id)).status).toBe("closed");
    expect(await codeOf(escalateDeliberation(deps, a.advisor!, id))).toBe("rule_refused:deliberation.not_open");
    expect(await codeOf(actionToMeasure(deps, a.advisor!, id, "x"))).toBe("rule_refused:deliberation.no_project_for_measure");
  });

  it("records awareness activities and shows growth per quarter", async () => {
    const { deps } = get();
    const { a } = await setUp(deps);
    await recordActivity(deps, a.advisor!, { kind: "training", date: "2026-01-10", topic: "Data-ethiek", participantNames: ["Anna", "Bram"], participantUserIds: [a.lead!.userId] });
    await recordActivity(deps, a.advisor!, { kind: "session", date: "2026-05-02", topic: "Moreel beraad", participantNames: ["anna", "Cees"] });
    await recordActivity(deps, a.advisor!, { kind: "presentation", date: "2025-12-01", topic: "Vorig jaar", participantNames: ["Dirk"] });
    expect(await codeOf(recordActivity(deps, a.lead!, { kind: "training", date: "2026-01-10", topic: "X", participantNames: ["A"] }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(recordActivity(deps, a.advisor!, { kind: "training", date: "2026-01-10", topic: "X" }))).toBe("validation:deliberation.awareness.participants_required");
    expect(await codeOf(recordActivity(deps, a.advisor!, { kind: "webinar", date: "2026-01-10", topic: "X", participantNames: ["A"] }))).toBe("validation:field.invalid_choice");
    const year = await awarenessOverview(deps, a.advisor!, 2026);
    expect(year.quarters.map((q) => [q.activities, q.participants, q.uniquePeople, q.cumulativeUniquePeople])).toEqual([
      [1, 3, 3, 3],
      [1, 2, 2, 4],
      [0, 0, 0, 4],
      [0, 0, 0, 4],
    ]);
    expect(year.byKind).toEqual({ training: 1, presentation: 0, session: 1 });
    expect(year.activities[0]!.participants).toEqual(["lead beraad", "Anna", "Bram"]);
    expect(await codeOf(awarenessOverview(deps, a.member!, 2026))).toBe("forbidden:error.forbidden");
  });
});
