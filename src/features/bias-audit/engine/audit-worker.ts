// Worker side of runBiasAuditInWorker: the whole audit runs here, so the web
// server's event loop stays free. Large files are split further over scanner
// workers started from this thread.

import { parentPort, workerData } from "node:worker_threads";
import { auditCsv } from "./audit.ts";
import type { AuditConfig } from "./config.ts";
import { isBiasAuditError } from "./errors.ts";

export type AuditWorkerMessage =
  | { type: "progress"; bytesRead: number; totalBytes: number }
  | { type: "result"; report: unknown }
  | { type: "error"; code: string; params: Record<string, string | number>; message: string };

const { filePath, config, displayName } = workerData as { filePath: string; config: AuditConfig; displayName?: string };
const port = parentPort;
if (!port) throw new Error("audit-worker must run in a worker thread");

let last = 0;
auditCsv(filePath, config, {
  displayName,
  onProgress: (p) => {
    const now = Date.now();
    if (now - last >= 100 || p.bytesRead >= p.totalBytes) {
      last = now;
      port.postMessage({ type: "progress", ...p } satisfies AuditWorkerMessage);
    }
  },
}).then(
  (report) => port.postMessage({ type: "result", report } satisfies AuditWorkerMessage),
  (e: unknown) =>
    port.postMessage(
      (isBiasAuditError(e)
        ? { type: "error", code: e.code, params: e.params, message: e.message }
        : { type: "error", code: "internal", params: {}, message: String((e as Error)?.stack ?? e) }) satisfies AuditWorkerMessage,
    ),
);
