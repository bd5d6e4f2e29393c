import { codeOf } from "../../../test/support/refusals.ts";
import { expect, it } from "vitest";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { addMember, projectReadiness, recordGateDecision, registerProject } from "../projects/service.ts";
import { projectInput } from "../projects/test-helpers.ts";
import { addMeasure, createMeasure, getMeasure, listMeasures, maySignOff, setMeasureStatus, signOffMeasure, updateMeasure } from "./service.ts";


async function setup(deps: Deps, slug: string) {
  const { users } = await organisationWith(deps, slug, { owner: [], lead: [], member: [], outsider: [], fg: ["fg"], privacy: ["privacy_officer"], board: ["board_member"] });
  const id = await registerProject(deps, await users.lead!.actor(), projectInput(users.owner!.id));
  await addMember(deps, await users.lead!.actor(), id, { userId: users.member!.id, role: "member" });
  return { users, id, as: (key: string) => users[key]!.actor() };
}

describeEachEngine("measures", (get) => {
  it("the team adds measures; overdue ones are flagged; the snapshot counts them", async () => {
    const { deps } = get();
    const { users, id, as } = await setup(deps, "maatregel");
    // testDeps' clock starts on 2026-03-01.
    const late = await createMeasure(deps, await as("member"), { projectId: id, title: "Dimmen testen", ownerUserId: users.member!.id, dueDate: "2026-02-15", source: { type: "canvas", id: "actie-3" } });
    const later = await createMeasure(deps, await as("lead"), { projectId: id, title: "Bewoners informeren", description: "Brief aan de wijk", dueDate: "2026-06-30", source: { type: "manual" } });
    const measures = await listMeasures(deps, await as("fg"), id);
    expect(measures.map((m) => [m.id, m.overdue, m.status, m.source])).toEqual([
      [late, true, "open", { type: "canvas", id: "actie-3" }],
      [later, false, "open", { type: "manual", id: null }],
    ]);
    expect(measures[0]!.ownerName).toBe("member maatregel");
    expect((await projectReadiness(deps, await as("owner"), id)).snapshot.measures).toEqual({ total: 2, doneOrExplained: 0 });
    const event = await deps.db.selectFrom("audit_events").select(["action", "entity_type", "after_json"]).where("entity_id", "=", late).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "measure.created", entity_type: "measure" });
    expect(JSON.parse(event.after_json!)).toMatchObject({ projectId: id, title: "Dimmen testen" });
  });

  it("who may add: the team, and the 2nd and 3rd line for advice, risks and findings", async () => {
    const { deps } = get();
    const { id, as } = await setup(deps, "wie");
    expect(await codeOf(createMeasure(deps, await as("fg"), { projectId: id, title: "Uit de audit", source: { type: "finding", id: "b-1" } }))).toBe("no error");
    expect(await codeOf(createMeasure(deps, await as("fg"), { projectId: id, title: "Zelf bedacht", source: { type: "manual" } }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(createMeasure(deps, await as("outsider"), { projectId: id, title: "x", source: { type: "manual" } }))).toBe("not_found:error.not_found");
    expect(await codeOf(createMeasure(deps, await as("board"), { projectId: id, title: "x", source: { type: "advice" } }))).toBe("not_found:error.not_found");
  });

  it("refuses bad input", async () => {
    const { deps } = get();
    const { users, id, as } = await setup(deps, "fout");
    const lead = await as("lead");
    const base = { projectId: id, title: "Goed", source: { type: "manual" } };
    expect(await codeOf(addMeasure(deps, lead, { ...base, title: "" }))).toBe("validation:field.required");
    expect(await codeOf(addMeasure(deps, lead, { ...base, title: "x".repeat(201) }))).toBe("validation:field.too_long");
    expect(await codeOf(addMeasure(deps, lead, { ...base, dueDate: "morgen" }))).toBe("validation:field.date");
    expect(await codeOf(addMeasure(deps, lead, { ...base, dueDate: "2026-02-30" }))).toBe("validation:field.date");
    expect(await codeOf(addMeasure(deps, lead, { ...base, dueDate: "30-06-2026" }))).toBe("validation:field.date");
    expect(await codeOf(addMeasure(deps, lead, { ...base, reviewCadence: "daily" }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(addMeasure(deps, lead, { ...base, source: { type: "horoscope" } }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(addMeasure(deps, lead, { ...base, ownerUserId: "nobody" }))).toBe("validation:measures.owner_unknown");
    const id2 = await createMeasure(deps, lead, { projectId: id, title: "Goed", ownerUserId: users.member!.id, source: { type: "manual" } });
    expect(await codeOf(setMeasureStatus(deps, lead, id2, { status: "explained" }))).toBe("validation:measures.explanation_required");
    expect(await codeOf(setMeasureStatus(deps, lead, id2, { status: "awaiting_signoff" }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(setMeasureStatus(deps, lead, id2, { status: "done" }))).toBe("validation:measures.evidence_required");
    expect(await codeOf(updateMeasure(deps, lead, id2, { title: "Goed", dueDate: "2026-13-01" }))).toBe("validation:field.date");
    expect((await getMeasure(deps, lead, id2)).status).toBe("open");
  });

  it("segregation of duties: 'done' by the owner waits for someone else's sign-off", async () => {
    const { deps } = get();
    const { users, id, as } = await setup(deps, "scheiding");
    const member = await as("member");
    const m = await createMeasure(deps, await as("lead"), { projectId: id, title: "Bewaartermijn vastleggen", ownerUserId: users.member!.id, source: { type: "risk" } });
    expect(await setMeasureStatus(deps, member, m, { status: "done", evidence: "Besluit bewaartermijn, 12 maanden" })).toBe("awaiting_signoff");
    expect((await projectReadiness(deps, member, id)).snapshot.measures).toEqual({ total: 1, doneOrExplained: 0 });
    expect(maySignOff(member, await getMeasure(deps, member, m))).toBe(false);
    expect(await codeOf(signOffMeasure(deps, member, m))).toBe("forbidden:measures.signoff_not_self");
    expect(await codeOf(signOffMeasure(deps, await as("outsider"), m))).toBe("not_found:error.not_found");
    expect(await codeOf(signOffMeasure(deps, await as("fg"), m))).toBe("forbidden:error.forbidden");
    // The 2nd line may confirm.
    await signOffMeasure(deps, await as("privacy"), m);
    const done = await getMeasure(deps, member, m);
    expect(done).toMatchObject({ status: "done", signedOffByName: "privacy scheiding", evidence: "Besluit bewaartermijn, 12 maanden" });
    expect(await codeOf(signOffMeasure(deps, await as("lead"), m))).toBe("rule_refused:measures.signoff_not_awaiting");

    // Whoever marks someone else's measure done cannot confirm it either.
    const other = await createMeasure(deps, await as("lead"), { projectId: id, title: "Pentest", ownerUserId: users.member!.id, source: { type: "risk" } });
    await setMeasureStatus(deps, await as("lead"), other, { status: "done", evidence: "Rapport" });
    expect(await codeOf(signOffMeasure(deps, await as("lead"), other))).toBe("forbidden:measures.signoff_not_self");
    await signOffMeasure(deps, await as("owner"), other);

    const explained = await createMeasure(deps, await as("lead"), { projectId: id, title: "Koppeling energie", source: { type: "canvas" } });
    await setMeasureStatus(deps, await as("lead"), explained, { status: "explained", explanation: "Te grote inbreuk voor het doel." });
    expect((await projectReadiness(deps, member, id)).snapshot.measures).toEqual({ total: 3, doneOrExplained: 3 });
    const actions = (await deps.db.selectFrom("audit_events").select("action").where("entity_id", "=", m).orderBy("seq").execute()).map((e) => e.action);
    expect(actions).toEqual(["measure.created", "measure.status_changed", "measure.signed_off"]);
  });

  it("a stopped project's measures no longer change", async () => {
    const { deps } = get();
    const { id, as } = await setup(deps, "gestopt");
    const m = await createMeasure(deps, await as("lead"), { projectId: id, title: "x", source: { type: "manual" } });
    await recordGateDecision(deps, await as("owner"), id, { decision: "stop", rationale: "Niet nodig." });
    expect(await codeOf(setMeasureStatus(deps, await as("lead"), m, { status: "in_progress" }))).toBe("rule_refused:measures.project_final");
    expect(await codeOf(createMeasure(deps, await as("lead"), { projectId: id, title: "y", source: { type: "manual" } }))).toBe("rule_refused:measures.project_final");
  });
});
