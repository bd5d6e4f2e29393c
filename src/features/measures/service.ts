// Measures: what a project does about its risks, advice, canvas actions and
// findings. Segregation of duties: a measure's owner does not sign off its own
// evidence; "done" waits for someone else's sign-off.
import { z } from "zod";
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject, isSecondOrThirdLine } from "../../domain/permissions/project-access.ts";
import { ROLE_GROUPS } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import type {} from "./schema.ts";

export const MEASURE_STATUSES = ["open", "in_progress", "awaiting_signoff", "done", "explained"] as const;
/** What a person can set; awaiting_signoff follows from asking for "done". */
export const SETTABLE_STATUSES = ["open", "in_progress", "done", "explained"] as const;
export const REVIEW_CADENCES = ["none", "monthly", "quarterly", "yearly"] as const;
export const SOURCE_TYPES = ["canvas", "risk", "advice", "deliberation", "finding", "manual"] as const;

export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];
export type MeasureSourceType = (typeof SOURCE_TYPES)[number];

export const MEASURE_LIMITS = { title: 200, description: 4000, evidence: 4000, explanation: 4000, sourceId: 64 } as const;

const isoDate = z
  .string()
  .trim()
  .max(10, "field.date")
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isValidDate(v), "field.date");

function isValidDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const optionalId = z
  .string()
  .trim()
  .max(64, "field.too_long")
  .optional()
  .transform((v) => v || undefined);

export const CreateMeasureInput = z.object({
  projectId: z.string().trim().min(1, "field.required").max(64, "field.too_long"),
  title: fields.text(MEASURE_LIMITS.title),
  description: z.string().trim().max(MEASURE_LIMITS.description, "field.too_long").optional().default(""),
  ownerUserId: optionalId,
  dueDate: isoDate,
  reviewCadence: z.enum(REVIEW_CADENCES, "field.invalid_choice").optional().default("none"),
  source: z.object({ type: z.enum(SOURCE_TYPES, "field.invalid_choice"), id: z.string().trim().max(MEASURE_LIMITS.sourceId, "field.too_long").optional() }),
  riskIds: z.array(z.string().max(64, "field.too_long")).max(100, "field.too_long").optional().default([]),
});

export const UpdateMeasureInput = z.object({
  title: fields.text(MEASURE_LIMITS.title),
  description: z.string().trim().max(MEASURE_LIMITS.description, "field.too_long").optional().default(""),
  ownerUserId: optionalId,
  dueDate: isoDate,
  reviewCadence: z.enum(REVIEW_CADENCES, "field.invalid_choice").optional().default("none"),
});

export const MeasureStatusInput = z
  .object({
    status: z.enum(SETTABLE_STATUSES, "field.invalid_choice"),
    explanation: fields.optionalText(MEASURE_LIMITS.explanation),
    evidence: fields.optionalText(MEASURE_LIMITS.evidence),
  })
  .superRefine((v, ctx) => {
    if (v.status === "explained" && !v.explanation) ctx.addIssue({ code: "custom", path: ["explanation"], message: "measures.explanation_required" });
  });

