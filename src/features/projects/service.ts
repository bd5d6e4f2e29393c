// Use cases of the projects feature: register and edit a project, its team,
// material changes, the gate snapshot, gate decisions and evaluations.
// Other features call these functions; they never query these tables.
import type { MessageKey } from "../../platform/i18n/index.ts";
import { z } from "zod";
import {
  applyGateDecision,
  applyMaterialChange,
  gateReadiness,
  GATE_DECISIONS,
  isFinal,
  isPhase,
  PHASES,
  materialChangeEffect,
  type GateDecision,
  type GateReadiness,
  type MaterialChangeKind,
  type Phase,
  type ProjectSnapshot,
} from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject, canRegisterProject } from "../../domain/permissions/project-access.ts";
import { PROJECT_ROLES, type ProjectRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { loadProjectForActor, lockProjectForActor } from "./access.ts";
import type { ProjectRef } from "./extension-points.ts";
import type {} from "./schema.ts";

export { loadProjectForActor };

export const DOMAINS = ["sociaal_domein", "fysiek", "publieke_dienstverlening", "concern", "veiligheid"] as const;
export const TECHNOLOGIES = ["ai_algorithm", "sensors", "camera", "blockchain", "data_linkage", "profiling", "cloud", "other"] as const;
export const DATA_CATEGORIES = ["personal", "special_categories", "criminal", "bsn", "location", "financial", "children", "none"] as const;
export const EXPLICIT_CHANGE_KINDS = ["new_data_source", "new_purpose", "new_supplier", "new_technology", "new_data_category"] as const satisfies readonly MaterialChangeKind[];

export type Domain = (typeof DOMAINS)[number];
export type Technology = (typeof TECHNOLOGIES)[number];
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const LIMITS = { title: 160, goal: 2000, description: 8000, rationale: 4000, evaluation: 8000, changeDescription: 2000 } as const;

// ---------------------------------------------------------------- input

const yesNo = z.preprocess(
  (v) => (v === "yes" || v === "true" || v === "1" ? true : v === "no" || v === "false" || v === "0" ? false : v),
  z.boolean("projects.supplier_required"),
);

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : typeof v === "string" ? [v] : v),
    z
      .array(z.enum(values, "field.invalid_choice"))
      .max(values.length, "field.invalid_choice")
      .transform((a) => [...new Set(a)]),
  );

const userId = (required: string) => z.string(required).trim().min(1, required).max(64, "field.too_long");

const ProjectFields = z.object({
  title: fields.text(LIMITS.title),
  goal: fields.text(LIMITS.goal),
  description: z.string().trim().max(LIMITS.description, "field.too_long").optional().default(""),
  domain: z.enum(DOMAINS, "field.invalid_choice"),
  technologies: list(TECHNOLOGIES),
  dataCategories: list(DATA_CATEGORIES)
    .refine((a) => a.length > 0, "projects.data_categories_required")
    .refine((a) => !(a.includes("none") && a.length > 1), "projects.data_none_exclusive"),
  supplierInvolved: yesNo,
});

export const RegisterProjectInput = ProjectFields.extend({
  ownerUserId: userId("projects.owner_required"),
  leadUserId: z
    .string()
    .trim()
    .max(64, "field.too_long")
    .optional()
    .transform((v) => v || undefined),
});
export const UpdateProjectInput = ProjectFields;

export const AddMemberInput = z.object({
  userId: userId("projects.member.user_required"),
  role: z.enum(PROJECT_ROLES, "field.invalid_choice"),
});

export const GateDecisionInput = z.object({
  decision: z.enum(GATE_DECISIONS as readonly [GateDecision, ...GateDecision[]], "projects.gate.decision_required"),
  rationale: fields.text(LIMITS.rationale),
  /** The phase the decider saw (the form sends it): when the project has moved on since, the decision is a conflict. */
  expectedPhase: z.enum(PHASES as readonly [Phase, ...Phase[]], "field.invalid_choice").optional(),
});

export const EvaluationInput = z.object({ text: fields.text(LIMITS.evaluation) });

export const MaterialChangeInput = z.object({
  kind: z.enum(EXPLICIT_CHANGE_KINDS, "field.invalid_choice"),
  description: fields.text(LIMITS.changeDescription),
});

