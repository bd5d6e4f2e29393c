import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import type { Deps } from "../../platform/deps.ts";
import { awarenessOverview } from "../deliberation/awareness.ts";
import { makeProject } from "../expert-table/test-helpers.ts";
import { literacyOverview, recentSessions } from "./overview.ts";
import { addMonths, recordSession } from "./record-session.ts";
import { addTraining, changeTraining } from "./trainings.ts";

async function setUp(deps: Deps, slug = "geletterd") {
  const org = await organisationWith(deps, slug, { cio: ["cio"], admin: ["admin"], advisor: ["ethics_advisor"], fg: ["fg"], lead: [], member: [], jurist: ["jurist"] });
  const u = org.users;
  await makeProject(deps, org.organisationId, { title: "Slimme toeslagen", roles: [{ userId: u.lead!.id, role: "lead" }, { userId: u.member!.id, role: "member" }] });
  const a = Object.fromEntries(await Promise.all(Object.entries(u).map(async ([k, v]) => [k, await v.actor()] as const)));
  return { ...org, a };
}

const basics = { title: "Basistraining AI", description: "Wat AI is", validityMonths: 24, audience: ["lead", "member", "cio"] };

describeEachEngine("AI literacy", (get) => {
  it("adds months the calendar way", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2026-03-01", 24)).toBe("2028-03-01");
    expect(addMonths("2026-03-01", -14)).toBe("2025-01-01");
  });

  it("records trainings and sessions; per person and per role who is covered and when it expires", async () => {
    const { deps } = get();
    const { a, users } = await setUp(deps);
    const t1 = await addTraining(deps, a.cio!, basics);
    const t2 = await addTraining(deps, a.advisor!, { title: "Toezicht op hoog risico", validityMonths: 12, audience: ["lead"] });
    // The test clock starts on 2026-03-01: a session 11 months ago expires within 60 days.
    await recordSession(deps, a.admin!, { trainingId: t1, date: "2025-06-10", participantUserIds: [users.lead!.id, users.cio!.id], participantNames: ["Gast van buiten"] });
    await recordSession(deps, a.cio!, { trainingId: t2, date: "2025-04-01", participantUserIds: [users.lead!.id] });
    await recordSession(deps, a.cio!, { trainingId: t2, date: "2024-01-15", participantUserIds: [users.lead!.id] });

    const o = await literacyOverview(deps, a.fg!);
    const lead = o.people.find((p) => p.userId === users.lead!.id)!;
    expect(lead.roles).toEqual(["lead"]);
    expect(lead.trainings).toEqual([
      { trainingId: t1, required: true, status: "valid", lastDate: "2025-06-10", validUntil: "2027-06-10" },
      { trainingId: t2, required: true, status: "expiring", lastDate: "2025-04-01", validUntil: "2026-04-01" },
    ]);
    expect(lead.covered).toBe(true);
    const member = o.people.find((p) => p.userId === users.member!.id)!;
    expect([member.inScope, member.covered, member.trainings[0]!.status]).toEqual([true, false, "none"]);
    const jurist = o.people.find((p) => p.userId === users.jurist!.id)!;
    expect([jurist.inScope, jurist.covered]).toEqual([false, false]);
    expect(o.roles).toEqual([
      { role: "lead", people: 1, covered: 1, expiringSoon: 1 },
      { role: "member", people: 1, covered: 0, expiringSoon: 0 },
      { role: "cio", people: 1, covered: 1, expiringSoon: 0 },
    ]);
    expect(o.total).toEqual({ people: 3, covered: 2, expiringSoon: 1 });

    // The session is an awareness activity too, with the person without an account.
    const year = await awarenessOverview(deps, a.advisor!, 2025);
    expect(year.activities.map((x) => [x.kind, x.topic, x.participants.length])).toEqual([
      ["training", "Toezicht op hoog risico", 1],
      ["training", "Basistraining AI", 3],
    ]);
    const sessions = await recentSessions(deps, a.cio!);
    expect(sessions[0]!.participants).toEqual(["cio geletterd", "lead geletterd", "Gast van buiten"]);
  });

  it("an expired training no longer covers; a changed validity applies to later sessions only", async () => {
    const { deps } = get();
    const { a, users } = await setUp(deps);
    const t = await addTraining(deps, a.cio!, { ...basics, validityMonths: 12, audience: ["member"] });
    await recordSession(deps, a.cio!, { trainingId: t, date: "2025-01-10", participantUserIds: [users.member!.id] });
    let member = (await literacyOverview(deps, a.cio!)).people.find((p) => p.userId === users.member!.id)!;
    expect([member.trainings[0]!.status, member.trainings[0]!.validUntil, member.covered]).toEqual(["expired", "2026-01-10", false]);
    await changeTraining(deps, a.cio!, t, { ...basics, validityMonths: 36, audience: ["member"] });
    member = (await literacyOverview(deps, a.cio!)).people.find((p) => p.userId === users.member!.id)!;
    expect(member.trainings[0]!.validUntil).toBe("2026-01-10");
    await recordSession(deps, a.cio!, { trainingId: t, date: "2026-02-01", participantUserIds: [users.member!.id] });
    member = (await literacyOverview(deps, a.cio!)).people.find((p) => p.userId === users.member!.id)!;
    expect([member.trainings[0]!.status, member.trainings[0]!.validUntil, member.covered]).toEqual(["valid", "2029-02-01", true]);
  });

  it("records the audit events", async () => {
    const { deps } = get();
    const { a, users, organisationId } = await setUp(deps);
    const t = await addTraining(deps, a.cio!, basics);
    await changeTraining(deps, a.cio!, t, { ...basics, validityMonths: 18 });
    await recordSession(deps, a.cio!, { trainingId: t, date: "2026-02-01", participantUserIds: [users.member!.id] });
    const events = await deps.db.selectFrom("audit_events").select(["action"]).where("organisation_id", "=", organisationId).orderBy("id").execute();
    const actions = events.map((e) => e.action).filter((x) => x.startsWith("ai_literacy.") || x === "awareness.recorded");
    expect(actions).toEqual(["ai_literacy.training_added", "ai_literacy.training_changed", "awareness.recorded", "ai_literacy.session_recorded"]);
  });

  it("refuses who may not record or read, and bad input", async () => {
    const { deps } = get();
    const { a, users } = await setUp(deps);
    const other = await setUp(deps, "elders");
    expect(await codeOf(addTraining(deps, a.lead!, basics))).toBe("forbidden:error.forbidden");
    expect(await codeOf(addTraining(deps, a.fg!, basics))).toBe("forbidden:error.forbidden");
    expect(await codeOf(literacyOverview(deps, a.jurist!))).toBe("forbidden:error.forbidden");
    expect(await codeOf(literacyOverview(deps, a.lead!))).toBe("forbidden:error.forbidden");
    expect(await codeOf(addTraining(deps, a.cio!, { ...basics, validityMonths: 0 }))).toBe("validation:ai_literacy.validity_range");
    expect(await codeOf(addTraining(deps, a.cio!, { ...basics, validityMonths: "121" }))).toBe("validation:ai_literacy.validity_range");
    expect(await codeOf(addTraining(deps, a.cio!, { ...basics, validityMonths: "twee" }))).toBe("validation:field.number");
    expect(await codeOf(addTraining(deps, a.cio!, { ...basics, audience: [] }))).toBe("validation:ai_literacy.audience_required");
    expect(await codeOf(addTraining(deps, a.cio!, { ...basics, audience: ["wizard"] }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(addTraining(deps, a.cio!, { ...basics, title: "x".repeat(201) }))).toBe("validation:field.too_long");
    const t = await addTraining(deps, a.cio!, basics);
    const theirs = await addTraining(deps, other.a.cio!, basics);
    expect(await codeOf(recordSession(deps, a.cio!, { trainingId: t, date: "2026-03-02", participantUserIds: [users.lead!.id] }))).toBe("validation:ai_literacy.date_in_future");
    expect(await codeOf(recordSession(deps, a.cio!, { trainingId: t, date: "2026-02-30", participantUserIds: [users.lead!.id] }))).toBe("validation:field.date");
    expect(await codeOf(recordSession(deps, a.cio!, { trainingId: t, date: "2026-02-01", participantUserIds: [] }))).toBe("validation:ai_literacy.participants_required");
    expect(await codeOf(recordSession(deps, a.cio!, { trainingId: t, date: "2026-02-01", participantUserIds: [other.users.lead!.id] }))).toBe("validation:deliberation.user_unknown");
    expect(await codeOf(recordSession(deps, a.cio!, { trainingId: theirs, date: "2026-02-01", participantUserIds: [users.lead!.id] }))).toBe("not_found:error.not_found");
    expect(await codeOf(changeTraining(deps, a.cio!, theirs, basics))).toBe("not_found:error.not_found");
    // Nothing was half written.
    expect(await deps.db.selectFrom("awareness_activities").select("id").where("organisation_id", "=", a.cio!.organisationId).execute()).toEqual([]);
  });
});
