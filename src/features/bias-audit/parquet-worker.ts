// Worker side of runParquetAuditInWorker: the same messages as the engine's
// CSV audit worker, so the job runner treats both alike.

import { parentPort, workerData } from "node:worker_threads";
import { auditSource, isBiasAuditError, type AuditConfig } from "./engine/index.ts";
import { ParquetSource } from "./parquet-source.ts";

const { filePath, config, displayName } = workerData as { filePath: string; config: AuditConfig; displayName?: string };
const port = parentPort;
if (!port) throw new Error("parquet-worker must run in a worker thread");

let last = 0;
auditSource(new ParquetSource(filePath, { maxBytes: config.maxBytes }), config, {
  displayName,
  onProgress: (p) => {
    const now = Date.now();
    if (now - last >= 100 || p.bytesRead >= p.totalBytes) {
      last = now;
      port.postMessage({ type: "progress", ...p });
    }
  },
}).then(
  (report) => port.postMessage({ type: "result", report }),
  (e: unknown) =>
    port.postMessage(
      isBiasAuditError(e)
        ? { type: "error", code: e.code, params: e.params, message: e.message }
        : { type: "error", code: "internal", params: {}, message: String((e as Error)?.stack ?? e) },
    ),
);
