// Starts a TypeScript module in a worker thread via the .mjs entry that
// registers tsx, so it works under tsx, vitest and the web server alike.

import { Worker } from "node:worker_threads";

const ENTRY = new URL("./ts-worker-entry.mjs", import.meta.url);

export function spawnTsWorker(moduleUrl: URL, data: object): Worker {
  return new Worker(ENTRY, { workerData: { ...data, __module: moduleUrl.href }, execArgv: [] });
}