// ---------------------------------------------------------------- reading

export interface ProjectMember {
  assignmentId: string;
  userId: string;
  name: string;
  role: ProjectRole;
}

export interface ProjectDetail {
  id: string;
  organisationId: string;
  title: string;
  goal: string;
  description: string;
  domain: Domain;
  technologies: Technology[];
  dataCategories: DataCategory[];
  supplierInvolved: boolean;
  phase: Phase;
  publicationState: string;
  stoppedReason: string | null;
  stoppedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  members: ProjectMember[];
}

function parseJsonList<T extends string>(json: string, allowed: readonly T[]): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is T => (allowed as readonly unknown[]).includes(x)) : [];
  } catch {
    return [];
  }
}

function asPhase(phase: string): Phase {
  return isPhase(phase) ? phase : "pre_start";
}

async function membersOf(deps: Deps, organisationId: string, projectId: string): Promise<ProjectMember[]> {
  const rows = await deps.db
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

async function projectRow(deps: Deps, organisationId: string, projectId: string) {
  return deps.db.selectFrom("projects").selectAll().where("id", "=", projectId).where("organisation_id", "=", organisationId).executeTakeFirst();
}

/** One project with its team, for anyone who may see it. */
export async function getProject(deps: Deps, actor: Actor, projectId: string): Promise<ProjectDetail> {
  await loadProjectForActor(deps.db, actor, projectId);
  const row = await projectRow(deps, actor.organisationId, projectId);
  if (!row) throw notFound();
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    goal: row.goal,
    description: row.description,
    domain: (DOMAINS as readonly string[]).includes(row.domain) ? (row.domain as Domain) : "concern",
    technologies: parseJsonList(row.technologies_json, TECHNOLOGIES),
    dataCategories: parseJsonList(row.data_categories_json, DATA_CATEGORIES),
    supplierInvolved: row.supplier_involved === 1,
    phase: asPhase(row.phase),
    publicationState: row.publication_state,
    stoppedReason: row.stopped_reason,
    stoppedAt: row.stopped_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    members: await membersOf(deps, actor.organisationId, projectId),
  };
}

/** Active people of the actor's organisation, for choosing an owner, lead, member or measure owner. */
export async function listOrganisationPeople(deps: Deps, actor: Actor): Promise<{ id: string; name: string }[]> {
  return deps.db
    .selectFrom("users")
    .select(["id", "name"])
    .where("organisation_id", "=", actor.organisationId)
    .where("active", "=", 1)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

async function assertActiveUser(deps: Deps, organisationId: string, userId: string, field: string): Promise<string> {
  const user = await deps.db
    .selectFrom("users")
    .select(["id", "name"])
    .where("id", "=", userId)
    .where("organisation_id", "=", organisationId)
    .where("active", "=", 1)
    .executeTakeFirst();
  if (!user) throw invalid([{ field, messageKey: "projects.user_unknown" }]);
  return user.name;
}

/** The roles the actor holds on this project and in the organisation, as the gate rules want them. */
export function rolesOnProject(actor: Actor, projectId: string): string[] {
  return [...(actor.projectRoles.get(projectId) ?? []), ...actor.organisationRoles];
}

// ---------------------------------------------------------------- register and edit

/** Anyone in the organisation registers a project; they become its lead unless they choose someone else. */
export async function registerProject(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  if (!canRegisterProject(actor)) throw forbidden();
  const data = parseInput(RegisterProjectInput, input);
  const leadUserId = data.leadUserId ?? actor.userId;
  const ownerName = await assertActiveUser(deps, actor.organisationId, data.ownerUserId, "ownerUserId");
  const leadName = await assertActiveUser(deps, actor.organisationId, leadUserId, "leadUserId");
  const id = deps.newId();
  const now = deps.now().toISOString();
  const roles: { userId: string; role: ProjectRole }[] = [
    { userId: data.ownerUserId, role: "owner" },
    { userId: leadUserId, role: "lead" },
  ];
  // Whoever registers keeps sight of the project, also when they name others as owner and lead.
  if (actor.userId !== data.ownerUserId && actor.userId !== leadUserId) roles.push({ userId: actor.userId, role: "member" });
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("projects")
      .values({
        id,
        organisation_id: actor.organisationId,
        title: data.title,
        goal: data.goal,
        description: data.description,
        domain: data.domain,
        technologies_json: JSON.stringify(data.technologies),
        data_categories_json: JSON.stringify(data.dataCategories),
        supplier_involved: data.supplierInvolved ? 1 : 0,
        phase: "pre_start",
        publication_state: "not_published",
        stopped_reason: null,
        stopped_at: null,
        closed_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const r of roles) {
      await tx.db
        .insertInto("role_assignments")
        .values({ id: deps.newId(), organisation_id: actor.organisationId, user_id: r.userId, role: r.role, project_id: id, created_at: now, created_by: actor.userId })
        .execute();
      await tx.audit({ action: "role.assigned", entityType: "user", entityId: r.userId, after: { role: r.role, projectId: id } });
    }
    await tx.audit({
      action: "project.registered",
      entityType: "project",
      entityId: id,
      after: { ...data, leadUserId, owner: ownerName, lead: leadName, phase: "pre_start" },
    });
  });
  return id;
}

