import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { extraReviewersOf } from "./depia-records.ts";
import { EXTRA_REVIEWER_ROLES, type ExtraReviewerRole } from "./rules.ts";

export async function getAssessmentSettings(deps: Deps, actor: Actor): Promise<{ extraReviewers: ExtraReviewerRole[] }> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  return { extraReviewers: await extraReviewersOf(deps, actor.organisationId) };
}

export const SettingsInput = z.object({
  extraReviewers: z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",").filter(Boolean)))
    .pipe(z.array(z.enum(EXTRA_REVIEWER_ROLES, "field.invalid_choice")).max(EXTRA_REVIEWER_ROLES.length)),
});

/** The admin sets which extra roles (CISO, privacy officer) also review every DEPIA. */
export async function updateAssessmentSettings(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  const data = parseInput(SettingsInput, input);
  const after = EXTRA_REVIEWER_ROLES.filter((r) => data.extraReviewers.includes(r));
  await inTransaction(deps, actor, async (tx) => {
    const existing = await lockForUpdate(tx, tx.db.selectFrom("assessment_settings").select("organisation_id").where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
    const before = await extraReviewersOf(tx, actor.organisationId);
    const now = tx.now().toISOString();
    if (existing) await tx.db.updateTable("assessment_settings").set({ extra_reviewers_json: JSON.stringify(after), updated_by: actor.userId, updated_at: now }).where("organisation_id", "=", actor.organisationId).execute();
    else await tx.db.insertInto("assessment_settings").values({ organisation_id: actor.organisationId, extra_reviewers_json: JSON.stringify(after), updated_by: actor.userId, updated_at: now }).execute();
    await tx.audit({ action: "assessments.settings_updated", entityType: "organisation", entityId: actor.organisationId, before: { extraReviewers: before }, after: { extraReviewers: after } });
  });
}
