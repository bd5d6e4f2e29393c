import { codeOf } from "../../../test/support/refusals.ts";
import { expect, it } from "vitest";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { gateReadiness } from "../../domain/lifecycle/index.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { openDeliberation } from "../deliberation/service.ts";
import { createMeasure, setMeasureStatus, signOffMeasure } from "../measures/service.ts";
import { projectDashboard } from "./dashboard.ts";
import { decisionNoteText, missingText, type Words } from "./readiness-text.ts";
import {
  addMember,
  buildSnapshot,
  GateRefusedError,
  getProject,
  listGateDecisions,
  listMembers,
  loadProjectForActor,
  projectReadiness,
  recordEvaluation,
  recordGateDecision,
  recordMaterialChange,
  registerProject,
  removeMember,
  updateProject,
} from "./service.ts";
import { askExpertAdvice, completeCanvas, makeReadyForGate, projectInput } from "./test-helpers.ts";
import { translator } from "../../platform/i18n/index.ts";
import { recordPeriodicEvaluation } from "../evaluations/record-periodic-evaluation.ts";

/** What the reader sees, in Dutch (the features' catalogues are installed with the test database). */
const inDutch = (): Words => ({ t: translator("nl"), lang: "nl" });
const dutch = (item: Parameters<typeof missingText>[1]) => missingText(inDutch(), item);


async function team(deps: Deps, slug: string) {
  const { organisationId, users } = await organisationWith(deps, slug, {
    owner: [],
    lead: [],
    member: [],
    outsider: [],
    admin: ["admin"],
    fg: ["fg"],
    expert: ["expert_table_member"],
  });
  const lead = await users.lead!.actor();
  const id = await registerProject(deps, lead, projectInput(users.owner!.id));
  return { organisationId, users, id, as: (key: string) => users[key]!.actor() };
}

const count = async (deps: Deps, table: "projects" | "gate_decisions" | "audit_events" | "role_assignments" | "measures") =>
  Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst())?.n ?? 0);

