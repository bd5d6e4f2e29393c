// The project dashboard: projects by phase, what each waits for and from whom,
// and what waits for the person looking.
import { gateReadiness, PHASES, RESPONSIBLE_ROLES, type GateReadiness, type MissingItem, type Phase, type Responsible } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject, isSecondOrThirdLine } from "../../domain/permissions/project-access.ts";
import type { ProjectRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { buildSnapshot, DOMAINS, type Domain } from "./service.ts";

export const DASHBOARD_PAGE_SIZE = 20;
export const RESPONSIBLES = Object.keys(RESPONSIBLE_ROLES) as Responsible[];

export interface DashboardFilters {
  domain?: string;
  phase?: string;
  /** Only projects waiting for this party. */
  waitingOn?: string;
  /** Only projects with something waiting for the actor. */
  mine?: boolean;
  page?: number;
}

export interface WaitingItem extends MissingItem {
  /** The organisation or project roles that can act on it. */
  roles: readonly string[];
  /** For owner and lead: who they are on this project. */
  people: string[];
  forMe: boolean;
}

export interface DashboardItem {
  id: string;
  title: string;
  domain: Domain;
  phase: Phase;
  myRoles: ProjectRole[];
  readiness: GateReadiness;
  waiting: WaitingItem[];
  waitingForMe: boolean;
}

export interface Dashboard {
  items: DashboardItem[];
  total: number;
  page: number;
  pageSize: number;
  /** Over the projects the actor may see, within the domain filter. */
  countsByPhase: Record<Phase, number>;
  waitingForMeCount: number;
  filters: { domain: Domain | null; phase: Phase | null; waitingOn: Responsible | null; mine: boolean };
}

/** True when the actor holds one of the roles that can act on this missing item. */
export function isWaitingFor(actor: Actor, projectId: string, who: Responsible): boolean {
  const projectRoles = actor.projectRoles.get(projectId);
  return RESPONSIBLE_ROLES[who].some((r) => (actor.organisationRoles as ReadonlySet<string>).has(r) || (projectRoles as ReadonlySet<string> | undefined)?.has(r) === true);
}

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | null =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null;

export async function projectDashboard(deps: Deps, actor: Actor, filters: DashboardFilters = {}): Promise<Dashboard> {
  const domain = pick(filters.domain, DOMAINS);
  const phase = pick(filters.phase, PHASES);
  const waitingOn = pick(filters.waitingOn, RESPONSIBLES);
  const mine = filters.mine === true;
  const page = Math.max(1, Math.floor(filters.page ?? 1) || 1);

  let query = deps.db
    .selectFrom("projects")
    .select(["id", "organisation_id", "title", "phase", "domain", "supplier_involved"])
    .where("organisation_id", "=", actor.organisationId);
  if (!isSecondOrThirdLine(actor)) {
    const own = [...actor.projectRoles.keys()];
    if (own.length === 0) return empty(page, { domain, phase, waitingOn, mine });
    query = query.where("id", "in", own);
  }
  if (domain) query = query.where("domain", "=", domain);
  const rows = (await query.orderBy("title").orderBy("id").execute()).filter((r) => canViewProject(actor, r.id));

  const countsByPhase = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  for (const r of rows) if (r.phase in countsByPhase) countsByPhase[r.phase as Phase] += 1;

  const inPhase = rows.filter((r) => !phase || r.phase === phase);
  const names = await ownersAndLeads(deps, actor.organisationId, inPhase.map((r) => r.id));
  const all: DashboardItem[] = [];
  for (const r of inPhase) {
    const ref = { id: r.id, organisationId: r.organisation_id, title: r.title, phase: r.phase, domain: r.domain, supplierInvolved: r.supplier_involved === 1 };
    const readiness = gateReadiness(await buildSnapshot(deps, ref));
    const waiting = readiness.missing.map((m) => ({
      ...m,
      roles: RESPONSIBLE_ROLES[m.who],
      people: m.who === "owner" || m.who === "lead" ? (names.get(`${r.id}:${m.who}`) ?? []) : [],
      forMe: isWaitingFor(actor, r.id, m.who),
    }));
    all.push({
      id: r.id,
      title: r.title,
      domain: r.domain as Domain,
      phase: r.phase as Phase,
      myRoles: [...(actor.projectRoles.get(r.id) ?? [])],
      readiness,
      waiting,
      waitingForMe: waiting.some((w) => w.forMe),
    });
  }
  const waitingForMeCount = all.filter((i) => i.waitingForMe).length;
  const order = (p: string) => PHASES.indexOf(p as Phase);
  const filtered = all
    .filter((i) => !waitingOn || i.waiting.some((w) => w.who === waitingOn))
    .filter((i) => !mine || i.waitingForMe)
    .sort((a, b) => order(a.phase) - order(b.phase) || a.title.localeCompare(b.title));
  return {
    items: filtered.slice((page - 1) * DASHBOARD_PAGE_SIZE, page * DASHBOARD_PAGE_SIZE),
    total: filtered.length,
    page,
    pageSize: DASHBOARD_PAGE_SIZE,
    countsByPhase,
    waitingForMeCount,
    filters: { domain, phase, waitingOn, mine },
  };
}

function empty(page: number, filters: Dashboard["filters"]): Dashboard {
  return {
    items: [],
    total: 0,
    page,
    pageSize: DASHBOARD_PAGE_SIZE,
    countsByPhase: Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>,
    waitingForMeCount: 0,
    filters,
  };
}

async function ownersAndLeads(deps: Deps, organisationId: string, projectIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (projectIds.length === 0) return map;
  const rows = await deps.db
    .selectFrom("role_assignments")
    .innerJoin("users", "users.id", "role_assignments.user_id")
    .select(["role_assignments.project_id", "role_assignments.role", "users.name"])
    .where("role_assignments.organisation_id", "=", organisationId)
    .where("role_assignments.project_id", "in", projectIds)
    .where("role_assignments.role", "in", ["owner", "lead"])
    .orderBy("users.name")
    .execute();
  for (const r of rows) {
    const key = `${r.project_id}:${r.role}`;
    map.set(key, [...(map.get(key) ?? []), r.name]);
  }
  return map;
}
