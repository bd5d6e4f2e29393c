import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { codeOf } from "../expert-table/test-helpers.ts";
import { getMeasure, setMeasureStatus, signOffMeasure } from "../measures/service.ts";
import { advanceAudit, attachBiasAudit, findingsToAnswer, getAudit, listAudits, projectAudits, recordFinding, respondToFinding, saveAuditPlan } from "./service.ts";
import { auditWorld, FINDING } from "./test-helpers.ts";

describeEachEngine("audits: plan, scope and segregation of duties", (get) => {
  it("plans an audit in the year's plan with its scope, criteria, period and auditors", async () => {
    const { deps, db } = get();
    const w = await auditWorld(deps);
    const id = await w.audit({ requirements: "AVG artikel 5" });
    const a = await getAudit(deps, w.auditor, id);
    expect(a).toMatchObject({ status: "planned", type: "algorithm", year: 2026, periodFrom: "2026-01-01", periodTo: "2026-02-28", criteriaValues: ["privacy"], requirements: "AVG artikel 5" });
    expect(a.scope.map((p) => p.title)).toEqual(["Parkeertelling"]);
    expect(a.auditors.map((x) => x.id).sort()).toEqual([w.u.auditor!.id, w.u.vic!.id].sort());
    expect(a.history).toMatchObject([{ from: null, to: "planned" }]);
    expect((await db.selectFrom("audit_events").select("action").where("entity_id", "=", id).execute()).map((e) => e.action)).toEqual(["audit.planned"]);
    const list = await listAudits(deps, w.auditor, { year: 2026 });
    expect(list.plan?.description).toBe("Algoritmes in de openbare ruimte.");
    expect(list.items.map((i) => i.id)).toEqual([id]);
  });

  it("refuses, with nothing stored: an auditor with a role in an audited project, a period ending before it starts, no plan for the year", async () => {
    const { deps, db } = get();
    const w = await auditWorld(deps);
    const count = async () => Number((await db.selectFrom("audits").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(await codeOf(w.audit({ projectIds: [w.projects.camera, w.projects.sensors], auditorIds: [w.u.auditor!.id, w.u.fg!.id] }))).toBe("validation:audits.auditor_involved");
    try {
      await w.audit({ projectIds: [w.projects.sensors], auditorIds: [w.u.fg!.id] });
    } catch (e) {
      expect((e as { fieldErrors: { params: unknown }[] }).fieldErrors[0]!.params).toEqual({ name: "fg audit", project: "Slimme containers" });
    }
    expect(await codeOf(w.audit({ periodFrom: "2026-03-01", periodTo: "2026-02-01" }))).toBe("validation:audits.period_end_before_start");
    expect(await codeOf(w.audit({ year: 2027 }))).toBe("rule_refused:audits.no_plan_for_year");
    expect(await codeOf(w.audit({ auditorIds: [w.u.jurist!.id] }))).toBe("validation:audits.auditor_not_allowed");
    expect(await codeOf(w.audit({ projectIds: [] }))).toBe("validation:audits.scope_required");
    expect(await codeOf(w.audit({ criteriaValues: ["geen_waarde"] }))).toBe("validation:field.invalid_choice");
    expect(await codeOf(w.audit({ criteriaValues: [], requirements: "" }))).toBe("validation:audits.criteria_required");
    expect(await count()).toBe(0);
  });

  it("lets only the IT-auditor, the VIC and the expert table plan, and never on a project they work in", async () => {
    const { deps, db } = get();
    const w = await auditWorld(deps);
    const jurist = await w.u.jurist!.actor();
    expect(await codeOf(saveAuditPlan(deps, jurist, 2026, { description: "x" }))).toBe("forbidden:error.forbidden");
    const lead = await w.u.lead!.actor();
    expect(await codeOf(saveAuditPlan(deps, lead, 2026, { description: "x" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(saveAuditPlan(deps, w.auditor, 1999, { description: "x" }))).toBe("validation:audits.year_invalid");
    // The VIC who is a member of a project may not plan (nor audit) an audit of it.
    await db.insertInto("role_assignments").values({ id: "ra-vic", organisation_id: w.org.organisationId, user_id: w.u.vic!.id, role: "member", project_id: w.projects.other, created_at: "2026-03-01T09:00:00.000Z", created_by: null }).execute();
    const vic = await w.u.vic!.actor();
    const { planAudit } = await import("./plan-audit.ts");
    expect(await codeOf(planAudit(deps, vic, { year: 2026, title: "Eigen project", type: "ethics", projectIds: [w.projects.other], criteriaValues: ["privacy"], periodFrom: "2026-01-01", periodTo: "2026-01-31", auditorIds: [w.u.auditor!.id] }))).toBe("validation:audits.planner_involved");
    // An audit of it that the VIC is named in is refused too; and a VIC already on an audit cannot work on it once involved.
    expect(await codeOf(w.audit({ projectIds: [w.projects.other] }))).toBe("validation:audits.auditor_involved");
  });

  it("shows audits to the overseers, the auditors and the audited project's team; not to others", async () => {
    const { deps } = get();
    const w = await auditWorld(deps);
    const id = await w.audit();
    for (const key of ["fg", "owner", "member", "vic"]) expect((await listAudits(deps, await w.u[key]!.actor(), { year: 2026 })).total, key).toBe(1);
    // The jurist (2nd line) sees the project, not its audits.
    expect((await projectAudits(deps, await w.u.jurist!.actor(), w.projects.camera)).audits).toEqual([]);
    expect((await projectAudits(deps, await w.u.owner!.actor(), w.projects.camera)).audits.map((a) => a.id)).toEqual([id]);
    for (const key of ["outsider", "jurist"]) {
      expect((await listAudits(deps, await w.u[key]!.actor(), { year: 2026 })).total, key).toBe(0);
      expect(await codeOf(getAudit(deps, await w.u[key]!.actor(), id)), key).toBe("not_found:error.not_found");
    }
  });
});

describeEachEngine("audits: status flow, findings and management responses", (get) => {
  it("moves only forward, one step at a time, with who and when", async () => {
    const { deps } = get();
    const w = await auditWorld(deps);
    const id = await w.audit();
    expect(await codeOf(advanceAudit(deps, w.auditor, id, { to: "draft_report" }))).toBe("rule_refused:audits.status_skip");
    expect(await advanceAudit(deps, w.auditor, id, { to: "fieldwork" })).toBe("fieldwork");
    expect(await codeOf(advanceAudit(deps, w.auditor, id, { to: "fieldwork" }))).toBe("conflict:audits.status_changed_meanwhile");
    expect(await codeOf(advanceAudit(deps, w.auditor, id, { to: "planned" }))).toBe("conflict:audits.status_changed_meanwhile");
    const vic = await w.u.vic!.actor();
    expect(await advanceAudit(deps, vic, id, { to: "draft_report" })).toBe("draft_report");
    const a = await getAudit(deps, w.auditor, id);
    expect(a.history.map((h) => [h.from, h.to, h.byName])).toEqual([
      [null, "planned", "auditor audit"],
      ["planned", "fieldwork", "auditor audit"],
      ["fieldwork", "draft_report", "vic audit"],
    ]);
    // The project team and a 3rd-line member who is not an auditor do not move it.
    expect(await codeOf(advanceAudit(deps, await w.u.lead!.actor(), id, { to: "final" }))).toBe("forbidden:audits.you_are_involved");
    expect(await codeOf(advanceAudit(deps, await w.u.fg!.actor(), id, { to: "final" }))).toBe("forbidden:error.forbidden");
  });

  it("records findings only on projects in scope; a finding agreed becomes a measure on that project", async () => {
    const { deps, db } = get();
    const w = await auditWorld(deps);
    const id = await w.audit();
    expect(await codeOf(recordFinding(deps, w.auditor, id, { ...FINDING, projectId: w.projects.camera }))).toBe("rule_refused:audits.findings_closed");
    await advanceAudit(deps, w.auditor, id, { to: "fieldwork" });
    expect(await codeOf(recordFinding(deps, w.auditor, id, { ...FINDING, projectId: w.projects.other }))).toBe("validation:audits.finding_outside_scope");
    expect(await codeOf(recordFinding(deps, w.auditor, id, { ...FINDING, projectId: w.projects.camera, evidenceLinks: ["javascript:alert(1)"] }))).toBe("validation:audits.link_invalid");
    expect(await codeOf(recordFinding(deps, w.auditor, id, { ...FINDING, projectId: w.projects.camera, severity: "enorm" }))).toBe("validation:field.invalid_choice");
    expect(await db.selectFrom("audit_findings").selectAll().execute()).toEqual([]);
    const findingId = await recordFinding(deps, w.auditor, id, { ...FINDING, projectId: w.projects.camera });

    const lead = await w.u.lead!.actor();
    const member = await w.u.member!.actor();
    expect((await findingsToAnswer(deps, lead)).map((f) => f.id)).toEqual([findingId]);
    expect(await codeOf(respondToFinding(deps, member, findingId, { response: "explain", text: "Nee" }))).toBe("forbidden:audits.only_owner_responds");
    // A due date in the past is refused, and nothing is stored.
    expect(await codeOf(respondToFinding(deps, lead, findingId, { response: "agree", text: "We wissen elke nacht.", ownerUserId: w.u.member!.id, dueDate: "2026-02-27" }))).toBe("validation:audits.due_date_past");
    expect(await codeOf(respondToFinding(deps, lead, findingId, { response: "maybe", text: "?" }))).toBe("validation:audits.response_choose");
    expect(await db.selectFrom("measures").selectAll().execute()).toEqual([]);
    expect((await db.selectFrom("audit_findings").select("response").executeTakeFirstOrThrow()).response).toBeNull();

    const { measureId } = await respondToFinding(deps, lead, findingId, { response: "agree", text: "We wissen de kentekens elke nacht.", ownerUserId: w.u.member!.id, dueDate: "2026-04-30" });
    const measure = await getMeasure(deps, lead, measureId!);
    expect(measure).toMatchObject({ projectId: w.projects.camera, title: FINDING.title, description: "We wissen de kentekens elke nacht.", ownerUserId: w.u.member!.id, dueDate: "2026-04-30", status: "open", source: { type: "finding", id: findingId } });
    expect(await codeOf(respondToFinding(deps, lead, findingId, { response: "explain", text: "Toch niet" }))).toBe("conflict:audits.answered_meanwhile");
    const panel = await projectAudits(deps, lead, w.projects.camera);
    expect(panel.audits.map((a) => a.id)).toEqual([id]);
    expect(panel.openFindings.map((f) => [f.id, f.measure?.status])).toEqual([[findingId, "open"]]);
    expect(await findingsToAnswer(deps, lead)).toEqual([]);
  });

  it("becomes final when every finding is answered, and followed up when the measures of the agreed ones are done or explained", async () => {
    const { deps } = get();
    const w = await auditWorld(deps);
    const id = await w.audit({ projectIds: [w.projects.camera, w.projects.other] });
    await advanceAudit(deps, w.auditor, id, { to: "fieldwork" });
    const f1 = await recordFinding(deps, w.auditor, id, { ...FINDING, projectId: w.projects.camera });
    const f2 = await recordFinding(deps, w.auditor, id, { ...FINDING, title: "Geen uitleg op de website", projectId: w.projects.other, severity: "low" });
    await advanceAudit(deps, w.auditor, id, { to: "draft_report" });
    expect(await codeOf(advanceAudit(deps, w.auditor, id, { to: "final" }))).toBe("rule_refused:audits.final_needs_responses");
    const lead = await w.u.lead!.actor();
    const owner = await w.u.owner!.actor();
    const { measureId } = await respondToFinding(deps, lead, f1, { response: "agree", text: "Elke nacht wissen.", ownerUserId: w.u.lead!.id, dueDate: "2026-03-01" });
    await respondToFinding(deps, owner, f2, { response: "explain", text: "De uitleg staat al in het register." });
    await advanceAudit(deps, w.auditor, id, { to: "final" });
    expect(await codeOf(recordFinding(deps, w.auditor, id, { ...FINDING, projectId: w.projects.camera }))).toBe("rule_refused:audits.findings_closed");
    expect(await codeOf(advanceAudit(deps, w.auditor, id, { to: "followed_up" }))).toBe("rule_refused:audits.follow_up_open_measures");
    expect((await getAudit(deps, w.auditor, id)).progress).toEqual({ agreed: 1, closed: 0, unanswered: 0 });

    await setMeasureStatus(deps, lead, measureId!, { status: "done", evidence: "Script draait elke nacht." });
    expect(await codeOf(advanceAudit(deps, w.auditor, id, { to: "followed_up" }))).toBe("rule_refused:audits.follow_up_open_measures");
    await signOffMeasure(deps, await w.u.member!.actor(), measureId!);
    expect((await getAudit(deps, w.auditor, id)).progress).toEqual({ agreed: 1, closed: 1, unanswered: 0 });
    expect(await advanceAudit(deps, w.auditor, id, { to: "followed_up" })).toBe("followed_up");
  });

  it("a follow-up audit shows the earlier findings and the state of their measures", async () => {
    const { deps } = get();
    const w = await auditWorld(deps);
    const first = await w.audit();
    await advanceAudit(deps, w.auditor, first, { to: "fieldwork" });
    const f1 = await recordFinding(deps, w.auditor, first, { ...FINDING, projectId: w.projects.camera });
    await respondToFinding(deps, await w.u.lead!.actor(), f1, { response: "agree", text: "Elke nacht wissen.", ownerUserId: w.u.lead!.id, dueDate: "2026-05-01" });
    expect(await codeOf(w.audit({ followsAuditId: "bestaat-niet" }))).toBe("validation:audits.follows_unknown");
    const second = await w.audit({ title: "Vervolgaudit", followsAuditId: first });
    const a = await getAudit(deps, w.auditor, second);
    expect(a.followsAudit).toEqual({ id: first, title: "Werking van de parkeertelling" });
    expect(a.earlier?.findings.map((f) => [f.title, f.response, f.measure?.status, f.measure?.dueDate, f.mayRespond])).toEqual([[FINDING.title, "agree", "open", "2026-05-01", false]]);
  });

  it("attaches a finished bias audit of an audited project as evidence, and refuses one of another project", async () => {
    const { deps, db } = get();
    const w = await auditWorld(deps);
    const id = await w.audit();
    const now = "2026-03-01T09:00:00.000Z";
    const run = (rid: string, projectId: string, status: string) => ({ id: rid, organisation_id: w.org.organisationId, project_id: projectId, name: `Toets ${rid}`, file_name: "a.csv", file_format: "csv", file_bytes: 1, storage_key: "x", columns_json: "[]", delimiter: ",", mapping_json: null, status, progress_bytes: 0, total_bytes: 1, error_code: null, error_params_json: null, report_json: null, created_by: w.u.lead!.id, created_by_name: "lead", created_at: now, updated_at: now, started_at: null, finished_at: null, heartbeat_at: null });
    await db.insertInto("bias_audits").values([run("b1", w.projects.camera, "done"), run("b2", w.projects.other, "done"), run("b3", w.projects.camera, "running")]).execute();
    expect(await codeOf(attachBiasAudit(deps, w.auditor, id, { biasAuditId: "b2" }))).toBe("validation:audits.bias_audit_outside_scope");
    expect(await codeOf(attachBiasAudit(deps, w.auditor, id, { biasAuditId: "b3" }))).toBe("validation:audits.bias_audit_not_done");
    await attachBiasAudit(deps, w.auditor, id, { biasAuditId: "b1" });
    expect(await codeOf(attachBiasAudit(deps, w.auditor, id, { biasAuditId: "b1" }))).toBe("conflict:audits.bias_audit_already_attached");
    expect((await getAudit(deps, w.auditor, id)).biasAudits.map((b) => [b.id, b.projectTitle])).toEqual([["b1", "Parkeertelling"]]);
  });
});
