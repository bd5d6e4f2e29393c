// The projects feature's reads: a project with its team, its readiness, its
// decisions, evaluations and material changes, and the project page at once.
// Each opens the project once, as the actor may see it.
import { readJson } from "../../platform/db/json-columns.ts";
import { gateReadiness, type GateDecision, type GateReadiness, type Phase, type ProjectSnapshot } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Db } from "../../platform/db/schema.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { loadProjectForActor, rememberProject } from "./access.ts";
import { buildSnapshot } from "./build-snapshot.ts";
import type { ProjectRef } from "./extension-points.ts";
import { asPhase, canManageMembers, materialChangesOf, membersOf, refOf, visibleProject, type MaterialChangeRecord, type ProjectDetail, type ProjectMember } from "./project-rows.ts";

export interface GateDecisionView {
  id: string;
  phase: Phase;
  decision: GateDecision;
  toPhase: Phase;
  rationale: string;
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
  /** The readiness at the moment of the decision; null for a decision stored before readiness was kept as codes. */
  readiness: GateReadiness | null;
}

export interface EvaluationRecord {
  id: string;
  phase: Phase;
  text: string;
  recordedByName: string;
  recordedAt: string;
}

export interface ProjectReadiness {
  snapshot: ProjectSnapshot;
  readiness: GateReadiness;
}

/** One project with its team, for anyone who may see it. */
export async function getProject(deps: Deps, actor: Actor, projectId: string): Promise<ProjectDetail> {
  const project = await visibleProject(deps.db, actor, projectId);
  return { ...project, members: await membersOf(deps.db, actor.organisationId, project.id) };
}

/** Active people of the actor's organisation, for choosing an owner, lead, member or measure owner. */
export async function listOrganisationPeople(deps: Deps, actor: Actor): Promise<{ id: string; name: string }[]> {
  return deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", actor.organisationId).where("active", "=", 1).orderBy("name").orderBy("id").execute();
}

/** The team; those who keep it (an admin too) see it without seeing the project's records. */
export async function listMembers(deps: Deps, actor: Actor, projectId: string): Promise<ProjectMember[]> {
  if (!canManageMembers(actor, projectId)) await loadProjectForActor(deps.db, actor, projectId);
  else if (!(await deps.db.selectFrom("projects").select("id").where("id", "=", projectId).where("organisation_id", "=", actor.organisationId).executeTakeFirst())) throw notFound();
  return membersOf(deps.db, actor.organisationId, projectId);
}

/** Material changes, newest first; the screening feature reads these to reopen a screening. */
export async function listMaterialChanges(deps: Deps, actor: Actor, projectId: string): Promise<MaterialChangeRecord[]> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  return materialChangesOf(deps.db, project.organisationId, project.id);
}

export async function listGateDecisions(deps: Deps, actor: Actor, projectId: string): Promise<GateDecisionView[]> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  return decisionsOf(deps.db, project);
}

/** A stored readiness, when it is in the shape of codes this version keeps. */
function storedReadiness(json: string): GateReadiness | null {
  const r = readJson(json) as Partial<GateReadiness> | null | undefined;
  const coded = (m: unknown) => typeof (m as { code?: unknown } | undefined)?.code === "string";
  if (!r || !coded(r.summary) || !Array.isArray(r.missing) || !r.missing.every((m) => coded(m?.message))) return null;
  return r as GateReadiness;
}

async function decisionsOf(db: Db, project: ProjectRef): Promise<GateDecisionView[]> {
  const rows = await db
    .selectFrom("gate_decisions")
    .selectAll()
    .where("organisation_id", "=", project.organisationId)
    .where("project_id", "=", project.id)
    .orderBy("decided_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    phase: asPhase(r.phase),
    decision: r.decision as GateDecision,
    toPhase: asPhase(r.to_phase),
    rationale: r.rationale,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    readiness: storedReadiness(r.readiness_json),
  }));
}

export async function listEvaluations(deps: Deps, actor: Actor, projectId: string): Promise<EvaluationRecord[]> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  return evaluationsOf(deps.db, project);
}

async function evaluationsOf(db: Db, project: ProjectRef): Promise<EvaluationRecord[]> {
  const rows = await db.selectFrom("project_evaluations").selectAll().where("organisation_id", "=", project.organisationId).where("project_id", "=", project.id).orderBy("recorded_at", "desc").execute();
  return rows.map((r) => ({ id: r.id, phase: asPhase(r.phase), text: r.text, recordedByName: r.recorded_by_name, recordedAt: r.recorded_at }));
}

/** What the next gate still needs and from whom: the very result that decides whether a "go" is accepted. */
export async function projectReadiness(deps: Deps, actor: Actor, projectId: string): Promise<ProjectReadiness> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const snapshot = await buildSnapshot(deps, project);
  return { snapshot, readiness: gateReadiness(snapshot) };
}

export interface ProjectPageData {
  project: ProjectDetail;
  ref: ProjectRef;
  readiness: GateReadiness;
  decisions: GateDecisionView[];
  evaluations: EvaluationRecord[];
  changes: MaterialChangeRecord[];
  people: { id: string; name: string }[];
}

/** Everything the project page shows, with the project opened once. */
export async function projectPage(deps: Deps, actor: Actor, projectId: string): Promise<ProjectPageData> {
  const record = await visibleProject(deps.db, actor, projectId);
  const ref = refOf(record);
  if (!deps.db.isTransaction) rememberProject(actor, ref);
  const [members, snapshot, decisions, evaluations, changes, people] = await Promise.all([
    membersOf(deps.db, actor.organisationId, ref.id),
    buildSnapshot(deps, ref),
    decisionsOf(deps.db, ref),
    evaluationsOf(deps.db, ref),
    materialChangesOf(deps.db, ref.organisationId, ref.id),
    listOrganisationPeople(deps, actor),
  ]);
  return { project: { ...record, members }, ref, readiness: gateReadiness(snapshot), decisions, evaluations, changes, people };
}