export interface Measure {
  id: string;
  projectId: string;
  title: string;
  description: string;
  ownerUserId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: MeasureStatus;
  explanation: string | null;
  evidence: string | null;
  reviewCadence: ReviewCadence;
  source: { type: MeasureSourceType; id: string | null };
  riskIds: string[];
  doneRequestedBy: string | null;
  doneRequestedAt: string | null;
  signedOffByName: string | null;
  signedOffAt: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

type Input = {
  projectId: string;
  title: string;
  description?: string;
  ownerUserId?: string;
  dueDate?: string /* YYYY-MM-DD */;
  source: { type: "canvas" | "risk" | "advice" | "deliberation" | "finding" | "manual"; id?: string };
};

/** Who may add measures: the project team; the 2nd and 3rd line too, for measures that come from their advice, risks or findings. */
function canAddMeasure(actor: Actor, projectId: string, sourceType: MeasureSourceType): boolean {
  if (canWorkOnProject(actor, projectId)) return true;
  return isSecondOrThirdLine(actor) && (sourceType === "advice" || sourceType === "finding" || sourceType === "risk");
}

/** Sign-off: someone else on the team, or the 2nd line. */
function canSignOff(actor: Actor, projectId: string): boolean {
  return canWorkOnProject(actor, projectId) || ROLE_GROUPS.second_line.some((r) => actor.organisationRoles.has(r));
}

function requireActive(project: ProjectRef): void {
  if (isPhase(project.phase) && isFinal(project.phase)) throw new AppError("rule_refused", "measures.project_final");
}

async function assertPerson(deps: Deps, organisationId: string, userId: string | undefined): Promise<void> {
  if (!userId) return;
  const user = await deps.db.selectFrom("users").select("id").where("id", "=", userId).where("organisation_id", "=", organisationId).where("active", "=", 1).executeTakeFirst();
  if (!user) throw invalid([{ field: "ownerUserId", messageKey: "measures.owner_unknown" }]);
}

/** Adds a measure to a project; other features call this for canvas actions, advice, risks, deliberations and findings. */
export async function createMeasure(deps: Deps, actor: Actor, input: Input): Promise<string> {
  return addMeasure(deps, actor, input);
}

/** The same as createMeasure for input straight from a form or the API (review cadence and risk ids included). */
export async function addMeasure(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  const data = parseInput(CreateMeasureInput, input);
  const project = await loadProjectForActor(deps.db, actor, data.projectId);
  if (!canAddMeasure(actor, project.id, data.source.type)) throw forbidden();
  requireActive(project);
  await assertPerson(deps, actor.organisationId, data.ownerUserId);
  const id = deps.newId();
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("measures")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: project.id,
        title: data.title,
        description: data.description,
        owner_user_id: data.ownerUserId ?? null,
        due_date: data.dueDate ?? null,
        status: "open",
        explanation: null,
        evidence: null,
        review_cadence: data.reviewCadence,
        source_type: data.source.type,
        source_id: data.source.id || null,
        risk_ids_json: JSON.stringify(data.riskIds),
        done_requested_by: null,
        done_requested_at: null,
        signed_off_by: null,
        signed_off_by_name: null,
        signed_off_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx.audit({ action: "measure.created", entityType: "measure", entityId: id, after: { ...data, projectId: project.id } });
  });
  return id;
}

function today(deps: Deps): string {
  return deps.now().toISOString().slice(0, 10);
}

type MeasureRow = Awaited<ReturnType<typeof rowsForProject>>[number];