function detectChanges(before: ProjectDetail, after: z.infer<typeof UpdateProjectInput>): MaterialChangeKind[] {
  const kinds: MaterialChangeKind[] = [];
  if (before.goal !== after.goal) kinds.push("new_purpose");
  if (!before.supplierInvolved && after.supplierInvolved) kinds.push("new_supplier");
  if (after.technologies.some((t) => !before.technologies.includes(t))) kinds.push("new_technology");
  if (after.dataCategories.some((c) => c !== "none" && !before.dataCategories.includes(c))) kinds.push("new_data_category");
  return kinds;
}

function requireEditable(actor: Actor, project: ProjectDetail | ProjectRef): void {
  if (!canEditProject(actor, project.id)) throw forbidden();
  if (isFinal(asPhase(project.phase))) throw new AppError("rule_refused", "projects.final_no_change");
}

/**
 * Owner and lead edit the details. A new purpose, supplier, technology or kind
 * of data is a material change: it is recorded, and reopens a done screening.
 * Returns the material changes it recorded.
 */
export async function updateProject(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<MaterialChangeKind[]> {
  const before = await getProject(deps, actor, projectId);
  requireEditable(actor, before);
  const data = parseInput(UpdateProjectInput, input);
  const kinds = detectChanges(before, data);
  const pick = (p: Record<string, unknown>) => ({
    title: p.title,
    goal: p.goal,
    description: p.description,
    domain: p.domain,
    technologies: p.technologies,
    dataCategories: p.dataCategories,
    supplierInvolved: p.supplierInvolved,
  });
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("projects")
      .set({
        title: data.title,
        goal: data.goal,
        description: data.description,
        domain: data.domain,
        technologies_json: JSON.stringify(data.technologies),
        data_categories_json: JSON.stringify(data.dataCategories),
        supplier_involved: data.supplierInvolved ? 1 : 0,
        updated_at: now,
      })
      .where("id", "=", projectId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({ action: "project.updated", entityType: "project", entityId: projectId, before: pick(before as unknown as Record<string, unknown>), after: pick(data) });
    for (const kind of kinds) {
      await insertMaterialChange(tx, deps, actor, projectId, kind, "", now);
    }
  });
  return kinds;
}

async function insertMaterialChange(
  tx: import("../../platform/transaction.ts").Tx,
  deps: Deps,
  actor: Actor,
  projectId: string,
  kind: MaterialChangeKind,
  description: string,
  now: string,
): Promise<string> {
  const effect = materialChangeEffect(kind);
  const id = deps.newId();
  await tx.db
    .insertInto("material_changes")
    .values({
      id,
      organisation_id: actor.organisationId,
      project_id: projectId,
      kind,
      description,
      reopens_screening: effect.reopenScreening ? 1 : 0,
      recorded_by: actor.userId,
      recorded_at: now,
    })
    .execute();
  await tx.audit({ action: "project.material_change", entityType: "project", entityId: projectId, after: { kind, description, reopensScreening: effect.reopenScreening } });
  return id;
}

