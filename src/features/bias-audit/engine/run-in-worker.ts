// For the web app: run a CSV audit in a worker thread and report progress.

import type { AuditConfig } from "./config.ts";
import type { BiasAuditReport } from "./report.ts";
import { runWorker } from "./run-worker.ts";
import type { ScanProgress } from "./source.ts";

/** The worker module that audits a CSV file (for runWorker). */
export const CSV_AUDIT_WORKER = new URL("./audit-worker.ts", import.meta.url);

export interface WorkerRunOptions {
  displayName?: string;
  signal?: AbortSignal;
}

export function runBiasAuditInWorker(filePath: string, config: AuditConfig, onProgress?: (p: ScanProgress) => void, options: WorkerRunOptions = {}): Promise<BiasAuditReport> {
  return runWorker(CSV_AUDIT_WORKER, { filePath, config, displayName: options.displayName }, onProgress, options.signal);
}
