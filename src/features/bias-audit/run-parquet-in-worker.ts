// Runs a Parquet audit in a worker thread, like the engine's runBiasAuditInWorker does for CSV.

import { BiasAuditError, type AuditConfig, type BiasAuditErrorCode, type BiasAuditReport, type ScanProgress, type WorkerRunOptions } from "./engine/index.ts";
import { spawnTsWorker } from "./engine/worker-spawn.ts";

const PARQUET_WORKER = new URL("./parquet-worker.ts", import.meta.url);

type Message =
  | { type: "progress"; bytesRead: number; totalBytes: number }
  | { type: "result"; report: unknown }
  | { type: "error"; code: string; params: Record<string, string | number>; message: string };

export function runParquetAuditInWorker(
  filePath: string,
  config: AuditConfig,
  onProgress?: (p: ScanProgress) => void,
  options: WorkerRunOptions = {},
): Promise<BiasAuditReport> {
  return new Promise((resolve, reject) => {
    const worker = spawnTsWorker(PARQUET_WORKER, { filePath, config, displayName: options.displayName });
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
    worker.on("message", (m: Message) => {
      if (m.type === "progress") onProgress?.({ bytesRead: m.bytesRead, totalBytes: m.totalBytes });
      else if (m.type === "result") settle(() => resolve(m.report as BiasAuditReport));
      else settle(() => reject(m.code === "internal" ? new Error(m.message) : new BiasAuditError(m.code as BiasAuditErrorCode, m.params)));
    });
    worker.on("error", (e) => settle(() => reject(e)));
    worker.on("exit", (code) => settle(() => reject(new Error(`parquet audit worker stopped (exit code ${code})`))));
  });
}
