// For the web app: run an audit in a worker thread and report progress.

import type { AuditConfig } from "./config.ts";
import { BiasAuditError, type BiasAuditErrorCode } from "./errors.ts";
import type { BiasAuditReport } from "./report.ts";
import type { AuditWorkerMessage } from "./audit-worker.ts";
import type { ScanProgress } from "./source.ts";
import { spawnTsWorker } from "./worker-spawn.ts";

const AUDIT_WORKER = new URL("./audit-worker.ts", import.meta.url);

export interface WorkerRunOptions {
  displayName?: string;
  signal?: AbortSignal;
}

export function runBiasAuditInWorker(
  filePath: string,
  config: AuditConfig,
  onProgress?: (p: ScanProgress) => void,
  options: WorkerRunOptions = {},
): Promise<BiasAuditReport> {
  return new Promise((resolve, reject) => {
    const worker = spawnTsWorker(AUDIT_WORKER, { filePath, config, displayName: options.displayName });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener("abort", onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(options.signal?.reason ?? new Error("aborted")));
    options.signal?.addEventListener("abort", onAbort);
    worker.on("message", (m: AuditWorkerMessage) => {
      if (m.type === "progress") onProgress?.({ bytesRead: m.bytesRead, totalBytes: m.totalBytes });
      else if (m.type === "result") settle(() => resolve(m.report as BiasAuditReport));
      else
        settle(() =>
          reject(m.code === "internal" ? new Error(m.message) : new BiasAuditError(m.code as BiasAuditErrorCode, m.params)),
        );
    });
    worker.on("error", (e) => settle(() => reject(e)));
    worker.on("exit", (code) => settle(() => reject(new Error(`bias-audit worker stopped (exit code ${code})`))));
  });
}
