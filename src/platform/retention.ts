import { IDLE_MS } from "./auth/sessions.ts";
import { THROTTLE } from "./auth/throttle.ts";
import type { Executor } from "./db/schema.ts";
import type { Deps } from "./deps.ts";
import type { MessageKey } from "./i18n/index.ts";
import { inTransaction, type Tx } from "./transaction.ts";

export interface CleanupResult {
  sessions: number;
  loginFailures: number;
  /** What each feature's retention task removed, by task name. */
  [task: string]: number;
}

/** A feature's own clean-up (abandoned uploads, say), run with the others in one transaction. */
export interface RetentionTask {
  name: string;
  /** Removes what has no use any more; returns how many things it removed. */
  run(tx: Tx): Promise<number>;
}

/**
 * How long a feature keeps something, as a period each organisation may set
 * for itself within the feature's bounds (days). The feature's retention task
 * reads the periods with `retentionDaysByOrganisation`.
 */
export interface RetentionPeriod {
  /** Stable key, e.g. "bias_audit.outcome_data". */
  key: string;
  labelKey: MessageKey;
  /** What is removed, and when, in a sentence. */
  hintKey: MessageKey;
  /** The period of an organisation that has not set it; null: kept until someone removes it. */
  defaultDays: number | null;
  minDays: number;
  maxDays: number;
  /** May an organisation choose to keep it until someone removes it (an empty field)? */
  mayKeep: boolean;
}

declare module "./feature.ts" {
  interface ExtensionPoints {
    /** Clean-up that a feature needs for what it keeps. */
    retentionTasks: RetentionTask;
    /** Retention periods an organisation sets (see RetentionPeriod). */
    retentionPeriods: RetentionPeriod;
  }
}

/** An organisation's period: its own setting where it made one (null: keep), else the default. */
function effectiveDays(period: RetentionPeriod, row: { days: number | null } | undefined): number | null {
  if (!row) return period.defaultDays;
  return row.days === null ? null : Number(row.days);
}

/** The periods one organisation has, by key: its own setting, or the default. */
export async function retentionDaysOf(db: Executor, organisationId: string, periods: readonly RetentionPeriod[]): Promise<Map<string, number | null>> {
  const rows = await db.selectFrom("retention_periods").select(["period_key", "days"]).where("organisation_id", "=", organisationId).execute();
  const set = new Map(rows.map((r) => [r.period_key, r]));
  return new Map(periods.map((p) => [p.key, effectiveDays(p, set.get(p.key))]));
}

/** For a retention task: every organisation whose period is not "keep", with the moment before which things go. */
export async function retentionCutoffs(tx: Tx, period: RetentionPeriod): Promise<{ organisationId: string; before: string }[]> {
  const rows = await tx.db
    .selectFrom("organisations")
    .leftJoin("retention_periods", (j) => j.onRef("retention_periods.organisation_id", "=", "organisations.id").on("retention_periods.period_key", "=", period.key))
    .select(["organisations.id as organisationId", "retention_periods.days as days", "retention_periods.period_key as setKey"])
    .execute();
  const now = tx.now().getTime();
  const out: { organisationId: string; before: string }[] = [];
  for (const r of rows) {
    const days = effectiveDays(period, r.setKey === null ? undefined : { days: r.days });
    if (days !== null) out.push({ organisationId: r.organisationId, before: new Date(now - days * 86_400_000).toISOString() });
  }
  return out;
}

/**
 * Removes what has no use any more: sessions past their absolute or idle
 * expiry, and login failures older than the throttle window. One transaction,
 * with one event on the system chain when something was removed. Run by the
 * server every hour and by `afweging cleanup`, with the features' own tasks
 * (`retentionTasks`; the bias audit removes abandoned uploads and, after the
 * organisation's period, the outcome data of finished audits).
 */
export function cleanupExpired(deps: Deps): Promise<CleanupResult> {
  return inTransaction(deps, null, async (tx) => {
    const now = tx.now();
    const idleSince = new Date(now.getTime() - IDLE_MS).toISOString();
    const failuresBefore = new Date(now.getTime() - THROTTLE.windowHours * 3_600_000).toISOString();
    const sessions = await tx.db
      .deleteFrom("sessions")
      .where((eb) => eb.or([eb("expires_at", "<=", now.toISOString()), eb("last_seen_at", "<=", idleSince)]))
      .executeTakeFirst();
    const failures = await tx.db.deleteFrom("login_failures").where("at", "<=", failuresBefore).executeTakeFirst();
    const result: CleanupResult = { sessions: Number(sessions.numDeletedRows), loginFailures: Number(failures.numDeletedRows) };
    for (const task of tx.extensions.get("retentionTasks")) result[task.name] = await task.run(tx);
    if (Object.values(result).some((n) => n > 0)) {
      await tx.audit({ action: "retention.cleaned_up", entityType: "instance", entityId: "retention", after: result });
    }
    return result;
  });
}
