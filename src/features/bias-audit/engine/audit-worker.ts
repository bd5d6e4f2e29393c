// Worker side of runBiasAuditInWorker: the whole CSV audit runs here, so the
// web server's event loop stays free. Large files are split further over
// scanner workers started from this thread.

import { auditCsv } from "./audit.ts";
import { answerAudit } from "./run-worker.ts";

answerAudit(({ filePath, config, displayName }, onProgress) => auditCsv(filePath, config, { displayName, onProgress }));
