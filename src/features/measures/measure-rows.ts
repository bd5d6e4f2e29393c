// Reading measures: the row with its owner's name, as a Measure.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { lockForUpdate, type Tx } from "../../platform/transaction.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { MEASURE_STATUSES, type MeasureSourceType, type MeasureStatus, type ReviewCadence } from "./inputs.ts";
import { requireActive } from "./rules.ts";
import type {} from "./schema.ts";

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

export function today(deps: Deps): string {
  return deps.now().toISOString().slice(0, 10);
}

/** Measures of the organisation with their owner's name. */
export function measureRows(deps: Deps, organisationId: string) {
  return deps.db
    .selectFrom("measures")
    .leftJoin("users", "users.id", "measures.owner_user_id")
    .selectAll("measures")
    .select("users.name as owner_name")
    .where("measures.organisation_id", "=", organisationId);
}

type MeasureRow = NonNullable<Awaited<ReturnType<ReturnType<typeof measureRows>["executeTakeFirst"]>>>;

function riskIdsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function toMeasure(r: MeasureRow, day: string): Measure {
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
    riskIds: riskIdsOf(r.risk_ids_json),
    doneRequestedBy: r.done_requested_by,
    doneRequestedAt: r.done_requested_at,
    signedOffByName: r.signed_off_by_name,
    signedOffAt: r.signed_off_at,
    overdue: r.due_date !== null && r.due_date < day && status !== "done" && status !== "explained",
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** One measure of the actor's organisation whose project the actor may see, with that project; anything else is not found. */
export async function loadMeasure(deps: Deps, actor: Actor, measureId: string): Promise<{ measure: Measure; project: ProjectRef }> {
  const row = await measureRows(deps, actor.organisationId).where("measures.id", "=", measureId).executeTakeFirst();
  if (!row) throw notFound();
  const project = await loadProjectForActor(deps.db, actor, row.project_id);
  return { measure: toMeasure(row, today(deps)), project };
}

/**
 * The measure a use case changes or decides on, locked until the transaction
 * ends (two changes of one measure line up, and the second sees the first),
 * with its project, which must still be running.
 */
export async function lockEditableMeasure(tx: Tx, actor: Actor, measureId: string): Promise<{ measure: Measure; project: ProjectRef }> {
  const locked = await lockForUpdate(tx, tx.db.selectFrom("measures").select("id").where("id", "=", measureId).where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
  if (!locked) throw notFound();
  const found = await loadMeasure(tx, actor, measureId);
  requireActive(found.project);
  return found;
}
