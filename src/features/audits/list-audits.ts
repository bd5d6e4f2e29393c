import { canAudit } from "../../domain/permissions/audit-independence.ts";
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { auditPeople, canSeeAudit, seesAllAudits } from "./access.ts";
import { findingViews, type FindingView } from "./get-audit.ts";
import { PAGE_SIZE, type AuditStatus, type AuditType } from "./types.ts";

export interface AuditListItem {
  id: string;
  title: string;
  type: AuditType;
  status: AuditStatus;
  periodFrom: string;
  periodTo: string;
  projects: string[];
  findings: number;
}

export interface AuditPlanView {
  year: number;
  plan: { description: string; updatedByName: string; updatedAt: string } | null;
  /** Years with a plan, newest first, and the year shown. */
  years: number[];
  items: AuditListItem[];
  total: number;
  page: number;
  pageSize: number;
  mayPlan: boolean;
}

/** The ids of the projects in which the actor holds a role. */
const ownProjects = (actor: Actor) => [...actor.projectRoles.keys()];

/** The audits the actor sees: all for the overseers; else those they audit or that audit one of their projects. */
function visibleAudits(deps: Deps, actor: Actor) {
  let q = deps.db.selectFrom("audits").where("audits.organisation_id", "=", actor.organisationId);
  if (!seesAllAudits(actor)) {
    const projects = ownProjects(actor);
    q = q.where((eb) =>
      eb.or([
        eb("audits.id", "in", eb.selectFrom("audit_auditors").select("audit_id").where("user_id", "=", actor.userId)),
        ...(projects.length ? [eb("audits.id", "in", eb.selectFrom("audit_projects").select("audit_id").where("project_id", "in", projects))] : []),
      ]),
    );
  }
  return q;
}

/** The audit plan of a year with its audits, a page at a time. */
export async function listAudits(deps: Deps, actor: Actor, options: { year: number; page?: number }): Promise<AuditPlanView> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const plan = await deps.db.selectFrom("audit_plans").selectAll().where("organisation_id", "=", actor.organisationId).where("year", "=", options.year).executeTakeFirst();
  const years = (await deps.db.selectFrom("audit_plans").select("year").where("organisation_id", "=", actor.organisationId).orderBy("year", "desc").execute()).map((r) => r.year);
  const inYear = visibleAudits(deps, actor).innerJoin("audit_plans", "audit_plans.id", "audits.plan_id").where("audit_plans.year", "=", options.year);
  const total = Number((await inYear.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst())?.n ?? 0);
  const rows = await inYear
    .select(["audits.id", "audits.title", "audits.type", "audits.status", "audits.period_from", "audits.period_to"])
    .orderBy("audits.period_from")
    .orderBy("audits.id")
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const ids = rows.map((r) => r.id);
  const scope = ids.length
    ? await deps.db.selectFrom("audit_projects").innerJoin("projects", "projects.id", "audit_projects.project_id").select(["audit_projects.audit_id", "projects.title"]).where("audit_projects.audit_id", "in", ids).orderBy("projects.title").execute()
    : [];
  const counts = ids.length
    ? await deps.db.selectFrom("audit_findings").select(["audit_id", (eb) => eb.fn.countAll().as("n")]).where("audit_id", "in", ids).groupBy("audit_id").execute()
    : [];
  return {
    year: options.year,
    plan: plan ? { description: plan.description, updatedByName: plan.updated_by_name, updatedAt: plan.updated_at } : null,
    years: [...new Set([...years, options.year])].sort((a, b) => b - a),
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type as AuditType,
      status: r.status as AuditStatus,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      projects: scope.filter((s) => s.audit_id === r.id).map((s) => s.title),
      findings: Number(counts.find((c) => c.audit_id === r.id)?.n ?? 0),
    })),
    total,
    page,
    pageSize: PAGE_SIZE,
    mayPlan: canAudit(actor, "plan"),
  };
}

/** Is the actor the owner or lead of any project (then they may owe a management response)? */
export function leadsAProject(actor: Actor): boolean {
  return ownProjects(actor).some((id) => hasProjectRole(actor, id, ["owner", "lead"]));
}

/** The findings still waiting for the actor's management response (owner or lead of their project), oldest first. */
export async function findingsToAnswer(deps: Deps, actor: Actor): Promise<(FindingView & { auditTitle: string })[]> {
  const projects = ownProjects(actor).filter((id) => hasProjectRole(actor, id, ["owner", "lead"]));
  if (!projects.length) return [];
  const audits = await deps.db
    .selectFrom("audit_findings")
    .innerJoin("audits", "audits.id", "audit_findings.audit_id")
    .select(["audits.id", "audits.title", "audits.status"])
    .distinct()
    .where("audit_findings.organisation_id", "=", actor.organisationId)
    .where("audit_findings.project_id", "in", projects)
    .where("audit_findings.response", "is", null)
    .where("audits.status", "in", ["fieldwork", "draft_report"])
    .orderBy("audits.title")
    .execute();
  const out: (FindingView & { auditTitle: string })[] = [];
  for (const a of audits) {
    for (const f of await findingViews(deps, actor, { id: a.id, status: a.status as AuditStatus })) {
      if (f.mayRespond) out.push({ ...f, auditTitle: a.title });
    }
  }
  return out;
}

/** For the project page: the audits of a project and its findings still open (no response yet, or a measure not done or explained). */
export async function projectAudits(deps: Deps, actor: Actor, projectId: string): Promise<{ audits: AuditListItem[]; openFindings: (FindingView & { auditTitle: string })[] }> {
  const rows = await deps.db
    .selectFrom("audits")
    .innerJoin("audit_projects", "audit_projects.audit_id", "audits.id")
    .select(["audits.id", "audits.title", "audits.type", "audits.status", "audits.period_from", "audits.period_to"])
    .where("audits.organisation_id", "=", actor.organisationId)
    .where("audit_projects.project_id", "=", projectId)
    .orderBy("audits.period_from", "desc")
    .execute();
  const audits: AuditListItem[] = [];
  const openFindings: (FindingView & { auditTitle: string })[] = [];
  for (const r of rows) {
    // The 2nd line sees the project, but an audit only when they audit or oversee.
    if (!canSeeAudit(actor, await auditPeople(deps, r.id))) continue;
    const findings = (await findingViews(deps, actor, { id: r.id, status: r.status as AuditStatus })).filter((f) => f.projectId === projectId);
    audits.push({ id: r.id, title: r.title, type: r.type as AuditType, status: r.status as AuditStatus, periodFrom: r.period_from, periodTo: r.period_to, projects: [], findings: findings.length });
    for (const f of findings) if (f.response === null || (f.response === "agree" && !f.measure?.closed)) openFindings.push({ ...f, auditTitle: r.title });
  }
  return { audits, openFindings };
}
