import { IDLE_MS } from "./auth/sessions.ts";
import { THROTTLE } from "./auth/throttle.ts";
import type { Deps } from "./deps.ts";
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

declare module "./feature.ts" {
  interface ExtensionPoints {
    /** Clean-up that a feature needs for what it keeps. */
    retentionTasks: RetentionTask;
  }
}

/**
 * Removes what has no use any more: sessions past their absolute or idle
 * expiry, and login failures older than the throttle window. One transaction,
 * with one event on the system chain when something was removed. Run by the
 * server every hour and by `afweging cleanup`, with the features' own tasks
 * (`retentionTasks`; the bias audit removes abandoned uploads). Retention
 * periods an organisation sets itself come with a later change.
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
