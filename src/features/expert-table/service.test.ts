import { expect, it } from "vitest";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import { createMeeting } from "./meetings.ts";
import {
  addRecommendation,
  expertAdviceState,
  finaliseAdvice,
  getAdviceRequest,
  listAdviceRequests,
  removeRecommendation,
  requestAdvice,
  respondToRecommendation,
  saveAdvice,
  scheduleAdviceRequest,
} from "./service.ts";
import { codeOf, makeProject } from "./test-helpers.ts";
import type { Deps } from "../../platform/deps.ts";

async function setUp(deps: Deps) {
  const org = await organisationWith(deps, "tafel", {
    lead: [],
    owner: [],
    advisor: ["ethics_advisor"],
    member: ["expert_table_member"],
    involvedMember: ["expert_table_member"],
    outsider: [],
    fg: ["fg"],
  });
  const u = org.users;
  const projectId = await makeProject(deps, org.organisationId, {
    title: "Slimme afvalinzameling",
    roles: [
      { userId: u.lead!.id, role: "lead" },
      { userId: u.owner!.id, role: "owner" },
      { userId: u.involvedMember!.id, role: "member" },
    ],
  });
  return { ...org, projectId, u };
}

describeEachEngine("expert table advice", (get) => {
  it("runs from request to given advice answered per recommendation, and feeds the gate snapshot", async () => {
    const { deps } = get();
    const { u, projectId, organisationId } = await setUp(deps);
    const lead = await u.lead!.actor();
    const advisor = await u.advisor!.actor();
    const member = await u.member!.actor();
    expect(await expertAdviceState(deps, organisationId, projectId)).toEqual({ status: "none" });

    const requestId = await requestAdvice(deps, lead, { projectId, question: "Wat vindt de experttafel van ons plan?" });
    expect(await expertAdviceState(deps, organisationId, projectId)).toEqual({ status: "requested", requestedOn: "2026-03-01" });
    expect(await codeOf(requestAdvice(deps, lead, { projectId, question: "Nog een vraag" }))).toBe("conflict:expert_table.request_open");

    const meetingId = await createMeeting(deps, advisor, "expert_table", { date: "2026-03-10", title: "Experttafel maart" });
    await scheduleAdviceRequest(deps, advisor, requestId, { meetingId });
    expect((await getAdviceRequest(deps, lead, requestId)).status).toBe("scheduled");

    await saveAdvice(deps, member, requestId, { summary: "Goed doel, let op bias.", findings: { rechtvaardigheid: "Kans op scheve data.", privacy: "" } });
    await addRecommendation(deps, advisor, requestId, { text: "Doe een bias-toets." });
    await addRecommendation(deps, member, requestId, { text: "Leg menselijke controle vast." });
    const third = await addRecommendation(deps, member, requestId, { text: "Tijdelijk." });
    await removeRecommendation(deps, member, third);
    // One advice per request: saving again rewrites the same advice.
    await saveAdvice(deps, advisor, requestId, { summary: "Goed doel; let op bias en menselijke controle.", findings: { rechtvaardigheid: "Kans op scheve data." } });
    expect(await deps.db.selectFrom("expert_advice").select("id").execute()).toHaveLength(1);

    await finaliseAdvice(deps, advisor, requestId);
    let view = await getAdviceRequest(deps, lead, requestId);
    expect(view.advice).toMatchObject({ status: "given", summary: "Goed doel; let op bias en menselijke controle.", findings: { rechtvaardigheid: "Kans op scheve data." } });
    expect(view.advice!.recommendations.map((r) => [r.number, r.text])).toEqual([
      [1, "Doe een bias-toets."],
      [2, "Leg menselijke controle vast."],
    ]);
    expect(view.may).toMatchObject({ respond: true, write: false });
    expect(await expertAdviceState(deps, organisationId, projectId)).toMatchObject({ status: "given", recommendationsTotal: 2, recommendationsAnswered: 0 });
    expect(await codeOf(saveAdvice(deps, advisor, requestId, { summary: "Anders" }))).toBe("rule_refused:expert_table.already_given");

    const [r1, r2] = view.advice!.recommendations;
    await respondToRecommendation(deps, lead, r1!.id, { response: "comply", text: "Bias-toets in april." });
    await respondToRecommendation(deps, lead, r2!.id, { response: "explain", text: "Er is geen automatisch besluit; een medewerker beslist altijd al." });
    expect(await expertAdviceState(deps, organisationId, projectId)).toMatchObject({ status: "given", givenOn: "2026-03-01", recommendationsTotal: 2, recommendationsAnswered: 2 });

    // The answers are visible to the table.
    view = await getAdviceRequest(deps, member, requestId);
    expect(view.advice!.recommendations.map((r) => r.response)).toEqual(["comply", "explain"]);
    const events = await deps.db.selectFrom("audit_events").select("action").where("action", "like", "expert_%").execute();
    expect(events.map((e) => e.action)).toContain("expert_advice.given");
    expect(events.filter((e) => e.action === "expert_recommendation.answered")).toHaveLength(2);
  });

  it("refuses the wrong people and bad input", async () => {
    const { deps } = get();
    const { u, projectId } = await setUp(deps);
    const lead = await u.lead!.actor();
    const member = await u.member!.actor();
    const involved = await u.involvedMember!.actor();
    const outsider = await u.outsider!.actor();
    const fg = await u.fg!.actor();

    expect(await codeOf(requestAdvice(deps, member, { projectId, question: "Vraag" }))).toBe("forbidden:expert_table.only_lead_requests");
    expect(await codeOf(requestAdvice(deps, outsider, { projectId, question: "Vraag" }))).toBe("validation:expert_table.project_unknown");
    expect(await codeOf(requestAdvice(deps, lead, { projectId, question: "" }))).toBe("validation:field.required");
    const requestId = await requestAdvice(deps, lead, { projectId, question: "Vraag" });

    // Segregation of duties: a table member with a role in the project does not write its advice.
    expect(await codeOf(saveAdvice(deps, involved, requestId, { summary: "Ik vind het prima." }))).toBe("forbidden:expert_table.involved");
    expect(await codeOf(addRecommendation(deps, involved, requestId, { text: "Iets" }))).toBe("forbidden:expert_table.involved");
    expect((await getAdviceRequest(deps, involved, requestId)).may).toMatchObject({ write: false, involved: true });
    // Only the table writes advice; the FG may read the project but not write the table's advice.
    expect(await codeOf(saveAdvice(deps, fg, requestId, { summary: "x" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(saveAdvice(deps, lead, requestId, { summary: "x" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(getAdviceRequest(deps, outsider, requestId))).toBe("not_found:error.not_found");
    expect(await listAdviceRequests(deps, outsider)).toEqual([]);

    // An empty recommendation is refused, alone or in a list.
    expect(await codeOf(addRecommendation(deps, member, requestId, { text: "   " }))).toBe("validation:field.required");
    expect(await codeOf(saveAdvice(deps, member, requestId, { summary: "S", recommendations: ["Goed", ""] }))).toBe("validation:field.required");
    expect(await codeOf(finaliseAdvice(deps, member, requestId))).toBe("rule_refused:expert_table.summary_required");
    await saveAdvice(deps, member, requestId, { summary: "S", recommendations: ["Doe dit."] });

    const recId = (await getAdviceRequest(deps, member, requestId)).advice!.recommendations[0]!.id;
    expect(await codeOf(respondToRecommendation(deps, lead, recId, { response: "comply", text: "ja" }))).toBe("rule_refused:expert_table.not_given_yet");
    await finaliseAdvice(deps, member, requestId);
    expect(await codeOf(respondToRecommendation(deps, lead, recId, { response: "explain", text: "" }))).toBe("validation:field.required");
    expect(await codeOf(respondToRecommendation(deps, lead, recId, { response: "maybe", text: "x" }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(respondToRecommendation(deps, member, recId, { response: "comply", text: "x" }))).toBe("forbidden:expert_table.only_lead_responds");
    expect(await codeOf(scheduleAdviceRequest(deps, lead, requestId, { meetingId: "x" }))).toBe("forbidden:error.forbidden");
  });

  it("keeps organisations apart", async () => {
    const { deps } = get();
    const { u, projectId } = await setUp(deps);
    const other = await organisationWith(deps, "elders", { member: ["expert_table_member"] });
    const lead = await u.lead!.actor();
    const requestId = await requestAdvice(deps, lead, { projectId, question: "Vraag" });
    const foreign = await other.users.member!.actor();
    expect(await listAdviceRequests(deps, foreign)).toEqual([]);
    expect(await codeOf(getAdviceRequest(deps, foreign, requestId))).toBe("not_found:error.not_found");
    expect(await codeOf(saveAdvice(deps, foreign, requestId, { summary: "x" }))).toBe("not_found:error.not_found");
  });
});
