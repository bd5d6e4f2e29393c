// Who sees and who works on an audit, and the audit row locked for a decision.
import { canAudit, involvedScopeProject } from "../../domain/permissions/audit-independence.ts";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { lockForUpdate } from "../../platform/transaction.ts";
import type { AuditTable } from "./schema.ts";
import { isAuditStatus, type AuditStatus } from "./types.ts";

export type AuditRow = Omit<AuditTable, "status"> & { status: AuditStatus };

/** Whoever oversees: the 3rd line and the expert table see every audit. */
export function seesAllAudits(actor: Actor): boolean {
  return canAudit(actor, "read");
}

/** The audit's scope and auditors. */
export async function auditPeople(deps: Deps, auditId: string): Promise<{ scope: string[]; auditors: string[] }> {
  const scope = await deps.db.selectFrom("audit_projects").select("project_id").where("audit_id", "=", auditId).orderBy("project_id").execute();
  const auditors = await deps.db.selectFrom("audit_auditors").select("user_id").where("audit_id", "=", auditId).orderBy("user_id").execute();
  return { scope: scope.map((r) => r.project_id), auditors: auditors.map((r) => r.user_id) };
}

/** Sees the audit: the overseers, its auditors, and the team of an audited project. */
export function canSeeAudit(actor: Actor, people: { scope: string[]; auditors: string[] }): boolean {
  return seesAllAudits(actor) || people.auditors.includes(actor.userId) || people.scope.some((p) => isInvolvedIn(actor, p));
}

/** Works on the audit (findings, status, evidence): its auditors and the planners, never with a role in an audited project. */
export function canWorkOnAudit(actor: Actor, people: { scope: string[]; auditors: string[] }): boolean {
  return (people.auditors.includes(actor.userId) || canAudit(actor, "plan")) && involvedScopeProject(actor, people.scope) === null;
}

function toRow(row: AuditTable | undefined): AuditRow {
  if (!row || !isAuditStatus(row.status)) throw notFound();
  return { ...row, status: row.status };
}

function auditQuery(deps: Deps, actor: Actor, auditId: string) {
  return deps.db.selectFrom("audits").selectAll().where("id", "=", auditId).where("organisation_id", "=", actor.organisationId);
}

/** The audit for someone who may see it; anything else is not found. */
export async function loadAudit(deps: Deps, actor: Actor, auditId: string): Promise<{ audit: AuditRow; people: { scope: string[]; auditors: string[] } }> {
  const audit = toRow(await auditQuery(deps, actor, auditId).executeTakeFirst());
  const people = await auditPeople(deps, audit.id);
  if (!canSeeAudit(actor, people)) throw notFound();
  return { audit, people };
}

/**
 * The audit locked until the transaction ends, for one of its auditors or a
 * planner who holds no role in an audited project (segregation of duties).
 */
export async function lockAuditForWork(tx: Deps, actor: Actor, auditId: string): Promise<{ audit: AuditRow; people: { scope: string[]; auditors: string[] } }> {
  const audit = toRow(await lockForUpdate(tx, auditQuery(tx, actor, auditId)).executeTakeFirst());
  const people = await auditPeople(tx, audit.id);
  if (!canSeeAudit(actor, people)) throw notFound();
  if (involvedScopeProject(actor, people.scope) !== null) throw new AppError("forbidden", "audits.you_are_involved");
  if (!canWorkOnAudit(actor, people)) throw forbidden();
  return { audit, people };
}

export async function userName(deps: Deps, actor: Actor): Promise<string> {
  const row = await deps.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
  return row?.name ?? actor.name;
}