/** Owner or lead record a material change by hand, e.g. a new data source. */
export async function recordMaterialChange(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  requireEditable(actor, project);
  const data = parseInput(MaterialChangeInput, input);
  return inTransaction(deps, actor, (tx) => insertMaterialChange(tx, deps, actor, projectId, data.kind, data.description, deps.now().toISOString()));
}

export interface MaterialChangeRecord {
  id: string;
  kind: MaterialChangeKind;
  description: string;
  reopensScreening: boolean;
  recordedAt: string;
}

/** Material changes, newest first; the screening feature reads these to reopen a screening. */
export async function listMaterialChanges(deps: Deps, actor: Actor, projectId: string): Promise<MaterialChangeRecord[]> {
  await loadProjectForActor(deps.db, actor, projectId);
  return materialChangesOf(deps, actor.organisationId, projectId);
}

async function materialChangesOf(deps: Deps, organisationId: string, projectId: string): Promise<MaterialChangeRecord[]> {
  const rows = await deps.db
    .selectFrom("material_changes")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .orderBy("recorded_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as MaterialChangeKind, description: r.description, reopensScreening: r.reopens_screening === 1, recordedAt: r.recorded_at }));
}

// ---------------------------------------------------------------- members

/** Owner and lead keep the team; an admin may too (without thereby seeing the project's records). */
function canManageMembers(actor: Actor, projectId: string): boolean {
  return canEditProject(actor, projectId) || actor.organisationRoles.has("admin");
}

export async function listMembers(deps: Deps, actor: Actor, projectId: string): Promise<ProjectMember[]> {
  if (!canManageMembers(actor, projectId)) await loadProjectForActor(deps.db, actor, projectId);
  else if (!(await projectRow(deps, actor.organisationId, projectId))) throw notFound();
  return membersOf(deps, actor.organisationId, projectId);
}

export async function addMember(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  if (!(await projectRow(deps, actor.organisationId, projectId))) throw notFound();
  if (!canManageMembers(actor, projectId)) {
    await loadProjectForActor(deps.db, actor, projectId); // not found for those who may not see it
    throw forbidden();
  }
  const data = parseInput(AddMemberInput, input);
  const name = await assertActiveUser(deps, actor.organisationId, data.userId, "userId");
  const existing = await deps.db
    .selectFrom("role_assignments")
    .select("id")
    .where("user_id", "=", data.userId)
    .where("role", "=", data.role)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (existing) throw new AppError("conflict", "projects.member.already");
  const id = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("role_assignments")
      .values({ id, organisation_id: actor.organisationId, user_id: data.userId, role: data.role, project_id: projectId, created_at: deps.now().toISOString(), created_by: actor.userId })
      .execute();
    await tx.audit({ action: "role.assigned", entityType: "user", entityId: data.userId, after: { role: data.role, projectId } });
    await tx.audit({ action: "project.member_added", entityType: "project", entityId: projectId, after: { userId: data.userId, name, role: data.role } });
  });
  return id;
}

/** A project always keeps an owner and a lead. */
export async function removeMember(deps: Deps, actor: Actor, projectId: string, assignmentId: string): Promise<void> {
  if (!(await projectRow(deps, actor.organisationId, projectId))) throw notFound();
  if (!canManageMembers(actor, projectId)) {
    await loadProjectForActor(deps.db, actor, projectId);
    throw forbidden();
  }
  const members = await membersOf(deps, actor.organisationId, projectId);
  const member = members.find((m) => m.assignmentId === assignmentId);
  if (!member) throw notFound();
  if ((member.role === "owner" || member.role === "lead") && members.filter((m) => m.role === member.role).length <= 1) {
    throw new AppError("rule_refused", member.role === "owner" ? "projects.member.last_owner" : "projects.member.last_lead");
  }
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.deleteFrom("role_assignments").where("id", "=", assignmentId).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "role.removed", entityType: "user", entityId: member.userId, before: { role: member.role, projectId } });
    await tx.audit({ action: "project.member_removed", entityType: "project", entityId: projectId, before: { userId: member.userId, name: member.name, role: member.role } });
  });
}

// ---------------------------------------------------------------- snapshot and readiness

export interface GateDecisionView {
  id: string;
  phase: Phase;
  decision: GateDecision;
  toPhase: Phase;
  rationale: string;
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
  readiness: GateReadiness | null;
}

