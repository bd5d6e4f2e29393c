// Worker side of a Parquet audit (PARQUET_AUDIT_WORKER): the same messages as
// the engine's CSV audit worker, so the job runner treats both alike.

import { auditSource } from "./engine/index.ts";
import { answerAudit } from "./engine/run-worker.ts";
import { ParquetSource } from "./parquet-source.ts";

answerAudit(({ filePath, config, displayName }, onProgress) => auditSource(new ParquetSource(filePath, { maxBytes: config.maxBytes }), config, { displayName, onProgress }));
