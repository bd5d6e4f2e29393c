import { expect, it } from "vitest";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { addRisk, riskRegister } from "../assessments/risks.ts";
import { auditRiskLinks, linkAuditToRisk, riskEvidenceFor, unlinkAuditFromRisk } from "./risk-links.ts";
import { attachBiasAudit, deleteBiasAudit } from "./service.ts";
import { addProject, errorOf, giveProjectRole, uploadFile, cleanUpAfterEachTest, world } from "./test-fixtures.ts";

const cleanUp = cleanUpAfterEachTest();

const RISK = {
  category: "privacy",
  description: "Groepen worden ongelijk behandeld.",
  inherentLikelihood: "medium",
  inherentImpact: "high",
  inherentJustification: "Het model gebruikt wijk als kenmerk.",
};

async function upload(deps: Deps, actor: Actor, fields: Record<string, string>): Promise<string> {
  return (await uploadFile(deps, actor, "group,decision\na,1\nb,0\na,0\n", fields)).id;
}

async function setup(base: Deps) {
  const d = cleanUp.dataDir(base);
  const deps = d.deps;
  const w = await world(deps);
  const auditor = await w.users.auditor!.actor();
  const lead = await w.users.lead!.actor();
  const riskId = await addRisk(deps, lead, w.project, RISK);
  const secondRiskId = await addRisk(deps, lead, w.project, { ...RISK, description: "Tweede risico." });
  const auditId = await upload(deps, auditor, { name: "Audit wijk", projectId: w.project });
  return { deps, w, auditor, lead, riskId, secondRiskId, auditId };
}

describeEachEngine("bias audit linked to DEPIA risks", (get) => {
  it("links an audit to a risk of its project and shows it as evidence on the risk register", async () => {
    const { deps, w, auditor, lead, riskId, secondRiskId, auditId } = await setup(get().deps);
    await linkAuditToRisk(deps, auditor, auditId, riskId);

    const evidence = await riskEvidenceFor(deps, lead, riskId);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ id: auditId, name: "Audit wijk" });
    expect(await riskEvidenceFor(deps, lead, secondRiskId)).toEqual([]);

    const register = await riskRegister(deps, lead, w.project);
    expect(register.evidence[riskId]).toEqual([expect.objectContaining({ href: `/bias-audits/${auditId}`, labelKey: "bias_audit.risk_evidence.item", params: expect.objectContaining({ name: "Audit wijk" }) })]);
    expect(register.evidence[secondRiskId]).toEqual([]);

    const links = await auditRiskLinks(deps, auditor, auditId);
    expect(links?.linked.map((r) => r.id)).toEqual([riskId]);
    expect(links?.available.map((r) => r.id)).toEqual([secondRiskId]);

    const again = await errorOf(linkAuditToRisk(deps, auditor, auditId, riskId));
    expect(again.code).toBe("conflict");
  });

  it("refuses a risk of another project, an audit without project and an unknown risk", async () => {
    const { deps, w, auditor, riskId } = await setup(get().deps);
    const other = await addProject(deps, w.organisationId, "Ander project");
    await giveProjectRole(deps, w.organisationId, w.users.lead!.id, other, "lead");
    const leadAgain = await w.users.lead!.actor();
    const otherRisk = await addRisk(deps, leadAgain, other, RISK);

    const auditId = await upload(deps, auditor, { name: "Met project", projectId: w.project });
    const wrong = await errorOf(linkAuditToRisk(deps, auditor, auditId, otherRisk));
    expect(wrong.code).toBe("rule_refused");
    expect(wrong.messageKey).toBe("bias_audit.risk_link.other_project");

    const loose = await upload(deps, auditor, { name: "Zonder project" });
    const noProject = await errorOf(linkAuditToRisk(deps, auditor, loose, riskId));
    expect(noProject.code).toBe("rule_refused");
    expect(noProject.messageKey).toBe("bias_audit.risk_link.no_project");
    expect(await auditRiskLinks(deps, auditor, loose)).toBeNull();

    const unknown = await errorOf(linkAuditToRisk(deps, auditor, auditId, "no-such-risk"));
    expect(unknown.code).toBe("validation");
    const empty = await errorOf(linkAuditToRisk(deps, auditor, auditId, ""));
    expect(empty.code).toBe("validation");

    expect(await deps.db.selectFrom("bias_audit_risks").selectAll().execute()).toEqual([]);
  });

  it("refuses someone without permission, and another organisation sees nothing", async () => {
    const { deps, auditor, lead, riskId, auditId } = await setup(get().deps);
    // The project lead may see the audit but not manage it (segregation of duties).
    expect((await errorOf(linkAuditToRisk(deps, lead, auditId, riskId))).code).toBe("forbidden");

    const otherOrg = await world(deps, "ander");
    const stranger = await otherOrg.users.auditor!.actor();
    expect((await errorOf(linkAuditToRisk(deps, stranger, auditId, riskId))).code).toBe("not_found");
    await linkAuditToRisk(deps, auditor, auditId, riskId);
    expect((await errorOf(unlinkAuditFromRisk(deps, stranger, auditId, riskId))).code).toBe("not_found");
    expect((await errorOf(riskEvidenceFor(deps, stranger, riskId))).code).toBe("not_found");
    expect((await errorOf(unlinkAuditFromRisk(deps, lead, auditId, riskId))).code).toBe("forbidden");
    expect(await riskEvidenceFor(deps, lead, riskId)).toHaveLength(1);
  });

  it("unlinks, writes audit events, and drops links when the audit moves or is deleted", async () => {
    const { deps, w, auditor, lead, riskId, secondRiskId, auditId } = await setup(get().deps);
    await linkAuditToRisk(deps, auditor, auditId, riskId);
    await linkAuditToRisk(deps, auditor, auditId, secondRiskId);
    await unlinkAuditFromRisk(deps, auditor, auditId, riskId);
    expect(await riskEvidenceFor(deps, lead, riskId)).toEqual([]);
    expect(await riskEvidenceFor(deps, lead, secondRiskId)).toHaveLength(1);
    expect((await errorOf(unlinkAuditFromRisk(deps, auditor, auditId, riskId))).code).toBe("not_found");

    const events = await deps.db.selectFrom("audit_events").select(["action"]).where("entity_id", "=", auditId).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["bias_audit.uploaded", "bias_audit.risk_linked", "bias_audit.risk_linked", "bias_audit.risk_unlinked"]);

    // Attached to another project: the links to the old project's risks go.
    const other = await addProject(deps, w.organisationId, "Ander project");
    await attachBiasAudit(deps, auditor, auditId, { projectId: other });
    expect(await deps.db.selectFrom("bias_audit_risks").selectAll().execute()).toEqual([]);

    await attachBiasAudit(deps, auditor, auditId, { projectId: w.project });
    await linkAuditToRisk(deps, auditor, auditId, riskId);
    await deleteBiasAudit(deps, auditor, auditId);
    expect(await deps.db.selectFrom("bias_audit_risks").selectAll().execute()).toEqual([]);
    expect(await riskEvidenceFor(deps, lead, riskId)).toEqual([]);
  });
});
