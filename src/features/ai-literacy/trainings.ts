import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { ORGANISATION_ROLES, PROJECT_ROLES, type Role } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { readStringList } from "../../platform/db/json-columns.ts";
import { forbidden, notFound } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { canReadLiteracy, canRecordLiteracy } from "./access.ts";
import { LIMITS } from "./limits.ts";
import "./schema.ts";

/** Who a training is for: an organisation role, or a project role held in at least one project. */
export const AUDIENCE_ROLES = [...ORGANISATION_ROLES, ...PROJECT_ROLES] as const satisfies readonly Role[];

export const TrainingInput = z.object({
  title: fields.text(LIMITS.title),
  description: fields.optionalText(LIMITS.description),
  /** Months the training stays valid after a session; the form sends text. */
  validityMonths: z.coerce
    .number("field.number")
    .int("field.number")
    .min(1, "ai_literacy.validity_range")
    .max(LIMITS.maxValidityMonths, "ai_literacy.validity_range"),
  audience: z.array(z.enum(AUDIENCE_ROLES, "field.invalid_choice")).min(1, "ai_literacy.audience_required").max(AUDIENCE_ROLES.length),
});

export interface Training {
  id: string;
  title: string;
  description: string | null;
  validityMonths: number;
  audience: Role[];
}

function toTraining(r: { id: string; title: string; description: string | null; validity_months: number; audience_json: string }): Training {
  return { id: r.id, title: r.title, description: r.description, validityMonths: Number(r.validity_months), audience: readStringList(r.audience_json, AUDIENCE_ROLES) };
}

export async function trainingsOf(deps: Deps, organisationId: string): Promise<Training[]> {
  const rows = await deps.db.selectFrom("ai_literacy_trainings").selectAll().where("organisation_id", "=", organisationId).orderBy("title").orderBy("id").execute();
  return rows.map(toTraining);
}

export async function listTrainings(deps: Deps, actor: Actor): Promise<Training[]> {
  if (!canReadLiteracy(actor)) throw forbidden();
  return trainingsOf(deps, actor.organisationId);
}

/** One of the organisation's trainings, for a decision inside a transaction; another organisation's is not found. */
export async function trainingForUpdate(tx: Tx, actor: Actor, id: string): Promise<Training> {
  const row = await tx.db.selectFrom("ai_literacy_trainings").selectAll().where("organisation_id", "=", actor.organisationId).where("id", "=", id.slice(0, LIMITS.id)).executeTakeFirst();
  if (!row) throw notFound();
  return toTraining(row);
}

export async function addTraining(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    if (!canRecordLiteracy(actor)) throw forbidden();
    const data = parseInput(TrainingInput, input);
    const id = tx.newId();
    const now = tx.now().toISOString();
    const audience = [...new Set(data.audience)];
    await tx.db
      .insertInto("ai_literacy_trainings")
      .values({ id, organisation_id: actor.organisationId, title: data.title, description: data.description, validity_months: data.validityMonths, audience_json: JSON.stringify(audience), created_by: actor.userId, created_at: now, updated_at: now })
      .execute();
    await tx.audit({ action: "ai_literacy.training_added", entityType: "ai_literacy_training", entityId: id, after: { title: data.title, validityMonths: data.validityMonths, audience } });
    return id;
  });
}

/**
 * Changes a training. A new validity applies to sessions recorded from now on:
 * a session keeps the date it was valid until when it was recorded.
 */
export async function changeTraining(deps: Deps, actor: Actor, id: string, input: unknown): Promise<void> {
  return inTransaction(deps, actor, async (tx) => {
    if (!canRecordLiteracy(actor)) throw forbidden();
    const before = await trainingForUpdate(tx, actor, id);
    const data = parseInput(TrainingInput, input);
    const audience = [...new Set(data.audience)];
    await tx.db
      .updateTable("ai_literacy_trainings")
      .set({ title: data.title, description: data.description, validity_months: data.validityMonths, audience_json: JSON.stringify(audience), updated_at: tx.now().toISOString() })
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", before.id)
      .execute();
    await tx.audit({
      action: "ai_literacy.training_changed",
      entityType: "ai_literacy_training",
      entityId: before.id,
      before: { title: before.title, validityMonths: before.validityMonths, audience: before.audience },
      after: { title: data.title, validityMonths: data.validityMonths, audience },
    });
  });
}