function toMeasure(r: MeasureRow, day: string): Measure {
  let riskIds: string[] = [];
  try {
    const v: unknown = JSON.parse(r.risk_ids_json);
    if (Array.isArray(v)) riskIds = v.filter((x): x is string => typeof x === "string");
  } catch {
    riskIds = [];
  }
  const status = (MEASURE_STATUSES as readonly string[]).includes(r.status) ? (r.status as MeasureStatus) : "open";
  return {
    id: r.id,
    projectId: r.project_id,
    title: r.title,
    description: r.description,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name ?? null,
    dueDate: r.due_date,
    status,
    explanation: r.explanation,
    evidence: r.evidence,
    reviewCadence: r.review_cadence as ReviewCadence,
    source: { type: r.source_type as MeasureSourceType, id: r.source_id },
    riskIds,
    doneRequestedBy: r.done_requested_by,
    doneRequestedAt: r.done_requested_at,
    signedOffByName: r.signed_off_by_name,
    signedOffAt: r.signed_off_at,
    overdue: r.due_date !== null && r.due_date < day && status !== "done" && status !== "explained",
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function rowsForProject(deps: Deps, organisationId: string, projectId: string) {
  return deps.db
    .selectFrom("measures")
    .leftJoin("users", "users.id", "measures.owner_user_id")
    .selectAll("measures")
    .select("users.name as owner_name")
    .where("measures.organisation_id", "=", organisationId)
    .where("measures.project_id", "=", projectId)
    .orderBy("measures.created_at")
    .orderBy("measures.id")
    .execute();
}

/** A project's measures, oldest first, with overdue ones flagged. */
export async function listMeasures(deps: Deps, actor: Actor, projectId: string): Promise<Measure[]> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const day = today(deps);
  return (await rowsForProject(deps, actor.organisationId, project.id)).map((r) => toMeasure(r, day));
}

/** One measure, for anyone who may see its project. */
export async function getMeasure(deps: Deps, actor: Actor, measureId: string): Promise<Measure> {
  const row = await deps.db
    .selectFrom("measures")
    .leftJoin("users", "users.id", "measures.owner_user_id")
    .selectAll("measures")
    .select("users.name as owner_name")
    .where("measures.id", "=", measureId)
    .where("measures.organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  if (!row) throw notFound();
  await loadProjectForActor(deps.db, actor, row.project_id);
  return toMeasure(row, today(deps));
}

/** Counts for the gate "measures done or explained". */
export async function measureCounts(deps: Deps, project: ProjectRef): Promise<{ total: number; doneOrExplained: number; overdue: number }> {
  const rows = await deps.db
    .selectFrom("measures")
    .select(["status", "due_date"])
    .where("organisation_id", "=", project.organisationId)
    .where("project_id", "=", project.id)
    .execute();
  const day = today(deps);
  const closed = (s: string) => s === "done" || s === "explained";
  return {
    total: rows.length,
    doneOrExplained: rows.filter((r) => closed(r.status)).length,
    overdue: rows.filter((r) => !closed(r.status) && r.due_date !== null && r.due_date < day).length,
  };
}

async function editable(deps: Deps, actor: Actor, measureId: string): Promise<{ measure: Measure; project: ProjectRef }> {
  const measure = await getMeasure(deps, actor, measureId);
  const project = await loadProjectForActor(deps.db, actor, measure.projectId);
  requireActive(project);
  return { measure, project };
}

/** Team members change what a measure is, who owns it and when it is due. */
export async function updateMeasure(deps: Deps, actor: Actor, measureId: string, input: unknown): Promise<void> {
  const { measure, project } = await editable(deps, actor, measureId);
  if (!canWorkOnProject(actor, project.id)) throw forbidden();
  const data = parseInput(UpdateMeasureInput, input);
  await assertPerson(deps, actor.organisationId, data.ownerUserId);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("measures")
      .set({ title: data.title, description: data.description, owner_user_id: data.ownerUserId ?? null, due_date: data.dueDate ?? null, review_cadence: data.reviewCadence, updated_at: deps.now().toISOString() })
      .where("id", "=", measureId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({
      action: "measure.updated",
      entityType: "measure",
      entityId: measureId,
      before: { title: measure.title, description: measure.description, ownerUserId: measure.ownerUserId, dueDate: measure.dueDate, reviewCadence: measure.reviewCadence },
      after: data,
    });
  });
}

/**
 * The team or the measure's owner sets the status. "done" becomes
 * "awaiting_signoff" until someone else confirms; "explained" needs the reason.
 * Returns the status stored.
 */
export async function setMeasureStatus(deps: Deps, actor: Actor, measureId: string, input: unknown): Promise<MeasureStatus> {
  const { measure, project } = await editable(deps, actor, measureId);
  if (!canWorkOnProject(actor, project.id) && measure.ownerUserId !== actor.userId) throw forbidden();
  const data = parseInput(MeasureStatusInput, input);
  const status: MeasureStatus = data.status === "done" ? "awaiting_signoff" : data.status;
  if (status === "awaiting_signoff" && !(data.evidence ?? measure.evidence)) throw invalid([{ field: "evidence", messageKey: "measures.evidence_required" }]);
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("measures")
      .set({
        status,
        explanation: status === "explained" ? data.explanation : null,
        evidence: data.evidence ?? measure.evidence,
        done_requested_by: status === "awaiting_signoff" ? actor.userId : null,
        done_requested_at: status === "awaiting_signoff" ? now : null,
        signed_off_by: null,
        signed_off_by_name: null,
        signed_off_at: null,
        updated_at: now,
      })
      .where("id", "=", measureId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({
      action: "measure.status_changed",
      entityType: "measure",
      entityId: measureId,
      before: { status: measure.status, explanation: measure.explanation, evidence: measure.evidence },
      after: { status, explanation: status === "explained" ? data.explanation : null, evidence: data.evidence ?? measure.evidence },
    });
  });
  return status;
}

/** Confirms a measure is done. Not by its owner, nor by whoever asked for the sign-off. */
export async function signOffMeasure(deps: Deps, actor: Actor, measureId: string): Promise<void> {
  const { measure, project } = await editable(deps, actor, measureId);
  if (!canSignOff(actor, project.id)) throw forbidden();
  if (measure.status !== "awaiting_signoff") throw new AppError("rule_refused", "measures.signoff_not_awaiting");
  if (measure.ownerUserId === actor.userId || measure.doneRequestedBy === actor.userId) throw new AppError("forbidden", "measures.signoff_not_self");
  const name = await deps.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    const res = await tx.db
      .updateTable("measures")
      .set({ status: "done", signed_off_by: actor.userId, signed_off_by_name: name?.name ?? actor.name, signed_off_at: now, updated_at: now })
      .where("id", "=", measureId)
      .where("organisation_id", "=", actor.organisationId)
      .where("status", "=", "awaiting_signoff")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError("conflict", "measures.changed_meanwhile");
    await tx.audit({ action: "measure.signed_off", entityType: "measure", entityId: measureId, before: { status: measure.status }, after: { status: "done", signedOffBy: actor.userId } });
  });
}

/** May this actor sign off this measure now? For showing the button. */
export function maySignOff(actor: Actor, measure: Measure): boolean {
  return measure.status === "awaiting_signoff" && canSignOff(actor, measure.projectId) && measure.ownerUserId !== actor.userId && measure.doneRequestedBy !== actor.userId;
}

