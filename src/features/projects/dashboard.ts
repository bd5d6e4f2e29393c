// The project dashboard: projects by phase, what each waits for and from whom,
// and what waits for the person looking.
import { gateReadiness, PHASES, RESPONSIBLE_ROLES, type GateReadiness, type MissingItem, type Phase, type Responsible } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject, isSecondOrThirdLine } from "../../domain/permissions/project-access.ts";
import { PROJECT_ROLES, type ProjectRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { sql } from "kysely";
import { buildSnapshots } from "./build-snapshot.ts";
import type { ProjectRef } from "./extension-points.ts";
import { DOMAINS, type Domain } from "./service.ts";
import { fillMissingReadiness, storedMissing, waitsFor, waitsForActor } from "./stored-readiness.ts";

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
  /** For callers inside the app that need every match at once (the start page's inbox); pages and the API use the default. */
  pageSize?: number;
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

/** The page's readiness is computed in batches of this many (callers that ask for every match, like the start page). */
const READINESS_BATCH = 500;

/**
 * The dashboard in SQL: counts by phase, the total, the filters on readiness
 * (waiting on someone, waiting for me), the count of projects waiting for the
 * actor and the page all come from the database — the readiness filters from
 * the stored readiness (stored-readiness.ts). Readiness is computed afresh only
 * for the page's projects, in one batch.
 */
export async function projectDashboard(deps: Deps, actor: Actor, filters: DashboardFilters = {}): Promise<Dashboard> {
  const domain = pick(filters.domain, DOMAINS);
  const phase = pick(filters.phase, PHASES);
  const waitingOn = pick(filters.waitingOn, RESPONSIBLES);
  const mine = filters.mine === true;
  const page = Math.max(1, Math.floor(filters.page ?? 1) || 1);
  const size = Math.max(1, Math.floor(filters.pageSize ?? DASHBOARD_PAGE_SIZE));
  const chosen = { domain, phase, waitingOn, mine };
  if (!isSecondOrThirdLine(actor) && actor.projectRoles.size === 0) return empty(page, chosen);

  await fillMissingReadiness(deps, actor.organisationId);
  const visible = visibleProjects(deps, actor, domain);
  const inPhase = phase ? visible.where("phase", "=", phase) : visible;
  let matching = waitingOn ? inPhase.where(waitsFor(waitingOn)) : inPhase;
  if (mine) matching = matching.where(waitsForActor(actor));
  const offset = (page - 1) * size;
  const [counts, totalRow, forMeRow, rows] = await Promise.all([
    visible.select(["phase", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("phase").execute(),
    matching.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
    inPhase.where(waitsForActor(actor)).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
    matching.select(PROJECT_COLUMNS).orderBy(phaseOrder).orderBy("title").orderBy("id").limit(size).offset(offset).execute(),
  ]);
  const countsByPhase = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  for (const r of counts) if (r.phase in countsByPhase) countsByPhase[r.phase as Phase] += Number(r.n);
  const items = await itemsOf(deps, actor, rows, (ids) => ownersAndLeads(deps, actor.organisationId, ids));
  return { items, total: Number(totalRow?.n ?? 0), page, pageSize: size, countsByPhase, waitingForMeCount: Number(forMeRow?.n ?? 0), filters: chosen };
}

/**
 * Every project waiting for the actor with its stored missing items, in one
 * statement and without building a snapshot: the start page's inbox.
 */
export async function projectsWaitingForActor(deps: Deps, actor: Actor): Promise<{ id: string; title: string; missing: WaitingItem[] }[]> {
  if (!isSecondOrThirdLine(actor) && actor.projectRoles.size === 0) return [];
  await fillMissingReadiness(deps, actor.organisationId);
  const rows = await visibleProjects(deps, actor, null)
    .innerJoin("project_readiness", "project_readiness.project_id", "projects.id")
    .where(waitsForActor(actor))
    .select(["projects.id", "projects.title", "project_readiness.missing_json"])
    .orderBy(phaseOrder)
    .orderBy("projects.title")
    .orderBy("projects.id")
    .execute();
  return rows
    .filter((r) => canViewProject(actor, r.id))
    .map((r) => ({
      id: r.id,
      title: r.title,
      missing: storedMissing(r.missing_json).map((m) => ({ ...m, roles: RESPONSIBLE_ROLES[m.who], people: [], forMe: isWaitingFor(actor, r.id, m.who) })),
    }));
}

const PROJECT_COLUMNS = ["id", "organisation_id", "title", "phase", "domain", "supplier_involved"] as const;
type ProjectRow = { id: string; organisation_id: string; title: string; phase: string; domain: string; supplier_involved: number };

/** Phases in the order of the lifecycle, as an SQL expression (the same on both engines). */
const phaseOrder = sql<number>`case phase ${sql.join(
  PHASES.map((p, i) => sql`when ${sql.lit(p)} then ${sql.lit(i)}`),
  sql` `,
)} else ${sql.lit(PHASES.length)} end`;

/** The projects the actor may see: all of the organisation for the second and third line, else those they hold a role in. */
function visibleProjects(deps: Deps, actor: Actor, domain: Domain | null) {
  let query = deps.db.selectFrom("projects").where("projects.organisation_id", "=", actor.organisationId);
  if (!isSecondOrThirdLine(actor)) {
    query = query.where("projects.id", "in", (eb) =>
      eb
        .selectFrom("role_assignments")
        .select("project_id")
        .where("user_id", "=", actor.userId)
        .where("organisation_id", "=", actor.organisationId)
        .where("role", "in", [...PROJECT_ROLES]),
    );
  }
  return domain ? query.where("projects.domain", "=", domain) : query;
}

function refOfRow(r: ProjectRow): ProjectRef {
  return { id: r.id, organisationId: r.organisation_id, title: r.title, phase: r.phase, domain: r.domain, supplierInvolved: r.supplier_involved === 1 };
}

/** Dashboard items of the given rows, readiness in batches; the names of owners and leads in one statement per batch. */
async function itemsOf(deps: Deps, actor: Actor, rows: ProjectRow[], names: (ids: string[]) => Promise<Map<string, string[]>>): Promise<DashboardItem[]> {
  const out: DashboardItem[] = [];
  for (let at = 0; at < rows.length; at += READINESS_BATCH) {
    const batch = rows.slice(at, at + READINESS_BATCH).filter((r) => canViewProject(actor, r.id));
    const ids = batch.map((r) => r.id);
    const [snapshots, people] = await Promise.all([buildSnapshots(deps, batch.map(refOfRow)), names(ids)]);
    for (const r of batch) {
      const readiness = gateReadiness(snapshots.get(r.id)!);
      const waiting = readiness.missing.map((m) => ({
        ...m,
        roles: RESPONSIBLE_ROLES[m.who],
        people: m.who === "owner" || m.who === "lead" ? (people.get(`${r.id}:${m.who}`) ?? []) : [],
        forMe: isWaitingFor(actor, r.id, m.who),
      }));
      out.push({ id: r.id, title: r.title, domain: r.domain as Domain, phase: r.phase as Phase, myRoles: [...(actor.projectRoles.get(r.id) ?? [])], readiness, waiting, waitingForMe: waiting.some((w) => w.forMe) });
    }
  }
  return out;
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
