// An organisation's retention periods: each feature declares what it keeps and
// within which bounds (`retentionPeriods`); the administrator sets the days.
import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid, type FieldError } from "../../platform/errors.ts";
import { retentionDaysOf, type RetentionPeriod } from "../../platform/retention.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";

export const RetentionPeriodsInput = z.object({
  /** Days per period key; null keeps it until someone removes it (where the period allows). */
  periods: z.record(z.string().max(80, "field.too_long"), z.number("field.number").int("field.number").min(0, "field.number").max(100_000, "field.number").nullable()),
});

export interface RetentionPeriodView {
  key: string;
  period: RetentionPeriod;
  days: number | null;
}

export async function listRetentionPeriods(deps: Deps, actor: Actor): Promise<RetentionPeriodView[]> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  const periods = deps.extensions.get("retentionPeriods");
  const days = await retentionDaysOf(deps.db, actor.organisationId, periods);
  return periods.map((p) => ({ key: p.key, period: p, days: days.get(p.key) ?? null }));
}

function check(periods: readonly RetentionPeriod[], sent: Record<string, number | null>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, days] of Object.entries(sent)) {
    const period = periods.find((p) => p.key === key);
    const field = `periods.${key}`;
    if (!period) errors.push({ field, messageKey: "retention.unknown_period" });
    else if (days === null && !period.mayKeep) errors.push({ field, messageKey: "retention.keep_not_allowed" });
    else if (days !== null && (days < period.minDays || days > period.maxDays)) errors.push({ field, messageKey: "retention.out_of_range", params: { min: period.minDays, max: period.maxDays } });
  }
  return errors;
}

/** Sets the periods sent (the others stay as they are), with one event on the organisation's chain. */
export async function updateRetentionPeriods(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  const data = parseInput(RetentionPeriodsInput, input);
  const periods = deps.extensions.get("retentionPeriods");
  const errors = check(periods, data.periods);
  if (errors.length) throw invalid(errors);
  await inTransaction(deps, actor, async (tx) => {
    const before = Object.fromEntries(await retentionDaysOf(tx.db, actor.organisationId, periods));
    const changed = Object.entries(data.periods).filter(([key, days]) => before[key] !== days);
    if (changed.length === 0) return;
    const now = tx.now().toISOString();
    for (const [key, days] of changed) {
      await tx.db.deleteFrom("retention_periods").where("organisation_id", "=", actor.organisationId).where("period_key", "=", key).execute();
      await tx.db.insertInto("retention_periods").values({ organisation_id: actor.organisationId, period_key: key, days, updated_at: now, updated_by: actor.userId }).execute();
    }
    await tx.audit({
      action: "organisation.retention_updated",
      entityType: "organisation",
      entityId: actor.organisationId,
      before: Object.fromEntries(changed.map(([key]) => [key, before[key] ?? null])),
      after: Object.fromEntries(changed),
    });
  });
}

/** The form's fields (`periods.<key>`, days or empty) as the use case's input; text that is not a whole number stays text, so the schema names it. */
export function periodsFromForm(body: Record<string, string>): { periods: Record<string, unknown> } {
  const periods: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!name.startsWith("periods.")) continue;
    const text = value.trim();
    periods[name.slice("periods.".length)] = text === "" ? null : /^\d{1,6}$/.test(text) ? Number(text) : text;
  }
  return { periods };
}
