// The job runner: audits an uploaded file in a worker thread and keeps the
// job's row up to date (status, progress, heartbeat, report or error). The
// server's event loop only receives progress messages, so it stays responsive.
// The job outlives the request that started it: it writes its result in a
// transaction of its own, a unit of work of its own.

import { resolve } from "node:path";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import { CSV_AUDIT_WORKER, isBiasAuditError, runWorker, type AuditConfig, type BiasAuditReport, type ScanProgress } from "./engine/index.ts";
import { PARQUET_AUDIT_WORKER } from "./parquet-source.ts";

/** Progress is written at most this often. */
const PROGRESS_EVERY_MS = 1000;
/** A running job shows a sign of life this often, also while the report is built. */
const HEARTBEAT_EVERY_MS = 5000;
/** A queued or running job without a sign of life for this long was interrupted (crash, restart). */
export const STALE_AFTER_MS = 60_000;

interface ActiveJob {
  controller: AbortController;
  done: Promise<void>;
}

const active = new Map<string, ActiveJob>();

export function isJobActive(id: string): boolean {
  return active.has(id);
}

/** Resolves when the job (if it runs in this process) has finished and its row is written. */
export async function jobSettled(id: string): Promise<void> {
  await active.get(id)?.done;
}

/** Resolves when every job running in this process has ended (tests, before their database goes). */
export async function allJobsSettled(): Promise<void> {
  await Promise.allSettled([...active.values()].map((j) => j.done));
}

export function abortJob(id: string): void {
  active.get(id)?.controller.abort(new Error("deleted"));
}

export interface JobSpec {
  id: string;
  organisationId: string;
  storageKey: string;
  format: "csv" | "parquet";
  fileName: string;
  config: AuditConfig;
}

export function storagePath(deps: Deps, storageKey: string): string {
  return resolve(deps.config.dataDir, storageKey);
}

export function launchJob(deps: Deps, job: JobSpec): void {
  const controller = new AbortController();
  const done = run(deps, job, controller.signal).finally(() => active.delete(job.id));
  active.set(job.id, { controller, done });
}

type Outcome = { report: BiasAuditReport } | { code: string; params: Record<string, string | number> };

/** The job's own writes while it runs: status, progress and heartbeat, chained so they never overlap or arrive out of order. */
function progressWriter(deps: Deps, id: string) {
  const stamp = () => deps.now().toISOString();
  const running = () => deps.db.updateTable("bias_audits").where("id", "=", id).where("status", "=", "running");
  let writes: Promise<unknown> = Promise.resolve();
  const write = (fn: () => Promise<unknown>) => {
    writes = writes.then(fn).catch((e: unknown) => console.error(`bias audit ${id}: progress not written`, e));
    return writes;
  };
  let lastProgress = 0;
  const heartbeat = setInterval(() => void write(() => running().set({ heartbeat_at: stamp() }).execute()), HEARTBEAT_EVERY_MS);
  heartbeat.unref();
  return {
    start: () => {
      const now = stamp();
      return write(() => deps.db.updateTable("bias_audits").set({ status: "running", started_at: now, heartbeat_at: now, updated_at: now }).where("id", "=", id).where("status", "=", "queued").execute());
    },
    progress: (p: ScanProgress) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS && p.bytesRead < p.totalBytes) return;
      lastProgress = now;
      void write(() => running().set({ progress_bytes: p.bytesRead, total_bytes: p.totalBytes, heartbeat_at: stamp() }).execute());
    },
    /** Stops the heartbeat and waits for the writes still on their way. */
    stop: async () => {
      clearInterval(heartbeat);
      await writes;
    },
  };
}

/** The job's result, in its own unit of work: the row (locked) gets the report or the error, with its audit event. */
async function recordOutcome(deps: Deps, job: JobSpec, outcome: Outcome): Promise<void> {
  await inTransaction(
    deps,
    null,
    async (tx) => {
      const row = await lockForUpdate(tx, tx.db.selectFrom("bias_audits").select(["id", "status"]).where("id", "=", job.id)).executeTakeFirst();
      if (!row || row.status !== "running") return; // deleted, or re-queued meanwhile
      const now = tx.now().toISOString();
      const done = { finished_at: now, updated_at: now, heartbeat_at: now };
      if ("report" in outcome) {
        const bytes = outcome.report.input.bytes;
        await tx.db.updateTable("bias_audits").set({ status: "done", report_json: JSON.stringify(outcome.report), progress_bytes: bytes, total_bytes: bytes, ...done }).where("id", "=", job.id).execute();
        await tx.audit({ action: "bias_audit.finished", entityType: "bias_audit", entityId: job.id, after: { status: "done", rows: outcome.report.input.rowsUsed, significant: outcome.report.tests.significant } });
      } else {
        await tx.db.updateTable("bias_audits").set({ status: "failed", error_code: outcome.code, error_params_json: JSON.stringify(outcome.params), ...done }).where("id", "=", job.id).execute();
        await tx.audit({ action: "bias_audit.failed", entityType: "bias_audit", entityId: job.id, after: { status: "failed", error: outcome.code } });
      }
    },
    job.organisationId,
  );
}

async function run(deps: Deps, job: JobSpec, signal: AbortSignal): Promise<void> {
  const writer = progressWriter(deps, job.id);
  await writer.start();
  const entry = job.format === "parquet" ? PARQUET_AUDIT_WORKER : CSV_AUDIT_WORKER;
  let outcome: Outcome;
  try {
    outcome = { report: await runWorker(entry, { filePath: storagePath(deps, job.storageKey), config: job.config, displayName: job.fileName }, writer.progress, signal) };
  } catch (e) {
    if (signal.aborted) return writer.stop();
    if (isBiasAuditError(e)) outcome = { code: e.code, params: e.params };
    else {
      console.error(`bias audit ${job.id} failed`, e);
      outcome = { code: "internal", params: {} };
    }
  }
  await writer.stop();
  try {
    await recordOutcome(deps, job, outcome);
  } catch (e) {
    console.error(`bias audit ${job.id}: result not written`, e);
  }
}
