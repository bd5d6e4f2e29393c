// Worker entry point in plain JavaScript: worker threads do not inherit the
// TypeScript loader in every setting (vitest, plain node), so register tsx
// here and then load the TypeScript module named in workerData.__module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.__module);
