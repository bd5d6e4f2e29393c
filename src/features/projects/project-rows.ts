// Reading the projects feature's own rows: a project with its details and
// team, the people of the organisation, and the permission rules the use
// cases share. Every helper takes the handle it reads with, so inside a use
// case it reads in that use case's transaction.
import { readStringList } from "../../platform/db/json-columns.ts";
import { isFinal, isPhase, type MaterialChangeKind, type Phase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject, canViewProject } from "../../domain/permissions/project-access.ts";
import { PROJECT_ROLES, type ProjectRole } from "../../domain/permissions/roles.ts";
import type { Db } from "../../platform/db/schema.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { lockForUpdate, type Tx } from "../../platform/transaction.ts";
import type { ProjectRef } from "./extension-points.ts";
import { DATA_CATEGORIES, DOMAINS, TECHNOLOGIES, type DataCategory, type Domain, type Technology } from "./fields.ts";
import type {} from "./schema.ts";

export interface ProjectMember {
  assignmentId: string;
  userId: string;
  name: string;
  role: ProjectRole;
}

/** What the lead describes of a project: the fields of the registration form. */
export interface ProjectDescription {
  title: string;
  goal: string;
  description: string;
  domain: Domain;
  technologies: Technology[];
  dataCategories: DataCategory[];
  supplierInvolved: boolean;
}

/** Just the described fields of anything that has them (for the audit log, the form, the demo). */
export function projectDescriptionOf(p: ProjectDescription): ProjectDescription {
  return { title: p.title, goal: p.goal, description: p.description, domain: p.domain, technologies: p.technologies, dataCategories: p.dataCategories, supplierInvolved: p.supplierInvolved };
}

/** A project's own details, as stored. */
export interface ProjectRecord extends ProjectDescription {
  id: string;
  organisationId: string;
  phase: Phase;
  publicationState: string;
  stoppedReason: string | null;
  stoppedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectDetail extends ProjectRecord {
  members: ProjectMember[];
}

export function asPhase(phase: string): Phase {
  return isPhase(phase) ? phase : "pre_start";
}

function projectQuery(db: Db, organisationId: string, projectId: string) {
  return db.selectFrom("projects").selectAll().where("id", "=", projectId).where("organisation_id", "=", organisationId);
}
type ProjectRow = NonNullable<Awaited<ReturnType<ReturnType<typeof projectQuery>["executeTakeFirst"]>>>;

function toRecord(row: ProjectRow): ProjectRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    goal: row.goal,
    description: row.description,
    domain: (DOMAINS as readonly string[]).includes(row.domain) ? (row.domain as Domain) : "concern",
    technologies: readStringList(row.technologies_json, TECHNOLOGIES),
    dataCategories: readStringList(row.data_categories_json, DATA_CATEGORIES),
    supplierInvolved: row.supplier_involved === 1,
    phase: asPhase(row.phase),
    publicationState: row.publication_state,
    stoppedReason: row.stopped_reason,
    stoppedAt: row.stopped_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What other features know of a project, from its record. */
export function refOf(p: ProjectRecord): ProjectRef {
  return { id: p.id, organisationId: p.organisationId, title: p.title, phase: p.phase, domain: p.domain, supplierInvolved: p.supplierInvolved };
}

/** The project for someone who may see it; anyone else gets "not found". One read. */
export async function visibleProject(db: Db, actor: Actor, projectId: string): Promise<ProjectRecord> {
  const row = await projectQuery(db, actor.organisationId, projectId).executeTakeFirst();
  if (!row || !canViewProject(actor, row.id)) throw notFound();
  return toRecord(row);
}

/** The same, locked until the transaction ends: for a use case that decides on what it read. */
export async function lockVisibleProject(tx: Tx, actor: Actor, projectId: string): Promise<ProjectRecord> {
  const row = await lockForUpdate(tx, projectQuery(tx.db, actor.organisationId, projectId)).executeTakeFirst();
  if (!row || !canViewProject(actor, row.id)) throw notFound();
  return toRecord(row);
}

/** The project of the actor's organisation, locked, whether or not the actor may see it (an admin keeps teams unseen). */
export async function lockProjectOfOrganisation(tx: Tx, actor: Actor, projectId: string): Promise<ProjectRecord> {
  const row = await lockForUpdate(tx, projectQuery(tx.db, actor.organisationId, projectId)).executeTakeFirst();
  if (!row) throw notFound();
  return toRecord(row);
}

export async function membersOf(db: Db, organisationId: string, projectId: string): Promise<ProjectMember[]> {
  const rows = await db
    .selectFrom("role_assignments")
    .innerJoin("users", "users.id", "role_assignments.user_id")
    .select(["role_assignments.id", "role_assignments.user_id", "role_assignments.role", "users.name"])
    .where("role_assignments.organisation_id", "=", organisationId)
    .where("role_assignments.project_id", "=", projectId)
    .execute();
  const order = (r: string) => (PROJECT_ROLES as readonly string[]).indexOf(r);
  return rows
    .filter((r) => (PROJECT_ROLES as readonly string[]).includes(r.role))
    .map((r) => ({ assignmentId: r.id, userId: r.user_id, name: r.name, role: r.role as ProjectRole }))
    .sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name));
}

export interface MaterialChangeRecord {
  id: string;
  kind: MaterialChangeKind;
  description: string;
  reopensScreening: boolean;
  recordedAt: string;
}

/** Material changes, newest first. */
export async function materialChangesOf(db: Db, organisationId: string, projectId: string): Promise<MaterialChangeRecord[]> {
  const rows = await db
    .selectFrom("material_changes")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .orderBy("recorded_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as MaterialChangeKind, description: r.description, reopensScreening: r.reopens_screening === 1, recordedAt: r.recorded_at }));
}

/** The name of an active person of the organisation; a validation error on `field` otherwise. */
export async function activeUserName(db: Db, organisationId: string, userId: string, field: string): Promise<string> {
  const user = await db
    .selectFrom("users")
    .select("name")
    .where("id", "=", userId)
    .where("organisation_id", "=", organisationId)
    .where("active", "=", 1)
    .executeTakeFirst();
  if (!user) throw invalid([{ field, messageKey: "projects.user_unknown" }]);
  return user.name;
}

/** The actor's name as it stands in the users table now (as records keep it). */
export async function nameOf(db: Db, actor: Actor): Promise<string> {
  const row = await db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
  return row?.name ?? actor.name;
}

/** The roles the actor holds on this project and in the organisation, as the gate rules want them. */
export function rolesOnProject(actor: Actor, projectId: string): string[] {
  return [...(actor.projectRoles.get(projectId) ?? []), ...actor.organisationRoles];
}

/** Owner and lead change a project, and only while it is not closed or stopped. */
export function requireEditable(actor: Actor, project: { id: string; phase: string }): void {
  if (!canEditProject(actor, project.id)) throw forbidden();
  if (isFinal(asPhase(project.phase))) throw new AppError("rule_refused", "projects.final_no_change");
}

/** Owner and lead keep the team; an admin may too (without thereby seeing the project's records). */
export function canManageMembers(actor: Actor, projectId: string): boolean {
  return canEditProject(actor, projectId) || actor.organisationRoles.has("admin");
}

/** Refused to keep the team: "not found" for those who may not even see the project. */
export function requireMayManageMembers(actor: Actor, projectId: string): void {
  if (!canManageMembers(actor, projectId)) throw canViewProject(actor, projectId) ? forbidden() : notFound();
}
