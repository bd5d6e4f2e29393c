import type { MessageKey } from "../i18n/index.ts";
// The scheduler inside the app: due work is kept in the `jobs` table, so several app
// processes on one PostgreSQL share it and each job is claimed by exactly one of them
// (SELECT … FOR UPDATE SKIP LOCKED; on SQLite the claiming transaction holds the write
// lock from BEGIN IMMEDIATE). A job that fails is tried again later, waiting longer each
// time; after its last try it is marked failed and shown to the administrator.
import type { Deps } from "../deps.ts";
import { every, type Periodic } from "../periodic.ts";
import { inTransaction } from "../transaction.ts";
import "./schema.ts";
import type { JobTable } from "./schema.ts";

/** Work a feature (or the platform) has done on a schedule. */
export interface ScheduledJob {
  /** Stable name, e.g. "notifications.digest". */
  kind: string;
  /** What the job does, in words, for the administrator's list of failed work. */
  labelKey: MessageKey;
  /** Recurring: the job runs again this many minutes after it finished; without it the kind is only run when enqueued. */
  everyMinutes?: number;
  /** Tries before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** The work. It opens its own transactions; a throw counts as a failed try. */
  run(deps: Deps, payload: unknown): Promise<void>;
}

declare module "../feature.ts" {
  interface ExtensionPoints {
    /** Work done by the scheduler, recurring or enqueued. */
    scheduledJobs: ScheduledJob;
  }
}

const LEASE_MS = 10 * 60_000;
const DEFAULT_ATTEMPTS = 5;

/** Waits 1, 2, 4, … minutes after a failed try, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Makes sure each recurring job has its row (due now when it is new). Safe to run from several processes at once. */
export async function ensureRecurring(deps: Deps, jobs: readonly ScheduledJob[]): Promise<void> {
  const now = deps.now().toISOString();
  for (const job of jobs) {
    if (!job.everyMinutes) continue;
    await deps.db
      .insertInto("jobs")
      .values({ id: deps.newId(), kind: job.kind, unique_key: job.kind, payload_json: "{}", state: "pending", run_at: now, attempts: 0, max_attempts: job.maxAttempts ?? DEFAULT_ATTEMPTS, last_error: null, locked_by: null, locked_until: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column("unique_key").doNothing())
      .execute();
  }
}

/** A one-off job, written in the caller's transaction (pass the Tx): it exists only if the change that asked for it is stored. */
export async function enqueueJob(tx: Deps, kind: string, payload: unknown, options: { runAt?: Date; maxAttempts?: number } = {}): Promise<string> {
  const now = tx.now().toISOString();
  const id = tx.newId();
  await tx.db
    .insertInto("jobs")
    .values({ id, kind, unique_key: null, payload_json: JSON.stringify(payload ?? {}), state: "pending", run_at: (options.runAt ?? tx.now()).toISOString(), attempts: 0, max_attempts: options.maxAttempts ?? DEFAULT_ATTEMPTS, last_error: null, locked_by: null, locked_until: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

/**
 * Claims one due job for this worker, or none. Due: pending with its time come, or
 * running with a claim that ran out (its worker stopped). One transaction; on
 * PostgreSQL rows another worker is claiming are skipped, not waited for.
 */
export async function claimJob(deps: Deps, workerId: string): Promise<JobTable | null> {
  return inTransaction(deps, null, async (tx) => {
    const now = tx.now().toISOString();
    let query = tx.db
      .selectFrom("jobs")
      .selectAll()
      .where((eb) => eb.or([eb.and([eb("state", "=", "pending"), eb("run_at", "<=", now)]), eb.and([eb("state", "=", "running"), eb("locked_until", "<", now)])]))
      .orderBy("run_at")
      .limit(1);
    if (tx.engine === "postgres") query = query.forUpdate().skipLocked();
    const job = await query.executeTakeFirst();
    if (!job) return null;
    const claimed = { state: "running" as const, locked_by: workerId, locked_until: iso(tx.now().getTime() + LEASE_MS), attempts: Number(job.attempts) + 1, updated_at: now };
    await tx.db.updateTable("jobs").set(claimed).where("id", "=", job.id).execute();
    return { ...job, ...claimed };
  });
}

/** Records how a claimed job went; a worker whose claim was taken over records nothing. */
async function finish(deps: Deps, job: JobTable, workerId: string, definition: ScheduledJob | undefined, error: unknown): Promise<void> {
  const now = deps.now();
  const base = deps.db.updateTable("jobs").where("id", "=", job.id).where("locked_by", "=", workerId).where("state", "=", "running");
  const free = { locked_by: null, locked_until: null, updated_at: now.toISOString() };
  if (error === undefined) {
    if (definition?.everyMinutes) await base.set({ ...free, state: "pending", attempts: 0, last_error: null, run_at: iso(now.getTime() + definition.everyMinutes * 60_000) }).execute();
    else await base.set({ ...free, state: "done", last_error: null }).execute();
    return;
  }
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  if (Number(job.attempts) >= Number(job.max_attempts)) await base.set({ ...free, state: "failed", last_error: message }).execute();
  else await base.set({ ...free, state: "pending", last_error: message, run_at: iso(now.getTime() + backoffMs(Number(job.attempts))) }).execute();
}

/** Runs due jobs until none is due (at most `limit`); returns how many ran. */
export async function runDueJobs(deps: Deps, workerId: string, jobs: readonly ScheduledJob[], limit = 100): Promise<number> {
  const byKind = new Map(jobs.map((j) => [j.kind, j]));
  let ran = 0;
  while (ran < limit) {
    const job = await claimJob(deps, workerId);
    if (!job) break;
    ran++;
    const definition = byKind.get(job.kind);
    let error: unknown = undefined;
    try {
      if (!definition) throw new Error(`no job of kind ${job.kind} is known to this process`);
      await definition.run(deps, JSON.parse(job.payload_json));
    } catch (e) {
      error = e ?? new Error("failed");
    }
    await finish(deps, job, workerId, definition, error);
  }
  return ran;
}

/** Jobs that failed their last try, newest first: for the administrator. */
export function failedJobs(deps: Deps, limit = 100) {
  return deps.db.selectFrom("jobs").select(["id", "kind", "attempts", "last_error", "updated_at", "run_at"]).where("state", "=", "failed").orderBy("updated_at", "desc").limit(limit).execute();
}

/** Gives a failed job its tries again, due now (pass the Tx of the administrator's use case). Returns false when it is not failed. */
export async function retryJob(tx: Deps, id: string): Promise<boolean> {
  const now = tx.now().toISOString();
  const r = await tx.db.updateTable("jobs").set({ state: "pending", attempts: 0, run_at: now, updated_at: now }).where("id", "=", id).where("state", "=", "failed").executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Starts this process's worker: the recurring jobs get their rows, then due jobs run every `intervalMs`. */
export async function startScheduler(deps: Deps, jobs: readonly ScheduledJob[], workerId: string, intervalMs = 30_000): Promise<Periodic> {
  await ensureRecurring(deps, jobs);
  return every("scheduler", intervalMs, async () => {
    await runDueJobs(deps, workerId, jobs);
  });
}
