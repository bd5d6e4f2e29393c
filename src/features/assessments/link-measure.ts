import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { createMeasure, listMeasures, MEASURE_LIMITS } from "../measures/service.ts";
import { DATE_MAX, USER_ID_MAX } from "./common.ts";
import { lockRisk, requireTeam, type Risk } from "./risk-register.ts";

/** A user id or a date from a form: empty is none. */
const optional = (max: number, message: "field.too_long" | "field.date") => z.string().trim().max(max, message).optional().transform((v) => v || undefined);

export const NewRiskMeasureInput = z.object({
  title: fields.text(MEASURE_LIMITS.title),
  description: z.string().trim().max(MEASURE_LIMITS.description, "field.too_long").optional().default(""),
  ownerUserId: optional(USER_ID_MAX, "field.too_long"),
  dueDate: optional(DATE_MAX, "field.date"),
});

export const LinkMeasureInput = z.object({ measureId: z.string().trim().min(1, "field.required").max(MEASURE_LIMITS.sourceId, "field.too_long") });

async function insertLink(tx: Tx, actor: Actor, risk: Risk, measureId: string): Promise<void> {
  await tx.db.insertInto("risk_measures").values({ organisation_id: actor.organisationId, risk_id: risk.id, measure_id: measureId, created_at: tx.now().toISOString() }).execute();
  await tx.audit({ action: "risk.measure_linked", entityType: "risk", entityId: risk.id, after: { measureId } });
}

/** Makes a new measure (through the measures feature, in the same transaction) for a risk and links it. Returns the measure id. */
export async function addMeasureForRisk(deps: Deps, actor: Actor, riskId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const { risk, project } = await lockRisk(tx, actor, riskId);
    requireTeam(actor, project);
    const data = parseInput(NewRiskMeasureInput, input);
    const measureId = await createMeasure(tx, actor, { projectId: project.id, title: data.title, description: data.description, ownerUserId: data.ownerUserId, dueDate: data.dueDate, source: { type: "risk", id: risk.id } });
    await insertLink(tx, actor, risk, measureId);
    return measureId;
  });
}

/** Links an existing measure of the same project to a risk. */
export async function linkMeasure(deps: Deps, actor: Actor, riskId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { risk, project } = await lockRisk(tx, actor, riskId);
    requireTeam(actor, project);
    const { measureId } = parseInput(LinkMeasureInput, input);
    const measures = await listMeasures(tx, actor, project.id);
    if (!measures.some((m) => m.id === measureId)) throw invalid([{ field: "measureId", messageKey: "assessments.risk.measure_unknown" }]);
    if (risk.measureIds.includes(measureId)) throw new AppError("conflict", "assessments.risk.already_linked");
    await insertLink(tx, actor, risk, measureId);
  });
}

export async function unlinkMeasure(deps: Deps, actor: Actor, riskId: string, measureId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { risk, project } = await lockRisk(tx, actor, riskId);
    requireTeam(actor, project);
    if (!risk.measureIds.includes(measureId)) throw notFound();
    await tx.db.deleteFrom("risk_measures").where("organisation_id", "=", actor.organisationId).where("risk_id", "=", risk.id).where("measure_id", "=", measureId).execute();
    await tx.audit({ action: "risk.measure_unlinked", entityType: "risk", entityId: risk.id, before: { measureId } });
  });
}
