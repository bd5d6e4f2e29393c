// Worker side of a parallel scan: scans one byte range and posts the count
// table back. Plain JavaScript (no TypeScript loader in the worker: it starts
// in tens of milliseconds). Errors travel as plain data (code, params, local
// line feeds); message types: ScanWorkerMessage in scan-core.d.mts.

import { parentPort, workerData } from "node:worker_threads";
import { ScanError, scanRange } from "./scan-core.mjs";

const task = workerData;
const port = parentPort;
if (!port) throw new Error("scan-worker must run in a worker thread");

let lastPost = 0;
scanRange(task, (bytes) => {
  const now = Date.now();
  if (now - lastPost >= 100) {
    lastPost = now;
    port.postMessage({ type: "progress", bytes });
  }
}).then(
  (outcome) => {
    const transfer = outcome.kind === "table" ? [outcome.table.keys.buffer, outcome.table.counts.buffer] : [];
    port.postMessage({ type: "result", outcome }, transfer);
  },
  (err) => {
    const msg =
      err instanceof ScanError
        ? { type: "error", code: err.code, params: err.params, lineFeedsBefore: err.lineFeedsBefore, message: err.message }
        : { type: "error", code: "internal", params: {}, lineFeedsBefore: null, message: String(err?.stack ?? err) };
    port.postMessage(msg);
  },
);