describeEachEngine("projects: register, edit, members", (get) => {
  it("registers a project: the registrant becomes lead, the owner is set, and it is in the audit log", async () => {
    const { deps } = get();
    const { users, id, as } = await team(deps, "reg");
    const project = await getProject(deps, await as("lead"), id);
    expect(project).toMatchObject({ title: "Slimme lantaarnpalen", phase: "pre_start", domain: "fysiek", technologies: ["sensors"], dataCategories: ["none"], supplierInvolved: false });
    expect(project.members.map((m) => [m.role, m.userId])).toEqual([
      ["owner", users.owner!.id],
      ["lead", users.lead!.id],
    ]);
    const events = await deps.db.selectFrom("audit_events").select(["action", "actor_label", "after_json"]).where("entity_id", "=", id).execute();
    expect(events.map((e) => e.action)).toEqual(["project.registered"]);
    expect(events[0]!.actor_label).toBe("lead reg");
    expect(JSON.parse(events[0]!.after_json!)).toMatchObject({ title: "Slimme lantaarnpalen", owner: "owner reg", lead: "lead reg" });

    // Someone who names others as owner and lead stays on as a member.
    const member = await as("member");
    const other = await registerProject(deps, member, projectInput(users.owner!.id, { leadUserId: users.lead!.id, title: "Tweede" }));
    expect((await getProject(deps, await as("member"), other)).members.map((m) => m.role)).toEqual(["owner", "lead", "member"]);
  });

  it("refuses bad input and changes nothing", async () => {
    const { deps } = get();
    const { users, as } = await team(deps, "bad");
    const lead = await as("lead");
    const other = await organisationWith(deps, "elders", { someone: [] });
    const before = [await count(deps, "projects"), await count(deps, "audit_events")];
    const owner = users.owner!.id;
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { title: "" })))).toBe("validation:field.required");
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { title: "  " })))).toBe("validation:field.required");
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { title: "x".repeat(161) })))).toBe("validation:field.too_long");
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { goal: "x".repeat(2001) })))).toBe("validation:field.too_long");
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { domain: "ruimtevaart" })))).toBe("validation:field.invalid_choice");
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { technologies: ["telepathie"] })))).toBe("validation:field.invalid_choice");
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { dataCategories: [] })))).toBe("validation:projects.data_categories_required");
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { dataCategories: ["none", "bsn"] })))).toBe("validation:projects.data_none_exclusive");
    expect(await codeOf(registerProject(deps, lead, projectInput(owner, { supplierInvolved: "misschien" })))).toBe("validation:projects.supplier_required");
    expect(await codeOf(registerProject(deps, lead, projectInput("")))).toBe("validation:projects.owner_required");
    expect(await codeOf(registerProject(deps, lead, projectInput(other.users.someone!.id)))).toBe("validation:projects.user_unknown");
    expect([await count(deps, "projects"), await count(deps, "audit_events")]).toEqual(before);
  });

  it("owner and lead edit the details with before and after in the audit log; a new purpose is a material change", async () => {
    const { deps } = get();
    const { users, id, as } = await team(deps, "edit");
    const changes = await updateProject(deps, await as("owner"), id, projectInput(users.owner!.id, { goal: "Een ander doel", title: "Slimme lantaarns" }));
    expect(changes).toEqual(["new_purpose"]);
    const event = await deps.db.selectFrom("audit_events").select(["before_json", "after_json"]).where("action", "=", "project.updated").executeTakeFirstOrThrow();
    expect(JSON.parse(event.before_json!)).toMatchObject({ title: "Slimme lantaarnpalen" });
    expect(JSON.parse(event.after_json!)).toMatchObject({ title: "Slimme lantaarns", goal: "Een ander doel" });
    expect(await codeOf(updateProject(deps, await as("member"), id, projectInput(users.owner!.id)))).toBe("not_found:error.not_found");
    await addMember(deps, await as("lead"), id, { userId: users.member!.id, role: "member" });
    expect(await codeOf(updateProject(deps, await as("member"), id, projectInput(users.owner!.id)))).toBe("forbidden:error.forbidden");
    expect(await codeOf(updateProject(deps, await as("lead"), id, projectInput(users.owner!.id, { domain: "x" })))).toBe("validation:field.invalid_choice");
    // The FG sees every project but edits none.
    expect(await codeOf(updateProject(deps, await as("fg"), id, projectInput(users.owner!.id)))).toBe("forbidden:error.forbidden");
  });

  it("a material change reopens a done screening only", async () => {
    const { deps } = get();
    const { id, as } = await team(deps, "change");
    const lead = await as("lead");
    await recordMaterialChange(deps, lead, id, { kind: "new_data_source", description: "Ook gegevens van de netbeheerder" });
    expect((await projectReadiness(deps, lead, id)).snapshot.screening).toEqual({ status: "not_done" });
    // To the start phase, the screening done there, and then a new data source.
    await makeReadyForGate(deps, id, { lead, expert: await as("expert") });
    await recordGateDecision(deps, await as("owner"), id, { decision: "go", rationale: "Canvas af, advies opgevolgd." });
    await makeReadyForGate(deps, id, { lead });
    await recordMaterialChange(deps, lead, id, { kind: "new_data_source", description: "Ook gegevens van de netbeheerder" });
    const { snapshot, readiness } = await projectReadiness(deps, lead, id);
    expect(snapshot.screening).toMatchObject({ status: "reopened", reason: "new_data_source" });
    expect(readiness.missing.map((m) => m.key)).toContain("screening_redo");
    expect(await codeOf(recordMaterialChange(deps, lead, id, { kind: "description_edit", description: "x" }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(recordMaterialChange(deps, lead, id, { kind: "new_purpose", description: "" }))).toBe("validation:field.required");
  });

  it("owner, lead and admin keep the team; the last owner and lead stay", async () => {
    const { deps } = get();
    const { users, id, as } = await team(deps, "team");
    await addMember(deps, await as("lead"), id, { userId: users.member!.id, role: "member" });
    expect(await codeOf(addMember(deps, await as("lead"), id, { userId: users.member!.id, role: "member" }))).toBe("conflict:projects.member.already");
    expect(await codeOf(addMember(deps, await as("member"), id, { userId: users.outsider!.id, role: "member" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(addMember(deps, await as("outsider"), id, { userId: users.outsider!.id, role: "owner" }))).toBe("not_found:error.not_found");
    expect(await codeOf(addMember(deps, await as("lead"), id, { userId: users.outsider!.id, role: "king" }))).toBe("validation:field.invalid_choice");
    await addMember(deps, await as("admin"), id, { userId: users.outsider!.id, role: "member" });
    // Nobody gives themselves a project role: an administrator cannot make themselves owner, a lead cannot add a second role.
    expect(await codeOf(addMember(deps, await as("admin"), id, { userId: users.admin!.id, role: "owner" }))).toBe("forbidden:role.no_self_assign");
    expect(await codeOf(addMember(deps, await as("lead"), id, { userId: users.lead!.id, role: "owner" }))).toBe("forbidden:role.no_self_assign");
    const members = await listMembers(deps, await as("owner"), id);
    expect(members.map((m) => m.role)).toEqual(["owner", "lead", "member", "member"]);
    const owner = members.find((m) => m.role === "owner")!;
    expect(await codeOf(removeMember(deps, await as("lead"), id, owner.assignmentId))).toBe("rule_refused:projects.member.last_owner");
    const outsider = members.find((m) => m.userId === users.outsider!.id)!;
    await removeMember(deps, await as("admin"), id, outsider.assignmentId);
    expect(await codeOf(loadProjectForActor(deps.db, await as("outsider"), id))).toBe("not_found:error.not_found");
    const actions = (await deps.db.selectFrom("audit_events").select("action").where("entity_id", "=", id).orderBy("seq").execute()).map((e) => e.action);
    expect(actions).toEqual(["project.registered", "project.member_added", "project.member_added", "project.member_removed"]);
  });
});

describeEachEngine("projects: gate decisions", (get) => {
  it("refuses go when not ready, with the same missing list the page shows", async () => {
    const { deps } = get();
    const { id, as } = await team(deps, "notready");
    const owner = await as("owner");
    const shown = (await projectReadiness(deps, owner, id)).readiness;
    expect(shown.missing.map((m) => m.key)).toEqual(["canvas", "expert_advice_request"]);
    expect(dutch(shown.missing[0]!)).toBe("Nog nodig: het ethisch canvas — nog niet begonnen");
    const error = await recordGateDecision(deps, owner, id, { decision: "go", rationale: "We willen door." }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateRefusedError);
    expect((error as GateRefusedError).code).toBe("rule_refused");
    expect((error as GateRefusedError).readiness.missing).toEqual(shown.missing);
    expect(await count(deps, "gate_decisions")).toBe(0);
    expect((await getProject(deps, owner, id)).phase).toBe("pre_start");
  });

  it("only the owner decides; others are refused whatever they choose", async () => {
    const { deps } = get();
    const { users, id, as } = await team(deps, "owneronly");
    await makeReadyForGate(deps, id, { lead: await as("lead"), expert: await as("expert") });
    await addMember(deps, await as("lead"), id, { userId: users.member!.id, role: "member" });
    for (const key of ["lead", "member", "fg", "expert"]) {
      for (const decision of ["go", "adjust", "stop"]) {
        expect(await codeOf(recordGateDecision(deps, await as(key), id, { decision, rationale: "Ik besluit." }))).toBe("forbidden:projects.gate.refused_not_owner");
      }
    }
    expect(await codeOf(recordGateDecision(deps, await as("outsider"), id, { decision: "go", rationale: "x" }))).toBe("not_found:error.not_found");
    expect(await count(deps, "gate_decisions")).toBe(0);
  });

  it("adjust stays, go moves on with the readiness kept, stop is final", async () => {
    const { deps } = get();
    const { users, id, as } = await team(deps, "flow");
    const owner = await as("owner");
    expect(await codeOf(recordGateDecision(deps, owner, id, { decision: "maybe", rationale: "x" }))).toBe("validation:projects.gate.decision_required");
    expect(await codeOf(recordGateDecision(deps, owner, id, { decision: "adjust", rationale: "" }))).toBe("validation:field.required");
    expect(await codeOf(recordGateDecision(deps, owner, id, { decision: "adjust", rationale: "x".repeat(4001) }))).toBe("validation:field.too_long");
    await recordGateDecision(deps, owner, id, { decision: "adjust", rationale: "Eerst het canvas invullen." });
    expect((await getProject(deps, owner, id)).phase).toBe("pre_start");
    const adjusted = (await projectReadiness(deps, owner, id)).readiness;
    expect(decisionNoteText(inDutch(), adjusted.decisionNote!)).toContain("bijstellen");

    await makeReadyForGate(deps, id, { lead: await as("lead"), expert: await as("expert") });
    expect((await projectReadiness(deps, owner, id)).readiness.ready).toBe(true);
    expect(await recordGateDecision(deps, owner, id, { decision: "go", rationale: "Canvas af, advies opgevolgd." })).toMatchObject({ from: "pre_start", to: "start" });
    const [go, adjust] = await listGateDecisions(deps, owner, id);
    expect(go).toMatchObject({ phase: "pre_start", decision: "go", toPhase: "start", rationale: "Canvas af, advies opgevolgd.", decidedBy: users.owner!.id, decidedByName: "owner flow" });
    expect(go!.readiness).toMatchObject({ ready: true, missing: [] });
    expect(adjust!.readiness?.missing.map((m) => m.key)).toEqual(["canvas", "expert_advice_request"]);

    // In the start phase: a transition the rules refuse (no screening yet, an open deliberation).
    await openDeliberation(deps, await as("lead"), { title: "Licht in stille straten", caseDescription: "Hoe donker mag een straat zijn?", method: "deliberation-dilemma", projectId: id, heldOn: "2026-03-05" });
    const refused = (await recordGateDecision(deps, owner, id, { decision: "go", rationale: "Door." }).catch((e: unknown) => e)) as GateRefusedError;
    expect(refused.readiness.missing.map((m) => m.key)).toEqual(["screening", "open_deliberations"]);
    expect(refused.readiness.missing).toEqual(gateReadiness(await buildSnapshot(deps, await loadProjectForActor(deps.db, owner, id))).missing);

    await recordGateDecision(deps, owner, id, { decision: "stop", rationale: "Het doel is zonder dit project te halen." });
    const stopped = await getProject(deps, owner, id);
    expect(stopped).toMatchObject({ phase: "stopped", stoppedReason: "Het doel is zonder dit project te halen." });
    for (const decision of ["go", "adjust", "stop"]) {
      expect(await codeOf(recordGateDecision(deps, owner, id, { decision, rationale: "Toch weer." }))).toBe("rule_refused:projects.gate.refused_final");
    }
    expect(await codeOf(updateProject(deps, await as("lead"), id, projectInput(users.owner!.id)))).toBe("rule_refused:projects.final_no_change");
    const audit = await deps.db.selectFrom("audit_events").select(["before_json", "after_json"]).where("action", "=", "project.gate_decision").orderBy("seq", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toEqual({ phase: "start" });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ phase: "stopped", decision: "stop" });
  });

  it("runs the whole way to closed: measures done or explained, evaluation recorded", async () => {
    const { deps } = get();
    const { users, id, as } = await team(deps, "whole");
    const owner = await as("owner");
    const lead = await as("lead");
    await makeReadyForGate(deps, id, { lead, expert: await as("expert") });
    expect(await codeOf(recordEvaluation(deps, lead, id, { text: "Te vroeg." }))).toBe("rule_refused:projects.evaluation.wrong_phase");
    await recordGateDecision(deps, owner, id, { decision: "go", rationale: "1" });
    await makeReadyForGate(deps, id, { lead });
    await recordGateDecision(deps, owner, id, { decision: "go", rationale: "2" });
    expect((await getProject(deps, owner, id)).phase).toBe("execution");
    const measure = await createMeasure(deps, lead, { projectId: id, title: "Dimmen testen in één wijk", ownerUserId: users.lead!.id, source: { type: "manual" } });
    const blocked = (await recordGateDecision(deps, owner, id, { decision: "go", rationale: "3" }).catch((e: unknown) => e)) as GateRefusedError;
    expect(blocked.readiness.missing.map(dutch)).toEqual(["Nog nodig: 1 van 1 maatregelen afronden, of uitleggen waarom niet", "Nog nodig: een periodieke evaluatie in de uitvoering — nog niet vastgelegd"]);
    await recordPeriodicEvaluation(deps, lead, id, { answers: { measures_work: "yes", assumptions_hold: "yes", incidents: "no", complaints: "no", objections: "no", still_needed: "yes", material_change: "none" } });
    await setMeasureStatus(deps, lead, measure, { status: "done", evidence: "Testverslag wijk Noord" });
    expect((await projectReadiness(deps, owner, id)).snapshot.measures).toEqual({ total: 1, doneOrExplained: 0 });
    await signOffMeasure(deps, owner, measure);
    expect((await projectReadiness(deps, owner, id)).snapshot.measures).toEqual({ total: 1, doneOrExplained: 1 });
    await recordGateDecision(deps, owner, id, { decision: "go", rationale: "3" });
    expect(await codeOf(recordGateDecision(deps, owner, id, { decision: "go", rationale: "4" }))).toBe("rule_refused:projects.gate.refused_not_ready");
    expect(await codeOf(recordEvaluation(deps, lead, id, { text: "" }))).toBe("validation:field.required");
    expect(await codeOf(recordEvaluation(deps, await as("fg"), id, { text: "Goed." }))).toBe("forbidden:error.forbidden");
    await recordEvaluation(deps, lead, id, { text: "Het doel is gehaald: 30% minder energie." });
    expect(await recordGateDecision(deps, owner, id, { decision: "go", rationale: "4" })).toMatchObject({ from: "evaluation", to: "closed" });
    expect((await getProject(deps, owner, id)).closedAt).not.toBeNull();
  });
});

describeEachEngine("projects: dashboard and tenant isolation", (get) => {
  it("shows projects by phase, filters by domain and by who it waits for, and what waits for me", async () => {
    const { deps } = get();
    const { users, id, as } = await team(deps, "dash");
    const lead = await as("lead");
    const social = await registerProject(deps, lead, projectInput(users.owner!.id, { title: "Armoede in beeld", domain: "sociaal_domein" }));
    const other = await registerProject(deps, await as("member"), projectInput(users.member!.id, { title: "Alleen van het lid", leadUserId: users.member!.id }));
    const leadOfSocial = await as("lead"); // loaded again: the new project's role
    await completeCanvas(deps, leadOfSocial, social);
    await askExpertAdvice({ ...deps, now: () => new Date("2026-03-03T10:00:00.000Z") }, leadOfSocial, social);

    const fg = await projectDashboard(deps, await as("fg"));
    expect(fg.total).toBe(3);
    expect(fg.countsByPhase.pre_start).toBe(3);
    expect(fg.waitingForMeCount).toBe(0);
    const waiting = fg.items.find((i) => i.id === social)!.waiting;
    expect(waiting.map((w) => [w.who, dutch(w)])).toEqual([["expert_table", "Nog nodig: advies van de experttafel — gevraagd op 3 maart 2026, nog niet gegeven"]]);

    const leadView = await projectDashboard(deps, await as("lead"));
    expect(leadView.items.map((i) => i.title)).toEqual(["Armoede in beeld", "Slimme lantaarnpalen"]);
    expect(leadView.items.find((i) => i.id === id)!.waiting[0]!.people).toEqual(["lead dash"]);
    expect((await projectDashboard(deps, await as("lead"), { mine: true })).items.map((i) => i.id)).toEqual([id]);
    expect((await projectDashboard(deps, await as("expert"), { mine: true })).items.map((i) => i.id)).toEqual([social]);
    expect((await projectDashboard(deps, await as("fg"), { domain: "sociaal_domein" })).items.map((i) => i.id)).toEqual([social]);
    expect((await projectDashboard(deps, await as("fg"), { waitingOn: "expert_table" })).items.map((i) => i.id)).toEqual([social]);
    expect((await projectDashboard(deps, await as("fg"), { waitingOn: "lead" })).total).toBe(2);
    expect((await projectDashboard(deps, await as("fg"), { phase: "stopped" })).total).toBe(0);
    expect((await projectDashboard(deps, await as("outsider"))).total).toBe(0);
    const member = await projectDashboard(deps, await as("member"), { mine: true });
    expect(member.items.map((i) => i.id)).toEqual([other]);
    // Unknown filter values are ignored rather than failing.
    expect((await projectDashboard(deps, await as("fg"), { domain: "x", waitingOn: "y", phase: "z" })).total).toBe(3);
  });

  it("pages the list", async () => {
    const { deps } = get();
    const { users, as } = await team(deps, "pages");
    const lead = await as("lead");
    for (let i = 0; i < 21; i++) await registerProject(deps, lead, projectInput(users.owner!.id, { title: `Project ${String(i).padStart(2, "0")}` }));
    const first = await projectDashboard(deps, await as("lead"));
    expect([first.items.length, first.total]).toEqual([20, 22]);
    const second = await projectDashboard(deps, await as("lead"), { page: 2 });
    expect(second.items.length).toBe(2);
  });

  it("a project id of another organisation is not found, whoever asks", async () => {
    const { deps } = get();
    const a = await team(deps, "eerste");
    const b = await organisationWith(deps, "tweede", { admin: ["admin"], fg: ["fg"], lead: [] });
    for (const key of ["admin", "fg", "lead"]) {
      const actor = await b.users[key]!.actor();
      expect(await codeOf(getProject(deps, actor, a.id))).toBe("not_found:error.not_found");
      expect(await codeOf(projectReadiness(deps, actor, a.id))).toBe("not_found:error.not_found");
      expect(await codeOf(recordGateDecision(deps, actor, a.id, { decision: "stop", rationale: "x" }))).toBe("not_found:error.not_found");
      expect(await codeOf(addMember(deps, actor, a.id, { userId: b.users.lead!.id, role: "owner" }))).toBe("not_found:error.not_found");
      expect(await codeOf(createMeasure(deps, actor, { projectId: a.id, title: "x", source: { type: "finding" } }))).toBe("not_found:error.not_found");
    }
    expect((await projectDashboard(deps, await b.users.fg!.actor())).total).toBe(0);
  });
});
