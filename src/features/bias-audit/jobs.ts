// The job runner: audits an uploaded file in a worker thread and keeps the
// job's row up to date (status, progress, heartbeat, report or error). The
// server's event loop only receives progress messages, so it stays responsive.

import { resolve } from "node:path";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
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

async function run(deps: Deps, job: JobSpec, signal: AbortSignal): Promise<void> {
  const db = deps.db;
  const stamp = () => deps.now().toISOString();
  // Writes are chained so they never overlap or arrive out of order.
  let writes: Promise<unknown> = Promise.resolve();
  const write = (fn: () => Promise<unknown>) => {
    writes = writes.then(fn).catch((e: unknown) => console.error(`bias audit ${job.id}: progress not written`, e));
    return writes;
  };
  const startedAt = stamp();
  await write(() =>
    db.updateTable("bias_audits").set({ status: "running", started_at: startedAt, heartbeat_at: startedAt, updated_at: startedAt }).where("id", "=", job.id).where("status", "=", "queued").execute(),
  );
  let lastProgress = 0;
  const onProgress = (p: ScanProgress) => {
    const now = Date.now();
    if (now - lastProgress < PROGRESS_EVERY_MS && p.bytesRead < p.totalBytes) return;
    lastProgress = now;
    void write(() =>
      db.updateTable("bias_audits").set({ progress_bytes: p.bytesRead, total_bytes: p.totalBytes, heartbeat_at: stamp() }).where("id", "=", job.id).where("status", "=", "running").execute(),
    );
  };
  const heartbeat = setInterval(() => {
    void write(() => db.updateTable("bias_audits").set({ heartbeat_at: stamp() }).where("id", "=", job.id).where("status", "=", "running").execute());
  }, HEARTBEAT_EVERY_MS);
  heartbeat.unref();
  const path = storagePath(deps, job.storageKey);
  const entry = job.format === "parquet" ? PARQUET_AUDIT_WORKER : CSV_AUDIT_WORKER;
  let outcome: { report: BiasAuditReport } | { code: string; params: Record<string, string | number> };
  try {
    outcome = { report: await runWorker(entry, { filePath: path, config: job.config, displayName: job.fileName }, onProgress, signal) };
  } catch (e) {
    if (signal.aborted) {
      clearInterval(heartbeat);
      await writes;
      return;
    }
    if (isBiasAuditError(e)) outcome = { code: e.code, params: e.params };
    else {
      console.error(`bias audit ${job.id} failed`, e);
      outcome = { code: "internal", params: {} };
    }
  }
  clearInterval(heartbeat);
  await writes;
  const finishedAt = stamp();
  try {
    await inTransaction(
      deps,
      null,
      async (tx) => {
        const row = await tx.db.selectFrom("bias_audits").select(["id", "status"]).where("id", "=", job.id).executeTakeFirst();
        if (!row || row.status !== "running") return; // deleted, or re-queued meanwhile
        if ("report" in outcome) {
          await tx.db
            .updateTable("bias_audits")
            .set({ status: "done", report_json: JSON.stringify(outcome.report), progress_bytes: outcome.report.input.bytes, total_bytes: outcome.report.input.bytes, finished_at: finishedAt, updated_at: finishedAt, heartbeat_at: finishedAt })
            .where("id", "=", job.id)
            .execute();
          await tx.audit({ action: "bias_audit.finished", entityType: "bias_audit", entityId: job.id, after: { status: "done", rows: outcome.report.input.rowsUsed, significant: outcome.report.tests.significant } });
        } else {
          await tx.db
            .updateTable("bias_audits")
            .set({ status: "failed", error_code: outcome.code, error_params_json: JSON.stringify(outcome.params), finished_at: finishedAt, updated_at: finishedAt, heartbeat_at: finishedAt })
            .where("id", "=", job.id)
            .execute();
          await tx.audit({ action: "bias_audit.failed", entityType: "bias_audit", entityId: job.id, after: { status: "failed", error: outcome.code } });
        }
      },
      job.organisationId,
    );
  } catch (e) {
    console.error(`bias audit ${job.id}: result not written`, e);
  }
}
