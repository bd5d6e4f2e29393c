import { expect, it } from "vitest";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { codeOf, makeProject } from "../expert-table/test-helpers.ts";
import { normaliseText, searchPrecedents } from "./precedents.ts";
import { periodicReport, turnaround } from "./report.ts";
import {
  addFgNote,
  adoptAdvice,
  castVote,
  createCase,
  decidePublication,
  getCase,
  getPublicAdvice,
  listCases,
  publishAdvice,
  recordBoardResponse,
  saveCommitteeAdvice,
  setResponseWeeks,
  similarCases,
} from "./service.ts";

async function setUp(deps: Deps) {
  const org = await organisationWith(deps, "commissie", {
    chair: ["committee_chair", "committee_member"],
    member: ["committee_member"],
    involvedMember: ["committee_member"],
    secretary: ["committee_secretary"],
    board: ["board_member"],
    fg: ["fg"],
    owner: [],
    lead: [],
    advisor: ["ethics_advisor"],
    outsider: [],
  });
  const u = org.users;
  const projectId = await makeProject(deps, org.organisationId, {
    title: "Voorspellen van schooluitval",
    domain: "Sociaal domein",
    technologies: ["ai"],
    roles: [
      { userId: u.owner!.id, role: "owner" },
      { userId: u.lead!.id, role: "lead" },
      { userId: u.involvedMember!.id, role: "member" },
    ],
  });
  const a = Object.fromEntries(await Promise.all(Object.entries(u).map(async ([k, v]) => [k, await v.actor()] as const)));
  return { ...org, projectId, a };
}