async function decisionsOf(deps: Deps, organisationId: string, projectId: string): Promise<GateDecisionView[]> {
  const rows = await deps.db
    .selectFrom("gate_decisions")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .orderBy("decided_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => {
    let readiness: GateReadiness | null = null;
    try {
      readiness = JSON.parse(r.readiness_json) as GateReadiness;
    } catch {
      readiness = null;
    }
    return {
      id: r.id,
      phase: asPhase(r.phase),
      decision: r.decision as GateDecision,
      toPhase: asPhase(r.to_phase),
      rationale: r.rationale,
      decidedBy: r.decided_by,
      decidedByName: r.decided_by_name,
      decidedAt: r.decided_at,
      readiness,
    };
  });
}

/** Starts from an empty snapshot, fills what this feature knows, then asks every other feature for its part. */
export async function buildSnapshot(deps: Deps, project: ProjectRef): Promise<ProjectSnapshot> {
  const phase = asPhase(project.phase);
  const [latest] = await deps.db
    .selectFrom("gate_decisions")
    .select(["decision", "phase", "decided_at"])
    .where("organisation_id", "=", project.organisationId)
    .where("project_id", "=", project.id)
    .orderBy("decided_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .execute();
  const evaluation = await deps.db
    .selectFrom("project_evaluations")
    .select("recorded_at")
    .where("organisation_id", "=", project.organisationId)
    .where("project_id", "=", project.id)
    .orderBy("recorded_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const snapshot: ProjectSnapshot = {
    phase,
    canvas: { status: "not_started" },
    expertAdvice: { status: "none" },
    latestDecision: latest ? { decision: latest.decision as GateDecision, phase: asPhase(latest.phase), on: latest.decided_at } : null,
    screening: { status: "not_done" },
    depia: { exists: false },
    supplier: project.supplierInvolved ? { involved: true, contractSignedOff: false } : { involved: false },
    openDeliberations: 0,
    measures: { total: 0, doneOrExplained: 0 },
    evaluation: evaluation ? { recorded: true, on: evaluation.recorded_at } : { recorded: false },
  };
  for (const contribute of deps.extensions.get("snapshotContributors")) await contribute(deps, project, snapshot);
  return applyRecordedChanges(snapshot, await materialChangesOf(deps, project.organisationId, project.id));
}

/** A material change recorded after the screening reopens it; while there is no screening, nothing changes. */
function applyRecordedChanges(snapshot: ProjectSnapshot, changes: MaterialChangeRecord[]): ProjectSnapshot {
  const since = snapshot.screening.status === "done" || snapshot.screening.status === "reopened" ? snapshot.screening.on : null;
  if (since === null) return snapshot;
  let result = snapshot;
  for (const change of [...changes].reverse()) {
    if (change.reopensScreening && change.recordedAt > since) result = applyMaterialChange(result, change.kind, change.recordedAt.slice(0, 10));
  }
  return result;
}

export interface ProjectReadiness {
  snapshot: ProjectSnapshot;
  readiness: GateReadiness;
}

/** What the next gate still needs and from whom: the very result that decides whether a "go" is accepted. */
export async function projectReadiness(deps: Deps, actor: Actor, projectId: string): Promise<ProjectReadiness> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const snapshot = await buildSnapshot(deps, project);
  return { snapshot, readiness: gateReadiness(snapshot) };
}

// ---------------------------------------------------------------- gate decisions

/** A refused gate decision; `readiness` holds the same list of what is missing that the project page shows. */
export class GateRefusedError extends AppError {
  readonly readiness: GateReadiness;
  constructor(code: "rule_refused" | "forbidden" | "validation", messageKey: MessageKey, readiness: GateReadiness, params: Record<string, string | number> = {}) {
    super(code, messageKey, { params, fieldErrors: [{ field: "decision", messageKey, params }] });
    this.readiness = readiness;
  }
}

const REFUSAL_KEYS = {
  invalid_decision: ["validation", "projects.gate.decision_required"],
  project_final: ["rule_refused", "projects.gate.refused_final"],
  not_owner: ["forbidden", "projects.gate.refused_not_owner"],
  not_ready: ["rule_refused", "projects.gate.refused_not_ready"],
} as const;

