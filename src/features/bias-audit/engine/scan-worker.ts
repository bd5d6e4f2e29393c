// Worker side of a parallel scan: scans one byte range and posts the count
// table back. Errors travel as plain data (code, params, local line feeds).

import { parentPort, workerData } from "node:worker_threads";
import { isBiasAuditError } from "./errors.ts";
import { type RangeTask, scanRange } from "./range-scan.ts";
import { ScanError } from "./scanner.ts";

export type ScanWorkerMessage =
  | { type: "progress"; bytes: number }
  | { type: "result"; outcome: Awaited<ReturnType<typeof scanRange>> }
  | { type: "error"; code: string; params: Record<string, string | number>; lineFeedsBefore: number | null; message: string };

const task = workerData as RangeTask;
const port = parentPort;
if (!port) throw new Error("scan-worker must run in a worker thread");

let lastPost = 0;
scanRange(task, (bytes) => {
  const now = Date.now();
  if (now - lastPost >= 100) {
    lastPost = now;
    port.postMessage({ type: "progress", bytes } satisfies ScanWorkerMessage);
  }
}).then(
  (outcome) => {
    const transfer = outcome.kind === "table" ? [outcome.table.keys.buffer, outcome.table.counts.buffer] : [];
    port.postMessage({ type: "result", outcome } satisfies ScanWorkerMessage, transfer as ArrayBuffer[]);
  },
  (err: unknown) => {
    const inner = err instanceof ScanError ? err.error : err;
    const msg: ScanWorkerMessage = isBiasAuditError(inner)
      ? { type: "error", code: inner.code, params: inner.params, lineFeedsBefore: err instanceof ScanError ? err.lineFeedsBefore : null, message: inner.message }
      : { type: "error", code: "internal", params: {}, lineFeedsBefore: null, message: String((inner as Error)?.stack ?? inner) };
    port.postMessage(msg);
  },
);
