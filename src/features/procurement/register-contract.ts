import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { isIsoDate } from "../../instruments/index.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { requireKeeper, userName } from "./access.ts";
import { latestChecklistInstrument } from "./facts.ts";
import { dateField, optionalDate } from "./input.ts";
import { LIMITS, PROCEDURES, VALUE_BANDS } from "./model.ts";

export const contractFields = {
  supplier: fields.text(LIMITS.supplier),
  reference: fields.text(LIMITS.reference),
  subject: fields.text(LIMITS.subject),
  startDate: dateField(),
  endDate: optionalDate(),
  valueBand: z.enum(VALUE_BANDS, "procurement.value_band_required"),
  procedure: z.enum(PROCEDURES, "procurement.procedure_required"),
};

const validDates = (v: unknown): boolean => {
  const d = (v ?? {}) as { startDate?: unknown; endDate?: unknown };
  return typeof d.startDate === "string" && isIsoDate(d.startDate) && (d.endDate === null || (typeof d.endDate === "string" && isIsoDate(d.endDate)));
};

/**
 * An end date, when there is one, is not before the start date. Checked as
 * soon as both dates are valid, also when another field is wrong, so the form
 * names every problem at once.
 */
export const endNotBeforeStart = {
  check: (d: { startDate: string; endDate: string | null }) => d.endDate === null || d.endDate >= d.startDate,
  message: { message: "procurement.end_before_start", path: ["endDate"], when: (payload: { value: unknown }) => validDates(payload.value) },
};

export const ContractInput = z.object(contractFields).refine(endNotBeforeStart.check, endNotBeforeStart.message);
export type ContractData = z.infer<typeof ContractInput>;

/**
 * The owner or lead registers a contract with the supplier of their project.
 * Its clause checklist is pinned to the newest version of the instrument.
 * Refused for a project without a supplier, or one that is stopped or closed.
 */
export async function registerContract(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireKeeper(actor, project);
    if (!project.supplierInvolved) throw new AppError("rule_refused", "procurement.no_supplier");
    const data = parseInput(ContractInput, input);
    const instrument = latestChecklistInstrument(tx);
    const id = tx.newId();
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("contracts")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: project.id,
        supplier: data.supplier,
        reference: data.reference,
        subject: data.subject,
        start_date: data.startDate,
        end_date: data.endDate,
        value_band: data.valueBand,
        procedure: data.procedure,
        status: "active",
        revision: 1,
        checklist_instrument_id: instrument.id,
        checklist_instrument_version: instrument.version,
        checklist_answers_json: "{}",
        withdrawn_reason: null,
        withdrawn_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_by: actor.userId,
        updated_by_name: await userName(tx, actor),
        updated_at: now,
      })
      .execute();
    await tx.audit({ action: "contract.registered", entityType: "contract", entityId: id, after: { projectId: project.id, ...data, checklist: `${instrument.id} ${instrument.version}` } });
    return id;
  });
}
