// An audit in a worker thread, both sides: runWorker starts the worker and
// turns its messages into progress, a report or an error (and stops it on
// abort); answerAudit is the worker's side. The CSV audit (audit-worker.ts)
// and the feature's Parquet audit (parquet-worker.ts) both run through here,
// so the job runner treats them alike.

import { parentPort, workerData } from "node:worker_threads";
import type { AuditConfig } from "./config.ts";
import { BiasAuditError, isBiasAuditError, type BiasAuditErrorCode } from "./errors.ts";
import type { BiasAuditReport } from "./report.ts";
import type { ScanProgress } from "./source.ts";
import { spawnTsWorker } from "./worker-spawn.ts";

/** What a worker is started with. */
export interface AuditWorkerData {
  filePath: string;
  config: AuditConfig;
  displayName?: string;
}

export type AuditWorkerMessage =
  | { type: "progress"; bytesRead: number; totalBytes: number }
  | { type: "result"; report: unknown }
  | { type: "error"; code: string; params: Record<string, string | number>; message: string };

/** Runs the worker module `entry` with `data`; rejects with a BiasAuditError for bad input, with the signal's reason on abort. */
export function runWorker(entry: URL, data: AuditWorkerData, onProgress?: (p: ScanProgress) => void, signal?: AbortSignal): Promise<BiasAuditReport> {
  return new Promise((resolve, reject) => {
    const worker = spawnTsWorker(entry, data);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(signal?.reason ?? new Error("aborted")));
    signal?.addEventListener("abort", onAbort);
    worker.on("message", (m: AuditWorkerMessage) => {
      if (m.type === "progress") onProgress?.({ bytesRead: m.bytesRead, totalBytes: m.totalBytes });
      else if (m.type === "result") settle(() => resolve(m.report as BiasAuditReport));
      else settle(() => reject(m.code === "internal" ? new Error(m.message) : BiasAuditError.fromData(m.code as BiasAuditErrorCode, m.params)));
    });
    worker.on("error", (e) => settle(() => reject(e)));
    worker.on("exit", (code) => settle(() => reject(new Error(`bias-audit worker stopped (exit code ${code})`))));
  });
}

/** Progress goes to the parent at most this often (and always at the end). */
const PROGRESS_EVERY_MS = 100;

/**
 * The worker's side: runs the audit on the data the worker was started with
 * and posts progress, then the report or the error, as plain data.
 */
export function answerAudit(audit: (data: AuditWorkerData, onProgress: (p: ScanProgress) => void) => Promise<BiasAuditReport>): void {
  const port = parentPort;
  if (!port) throw new Error("an audit worker must run in a worker thread");
  const post = (m: AuditWorkerMessage) => port.postMessage(m);
  let last = 0;
  const onProgress = (p: ScanProgress) => {
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS || p.bytesRead >= p.totalBytes) {
      last = now;
      post({ type: "progress", ...p });
    }
  };
  audit(workerData as AuditWorkerData, onProgress).then(
    (report) => post({ type: "result", report }),
    (e: unknown) =>
      post(
        isBiasAuditError(e)
          ? { type: "error", code: e.code, params: e.params, message: e.message }
          : { type: "error", code: "internal", params: {}, message: String((e as Error)?.stack ?? e) },
      ),
  );
}