describeEachEngine("ethics committee", (get) => {
  it("takes a case from question to adopted, published advice answered by the board", async () => {
    const { deps } = get();
    const { a, projectId } = await setUp(deps);
    const caseId = await createCase(deps, a.lead!, { title: "Schooluitval voorspellen", question: "Is het verantwoord om leerlingen met een model te volgen?", origin: "project", projectId, values: ["privacy", "autonomie"] });
    const excluded = await getCase(deps, a.chair!, caseId);
    expect(excluded.excludedPeople).toEqual(["involvedMember commissie"]);
    expect(excluded.technologies).toEqual(["ai"]);

    await saveCommitteeAdvice(deps, a.secretary!, caseId, { text: "Alleen met toestemming van ouders en met menselijke beoordeling." });
    // A board response to a draft advice is refused.
    expect(await codeOf(recordBoardResponse(deps, a.board!, caseId, { decision: "follow" }))).toBe("rule_refused:committee.board_response_draft");
    expect(await codeOf(adoptAdvice(deps, a.chair!, caseId))).toBe("rule_refused:committee.no_votes");
    await castVote(deps, a.member!, caseId, { vote: "for" });
    await castVote(deps, a.chair!, caseId, { vote: "against" });
    expect(await codeOf(adoptAdvice(deps, a.chair!, caseId))).toBe("rule_refused:committee.no_majority");
    await castVote(deps, a.chair!, caseId, { vote: "for" });
    expect(await codeOf(adoptAdvice(deps, a.member!, caseId))).toBe("forbidden:committee.only_chair_adopts");
    await adoptAdvice(deps, a.chair!, caseId);

    let view = await getCase(deps, a.chair!, caseId);
    expect(view.advice).toMatchObject({ status: "adopted", publication: "undecided", responseDue: "2026-04-12" });
    expect(await codeOf(publishAdvice(deps, a.secretary!, caseId))).toBe("rule_refused:committee.publish_undecided");
    await decidePublication(deps, a.chair!, caseId, { publication: "public" });
    await publishAdvice(deps, a.secretary!, caseId);
    const adviceId = view.advice!.id;
    expect((await getPublicAdvice(deps, adviceId)).boardResponse).toBeNull();

    expect(await codeOf(recordBoardResponse(deps, a.board!, caseId, { decision: "deviate", reasons: "" }))).toBe("validation:field.required");
    await recordBoardResponse(deps, a.board!, caseId, { decision: "deviate", reasons: "Het college kiest voor een kleinere proef." });
    expect(await codeOf(recordBoardResponse(deps, a.board!, caseId, { decision: "follow" }))).toBe("conflict:committee.board_already_responded");
    view = await getCase(deps, a.board!, caseId);
    expect(view.boardResponse).toMatchObject({ decision: "deviate" });
    expect(view.status).toBe("answered");
    const published = await getPublicAdvice(deps, adviceId);
    expect(published).toMatchObject({ title: "Schooluitval voorspellen", boardResponse: { decision: "deviate" } });

    // Found again in the precedent library, with or without diacritics.
    expect((await searchPrecedents(deps, a.advisor!, { q: "toestemming ouders" }))[0]?.title).toBe("Schooluitval voorspellen");
    expect(await searchPrecedents(deps, a.member!, { q: "toestemming", value: "privacy", technology: "ai", year: 2026 })).toHaveLength(1);
    expect(await searchPrecedents(deps, a.member!, { q: "toestemming", value: "veiligheid" })).toHaveLength(0);
    expect(normaliseText("Privacy-schending: één Überwachung")).toBe("privacy schending een uberwachung");
  });

  it("excludes members holding a role in the project from drafting and voting; the FG advises but does not vote", async () => {
    const { deps } = get();
    const { a, projectId } = await setUp(deps);
    const caseId = await createCase(deps, a.secretary!, { title: "Zaak", question: "Vraag", origin: "project", projectId });
    expect(await codeOf(saveCommitteeAdvice(deps, a.involvedMember!, caseId, { text: "Mijn advies" }))).toBe("forbidden:committee.excluded");
    await saveCommitteeAdvice(deps, a.member!, caseId, { text: "Advies" });
    // A vote by an excluded member is refused.
    expect(await codeOf(castVote(deps, a.involvedMember!, caseId, { vote: "for" }))).toBe("forbidden:committee.excluded");
    expect(await codeOf(castVote(deps, a.fg!, caseId, { vote: "for" }))).toBe("forbidden:committee.no_vote");
    expect(await codeOf(castVote(deps, a.member!, caseId, { vote: "maybe" }))).toBe("validation:field.invalid_choice");
    const shown = await getCase(deps, a.involvedMember!, caseId);
    expect(shown.excluded).toBe(true);
    expect(shown.may).toMatchObject({ draft: false, vote: false });
    expect((await listCases(deps, a.involvedMember!))[0]?.excluded).toBe(true);
    await addFgNote(deps, a.fg!, caseId, { text: "Let op de DPIA." });
    expect(await codeOf(addFgNote(deps, a.member!, caseId, { text: "x" }))).toBe("forbidden:error.forbidden");
    expect((await getCase(deps, a.chair!, caseId)).fgNotes.map((n) => n.text)).toEqual(["Let op de DPIA."]);
  });

  it("who may open which case", async () => {
    const { deps } = get();
    const { a, projectId } = await setUp(deps);
    expect(await codeOf(createCase(deps, a.member!, { title: "T", question: "V", origin: "resident", submitter: "Inwoner" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(createCase(deps, a.secretary!, { title: "T", question: "V", origin: "resident" }))).toBe("validation:committee.submitter_required");
    await createCase(deps, a.secretary!, { title: "T", question: "V", origin: "resident", submitter: "anoniem" });
    await createCase(deps, a.member!, { title: "T", question: "V", origin: "own_initiative" });
    await createCase(deps, a.board!, { title: "T", question: "V", origin: "board" });
    expect(await codeOf(createCase(deps, a.outsider!, { title: "T", question: "V", origin: "project", projectId }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(createCase(deps, a.lead!, { title: "T", question: "V", origin: "project" }))).toBe("validation:committee.project_required");
    expect(await codeOf(createCase(deps, a.board!, { title: "", question: "V", origin: "board" }))).toBe("validation:field.required");
    expect(await codeOf(createCase(deps, a.board!, { title: "T", question: "V", origin: "deliberation" }))).toBe("validation:field.invalid_choice");
  });

  it("a non-public advice is visible only to the committee, the board and the project's owner; confidential advice is never published", async () => {
    const { deps } = get();
    const { a, projectId } = await setUp(deps);
    const caseId = await createCase(deps, a.owner!, { title: "Vertrouwelijk", question: "Vraag", origin: "project", projectId });
    await saveCommitteeAdvice(deps, a.member!, caseId, { text: "Geheim advies" });
    // A draft is for the committee (and the FG) only.
    expect((await getCase(deps, a.board!, caseId)).advice).toBeNull();
    expect((await getCase(deps, a.fg!, caseId)).advice?.text).toBe("Geheim advies");
    await castVote(deps, a.chair!, caseId, { vote: "for" });
    await adoptAdvice(deps, a.chair!, caseId);
    await decidePublication(deps, a.secretary!, caseId, { publication: "confidential" });
    // Publication of an advice marked confidential is refused.
    expect(await codeOf(publishAdvice(deps, a.chair!, caseId))).toBe("rule_refused:committee.publish_confidential");

    for (const who of ["chair", "member", "secretary", "board", "fg", "owner"] as const) {
      expect((await getCase(deps, a[who]!, caseId)).advice?.text, who).toBe("Geheim advies");
    }
    // The lead created nothing here and is not the owner; the advisor is no committee member: not found.
    expect(await codeOf(getCase(deps, a.lead!, caseId))).toBe("not_found:error.not_found");
    expect(await codeOf(getCase(deps, a.advisor!, caseId))).toBe("not_found:error.not_found");
    expect(await codeOf(getCase(deps, a.outsider!, caseId))).toBe("not_found:error.not_found");
    expect(await listCases(deps, a.outsider!)).toEqual([]);
    const adviceId = (await getCase(deps, a.chair!, caseId)).advice!.id;
    expect(await codeOf(getPublicAdvice(deps, adviceId))).toBe("not_found:error.not_found");
    // Not in the library for those outside the committee side.
    expect(await searchPrecedents(deps, a.advisor!, { q: "geheim" })).toEqual([]);
    expect(await searchPrecedents(deps, a.board!, { q: "geheim" })).toHaveLength(1);
  });

  it("watches the board's deadline and reports turnaround", async () => {
    const { deps } = get();
    const { a, organisationId } = await setUp(deps);
    const caseId = await createCase(deps, a.board!, { title: "Camera's", question: "Mag dit?", origin: "board", values: ["privacy"], technologies: ["camera"], domain: "Openbare ruimte" });
    await saveCommitteeAdvice(deps, a.member!, caseId, { text: "Tel alleen, bewaar geen beelden." });
    await castVote(deps, a.chair!, caseId, { vote: "for" });
    await adoptAdvice(deps, a.chair!, caseId);
    await setResponseWeeks(deps, a.secretary!, caseId, { responseWeeks: 1 });
    expect((await getCase(deps, a.chair!, caseId)).responseDue).toBe("2026-03-08");
    // Move the clock past the deadline.
    const later: Deps = { ...deps, now: () => new Date("2026-03-20T10:00:00Z") };
    const [item] = await listCases(later, a.board!);
    expect(item).toMatchObject({ overdue: true });
    await recordBoardResponse(later, a.board!, caseId, { decision: "follow" });
    expect((await listCases(later, a.board!))[0]?.overdue).toBe(false);

    const similar = await createCase(deps, a.member!, { title: "Camera's bij de haven", question: "Mogen camera's bij de haven?", origin: "own_initiative", values: ["privacy"], technologies: ["camera"] });
    expect((await similarCases(deps, a.member!, similar)).map((h) => h.title)).toEqual(["Camera's"]);

    const report = await periodicReport(later, a.chair!, { from: "2026-01-01", to: "2026-12-31" });
    expect(report.committee.casesOpened).toBe(2);
    expect(report.committee.requestToAdvice.count).toBe(1);
    expect(report.committee.adviceToBoard).toMatchObject({ count: 1, median: 19, max: 19 });
    expect(report.committee).toMatchObject({ boardFollow: 1, boardLate: 1 });
    expect(report.gateDecisions.available).toBe(true);
    expect(turnaround([3, 1, 10, 4])).toEqual({ count: 4, median: 3.5, max: 10 });
    expect(await codeOf(periodicReport(deps, a.lead!, { from: "2026-01-01", to: "2026-12-31" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(periodicReport(deps, a.chair!, { from: "2026-12-01", to: "2026-01-01" }))).toBe("validation:committee.report_period_order");
    void organisationId;
  });
});
