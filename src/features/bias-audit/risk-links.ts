// Links between a bias audit and the DEPIA risks of the project it is attached
// to: the audit's result is evidence for those risks (issue 6). The risks are
// read through the assessments feature's service; the links are this feature's.
// Linking and unlinking are each one unit of work with the audit's row locked.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import type { RiskEvidence } from "../assessments/evidence.ts";
import { getRisk, listRisks, type Risk } from "../assessments/risks.ts";
import { canManage, loadRow, lockRow, type Row } from "./access.ts";

export const RiskLinkInput = z.object({ riskId: z.string().trim().min(1, "bias_audit.risk_link.risk_required").max(64, "field.too_long") });

export interface RiskRef {
  id: string;
  label: string;
  description: string;
}

export interface AuditRiskLinks {
  /** Risks of the audit's project that the audit is evidence for, in register order. */
  linked: RiskRef[];
  /** Risks of the project that are not linked yet. */
  available: RiskRef[];
  canManage: boolean;
}

export interface AuditEvidence {
  id: string;
  name: string;
  createdAt: string;
  finishedAt: string | null;
}

const ref = (r: Risk): RiskRef => ({ id: r.id, label: r.label, description: r.description });

/** Locks the audit and loads the risk for a change of links: the actor manages the audit, and the risk is one of the audit's project. */
async function checkLink(tx: Tx, actor: Actor, auditId: string, riskId: string): Promise<{ row: Row; risk: Risk }> {
  const row = await lockRow(tx, actor, auditId);
  if (!canManage(actor, row)) throw forbidden();
  if (!row.project_id) throw new AppError("rule_refused", "bias_audit.risk_link.no_project");
  let risk: Risk;
  try {
    risk = await getRisk(tx, actor, riskId);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") throw invalid([{ field: "riskId", messageKey: "bias_audit.risk_link.risk_unknown" }]);
    throw e;
  }
  if (risk.projectId !== row.project_id) throw new AppError("rule_refused", "bias_audit.risk_link.other_project", { fieldErrors: [{ field: "riskId", messageKey: "bias_audit.risk_link.other_project" }] });
  return { row, risk };
}

function linkQuery(deps: Deps, actor: Actor, auditId: string) {
  return deps.db.selectFrom("bias_audit_risks").select("risk_id").where("bias_audit_id", "=", auditId).where("organisation_id", "=", actor.organisationId);
}

/** Links the audit (attached to a project) to a risk of that project as evidence; a second link to the same risk is a conflict. */
export async function linkAuditToRisk(deps: Deps, actor: Actor, auditId: string, riskId: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const data = parseInput(RiskLinkInput, { riskId });
    const { row, risk } = await checkLink(tx, actor, auditId, data.riskId);
    if (await linkQuery(tx, actor, auditId).where("risk_id", "=", risk.id).executeTakeFirst())
      throw new AppError("conflict", "bias_audit.risk_link.already", { fieldErrors: [{ field: "riskId", messageKey: "bias_audit.risk_link.already" }] });
    await tx.db.insertInto("bias_audit_risks").values({ bias_audit_id: auditId, risk_id: risk.id, organisation_id: actor.organisationId, linked_by: actor.userId, linked_at: tx.now().toISOString() }).execute();
    await tx.audit({ action: "bias_audit.risk_linked", entityType: "bias_audit", entityId: auditId, after: { projectId: row.project_id, riskId: risk.id, risk: risk.label } });
  });
}

/** Removes the link between the audit and a risk. */
export async function unlinkAuditFromRisk(deps: Deps, actor: Actor, auditId: string, riskId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { row, risk } = await checkLink(tx, actor, auditId, riskId);
    const deleted = await tx.db.deleteFrom("bias_audit_risks").where("bias_audit_id", "=", auditId).where("risk_id", "=", risk.id).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw notFound();
    await tx.audit({ action: "bias_audit.risk_unlinked", entityType: "bias_audit", entityId: auditId, before: { projectId: row.project_id, riskId: risk.id, risk: risk.label } });
  });
}

/** For the result page: the risks the audit is linked to and the ones it can be linked to; null without a project. */
export async function auditRiskLinks(deps: Deps, actor: Actor, auditId: string): Promise<AuditRiskLinks | null> {
  const row = await loadRow(deps, actor, auditId);
  if (!row.project_id) return null;
  const risks = await listRisks(deps, actor, row.project_id);
  const links = await linkQuery(deps, actor, auditId).execute();
  const linkedIds = new Set(links.map((l) => l.risk_id));
  return { linked: risks.filter((r) => linkedIds.has(r.id)).map(ref), available: risks.filter((r) => !linkedIds.has(r.id)).map(ref), canManage: canManage(actor, row) };
}

/** Audits linked as evidence to risks of one project, per risk id; only audits still attached to that project. */
async function evidenceByRisk(deps: Deps, actor: Actor, projectId: string, riskIds: readonly string[]): Promise<Map<string, AuditEvidence[]>> {
  const result = new Map<string, AuditEvidence[]>();
  if (riskIds.length === 0) return result;
  const rows = await deps.db
    .selectFrom("bias_audit_risks")
    .innerJoin("bias_audits", "bias_audits.id", "bias_audit_risks.bias_audit_id")
    .select(["bias_audit_risks.risk_id", "bias_audits.id", "bias_audits.name", "bias_audits.created_at", "bias_audits.finished_at"])
    .where("bias_audit_risks.organisation_id", "=", actor.organisationId)
    .where("bias_audits.organisation_id", "=", actor.organisationId)
    .where("bias_audits.project_id", "=", projectId)
    .where("bias_audit_risks.risk_id", "in", [...riskIds])
    .orderBy("bias_audits.created_at")
    .orderBy("bias_audits.id")
    .execute();
  for (const r of rows) {
    const list = result.get(r.risk_id) ?? [];
    list.push({ id: r.id, name: r.name, createdAt: r.created_at, finishedAt: r.finished_at });
    result.set(r.risk_id, list);
  }
  return result;
}

/** The bias audits that are evidence for a risk (the actor must be able to see the risk). */
export async function riskEvidenceFor(deps: Deps, actor: Actor, riskId: string): Promise<AuditEvidence[]> {
  const risk = await getRisk(deps, actor, riskId);
  return (await evidenceByRisk(deps, actor, risk.projectId, [risk.id])).get(risk.id) ?? [];
}

/** The source registered with the assessments feature: links shown on the risk register. */
export async function riskEvidenceSource(deps: Deps, actor: Actor, projectId: string, riskIds: readonly string[]): Promise<Map<string, RiskEvidence[]>> {
  const byRisk = await evidenceByRisk(deps, actor, projectId, riskIds);
  return new Map(
    [...byRisk].map(([riskId, audits]) => [
      riskId,
      audits.map((a) => ({ href: `/bias-audits/${a.id}`, labelKey: "bias_audit.risk_evidence.item", params: { name: a.name, date: (a.finishedAt ?? a.createdAt).slice(0, 10) } })),
    ]),
  );
}
