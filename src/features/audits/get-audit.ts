import { canAudit, involvedScopeProject } from "../../domain/permissions/audit-independence.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject, canViewProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { readStringList } from "../../platform/db/json-columns.ts";
import { canSeeAudit, canWorkOnAudit, loadAudit, auditPeople, type AuditRow } from "./access.ts";
import { followUpProgress, measuresById, type FindingMeasure } from "./follow-up.ts";
import { findingsOpen, nextStatus, type AuditStatus, type AuditType, type FindingResponse, type Severity } from "./types.ts";

export interface FindingView {
  id: string;
  auditId: string;
  number: number;
  projectId: string;
  projectTitle: string;
  title: string;
  description: string;
  severity: Severity;
  values: string[];
  evidenceText: string;
  evidenceLinks: string[];
  createdByName: string;
  createdAt: string;
  response: FindingResponse | null;
  responseText: string | null;
  respondedByName: string | null;
  respondedAt: string | null;
  measure: FindingMeasure | null;
  /** May the person looking give the management response now? */
  mayRespond: boolean;
}

export interface AuditView {
  id: string;
  title: string;
  type: AuditType;
  status: AuditStatus;
  year: number;
  periodFrom: string;
  periodTo: string;
  criteriaValues: string[];
  requirements: string;
  scope: { id: string; title: string }[];
  auditors: { id: string; name: string }[];
  followsAudit: { id: string; title: string } | null;
  history: { from: AuditStatus | null; to: AuditStatus; byName: string; at: string }[];
  findings: FindingView[];
  biasAudits: { id: string; name: string; projectTitle: string; status: string; linkedAt: string }[];
  /** The earlier audit this one follows up: its findings and the state of their measures. */
  earlier: { id: string; title: string; status: AuditStatus; findings: FindingView[] } | null;
  progress: { agreed: number; closed: number; unanswered: number };
  may: { work: boolean; advanceTo: AuditStatus | null; recordFindings: boolean; attachEvidence: boolean };
  /** For an auditor or planner: the project of the scope they hold a role in (so they may not work on the audit). */
  involvedIn: string | null;
  createdAt: string;
}

const strings = (text: string) => readStringList(text);

async function projectTitles(deps: Deps, organisationId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await deps.db.selectFrom("projects").select(["id", "title"]).where("organisation_id", "=", organisationId).where("id", "in", [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The findings of an audit the person may see (the team of one project does not see another project's), with their measures. */
export async function findingViews(deps: Deps, actor: Actor, audit: Pick<AuditRow, "id" | "status">): Promise<FindingView[]> {
  const rows = await deps.db.selectFrom("audit_findings").selectAll().where("audit_id", "=", audit.id).where("organisation_id", "=", actor.organisationId).orderBy("number").execute();
  const visible = rows.filter((r) => canViewProject(actor, r.project_id));
  const measures = await measuresById(deps, actor.organisationId, visible.flatMap((r) => (r.measure_id ? [r.measure_id] : [])));
  const titles = await projectTitles(deps, actor.organisationId, visible.map((r) => r.project_id));
  return visible.map((r) => ({
    id: r.id,
    auditId: r.audit_id,
    number: r.number,
    projectId: r.project_id,
    projectTitle: titles.get(r.project_id) ?? "",
    title: r.title,
    description: r.description,
    severity: r.severity as Severity,
    values: strings(r.values_json),
    evidenceText: r.evidence_text,
    evidenceLinks: strings(r.evidence_links_json),
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    response: r.response as FindingResponse | null,
    responseText: r.response_text,
    respondedByName: r.responded_by_name,
    respondedAt: r.responded_at,
    measure: r.measure_id ? (measures.get(r.measure_id) ?? null) : null,
    mayRespond: r.response === null && findingsOpen(audit.status) && canEditProject(actor, r.project_id),
  }));
}

/** One audit as its page, the API and the report show it. */
export async function getAudit(deps: Deps, actor: Actor, auditId: string): Promise<AuditView> {
  const { audit, people } = await loadAudit(deps, actor, auditId);
  const plan = await deps.db.selectFrom("audit_plans").select("year").where("id", "=", audit.plan_id).executeTakeFirstOrThrow();
  const titles = await projectTitles(deps, actor.organisationId, people.scope);
  const auditors = people.auditors.length
    ? await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", actor.organisationId).where("id", "in", people.auditors).orderBy("name").execute()
    : [];
  const history = await deps.db.selectFrom("audit_status_changes").selectAll().where("audit_id", "=", audit.id).orderBy("at").orderBy("id").execute();
  const bias = await deps.db
    .selectFrom("audit_bias_audits")
    .innerJoin("bias_audits", "bias_audits.id", "audit_bias_audits.bias_audit_id")
    .select(["bias_audits.id", "bias_audits.name", "bias_audits.project_id", "bias_audits.status", "audit_bias_audits.linked_at"])
    .where("audit_bias_audits.audit_id", "=", audit.id)
    .orderBy("audit_bias_audits.linked_at")
    .execute();
  const work = canWorkOnAudit(actor, people);
  const next = nextStatus(audit.status);
  return {
    id: audit.id,
    title: audit.title,
    type: audit.type as AuditType,
    status: audit.status,
    year: plan.year,
    periodFrom: audit.period_from,
    periodTo: audit.period_to,
    criteriaValues: strings(audit.criteria_values_json),
    requirements: audit.requirements,
    scope: people.scope.map((id) => ({ id, title: titles.get(id) ?? "" })).sort((a, b) => a.title.localeCompare(b.title)),
    auditors: auditors.map((u) => ({ id: u.id, name: u.name })),
    followsAudit: await earlierRef(deps, actor, audit.follows_audit_id),
    history: history.map((h) => ({ from: h.from_status as AuditStatus | null, to: h.to_status as AuditStatus, byName: h.by_name, at: h.at })),
    findings: await findingViews(deps, actor, audit),
    biasAudits: bias.map((b) => ({ id: b.id, name: b.name, projectTitle: b.project_id ? (titles.get(b.project_id) ?? "") : "", status: b.status, linkedAt: b.linked_at })),
    earlier: await earlierAudit(deps, actor, audit.follows_audit_id),
    progress: await followUpProgress(deps, actor.organisationId, audit.id),
    may: { work, advanceTo: work ? next : null, recordFindings: work && findingsOpen(audit.status), attachEvidence: work && audit.status !== "final" && audit.status !== "followed_up" },
    involvedIn: people.auditors.includes(actor.userId) || canAudit(actor, "plan") ? involvedScopeProject(actor, people.scope) : null,
    createdAt: audit.created_at,
  };
}

async function earlierRow(deps: Deps, actor: Actor, id: string | null) {
  if (!id) return null;
  const row = await deps.db.selectFrom("audits").select(["id", "title", "status"]).where("id", "=", id).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  if (!row || !canSeeAudit(actor, await auditPeople(deps, row.id))) return null;
  return row;
}

async function earlierRef(deps: Deps, actor: Actor, id: string | null) {
  const row = await earlierRow(deps, actor, id);
  return row ? { id: row.id, title: row.title } : null;
}

async function earlierAudit(deps: Deps, actor: Actor, id: string | null): Promise<AuditView["earlier"]> {
  const row = await earlierRow(deps, actor, id);
  if (!row) return null;
  const status = row.status as AuditStatus;
  // Shown for reading only: nobody answers an earlier audit's findings from the follow-up audit.
  const findings = (await findingViews(deps, actor, { id: row.id, status })).map((f) => ({ ...f, mayRespond: false }));
  return { id: row.id, title: row.title, status, findings };
}