export async function listGateDecisions(deps: Deps, actor: Actor, projectId: string): Promise<GateDecisionView[]> {
  await loadProjectForActor(deps.db, actor, projectId);
  return decisionsOf(deps, actor.organisationId, projectId);
}

/**
 * The owner decides at the gate: go (only when ready), adjust (stay and rework)
 * or stop (final). The decision keeps the readiness report of that moment.
 */
export async function recordGateDecision(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<{ id: string; from: Phase; to: Phase }> {
  return inTransaction(deps, actor, async (tx) => {
    // The project stays locked from here: readiness, the check and the write see one state.
    const project = await lockProjectForActor(tx, actor, projectId);
    const raw = (input ?? {}) as Record<string, unknown>;
    if (typeof raw.expectedPhase === "string" && raw.expectedPhase !== "" && raw.expectedPhase !== project.phase) {
      throw new AppError("conflict", "projects.gate.changed_meanwhile");
    }
    const snapshot = await buildSnapshot(tx, project);
    const result = applyGateDecision(snapshot, String(raw.decision ?? "") as GateDecision, rolesOnProject(actor, projectId));
    if (!result.ok) {
      const [code, key] = REFUSAL_KEYS[result.code];
      throw new GateRefusedError(code, key, result.readiness, { count: result.readiness.missing.length });
    }
    const data = parseInput(GateDecisionInput, input);
    const id = tx.newId();
    const now = tx.now().toISOString();
    const name = await tx.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
    const moved = await tx.db
      .updateTable("projects")
      .set({
        phase: result.to,
        updated_at: now,
        ...(result.to === "stopped" ? { stopped_reason: data.rationale, stopped_at: now } : {}),
        ...(result.to === "closed" ? { closed_at: now } : {}),
      })
      .where("id", "=", projectId)
      .where("organisation_id", "=", actor.organisationId)
      .where("phase", "=", result.from)
      .executeTakeFirst();
    // Someone else decided in the meantime: nothing is stored, the owner looks again.
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError("conflict", "projects.gate.changed_meanwhile");
    await tx.db
      .insertInto("gate_decisions")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: projectId,
        phase: result.from,
        decision: result.decision,
        to_phase: result.to,
        rationale: data.rationale,
        decided_by: actor.userId,
        decided_by_name: name?.name ?? actor.name,
        decided_at: now,
        readiness_json: JSON.stringify(result.readiness),
      })
      .execute();
    await tx.audit({
      action: "project.gate_decision",
      entityType: "project",
      entityId: projectId,
      before: { phase: result.from },
      after: { phase: result.to, decision: result.decision, rationale: data.rationale, ready: result.readiness.ready, missing: result.readiness.missing.map((m) => m.key) },
    });
    return { id, from: result.from, to: result.to };
  });
}

// ---------------------------------------------------------------- evaluation

export interface EvaluationRecord {
  id: string;
  phase: Phase;
  text: string;
  recordedByName: string;
  recordedAt: string;
}

export async function listEvaluations(deps: Deps, actor: Actor, projectId: string): Promise<EvaluationRecord[]> {
  await loadProjectForActor(deps.db, actor, projectId);
  const rows = await deps.db
    .selectFrom("project_evaluations")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("project_id", "=", projectId)
    .orderBy("recorded_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, phase: asPhase(r.phase), text: r.text, recordedByName: r.recorded_by_name, recordedAt: r.recorded_at }));
}

/** Owner or lead record how the project went, in execution or evaluation; the step to closed needs it. */
export async function recordEvaluation(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  requireEditable(actor, project);
  if (project.phase !== "execution" && project.phase !== "evaluation") throw new AppError("rule_refused", "projects.evaluation.wrong_phase");
  const data = parseInput(EvaluationInput, input);
  const id = deps.newId();
  const name = await deps.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("project_evaluations")
      .values({ id, organisation_id: actor.organisationId, project_id: projectId, phase: project.phase, text: data.text, recorded_by: actor.userId, recorded_by_name: name?.name ?? actor.name, recorded_at: deps.now().toISOString() })
      .execute();
    await tx.audit({ action: "project.evaluation_recorded", entityType: "project", entityId: projectId, after: { phase: project.phase, text: data.text } });
  });
  return id;
}
