// Public API of the bias-audit engine.
export { auditCsv, auditSource, type AuditOptions } from "./audit.ts";
export { CSV_AUDIT_WORKER, runBiasAuditInWorker, type WorkerRunOptions } from "./run-in-worker.ts";
export { runWorker, type AuditWorkerData } from "./run-worker.ts";
export type { AuditConfig, GroupSpec, BiasVariable, PredictionRule } from "./config.ts";
export { BiasAuditError, errorMessageKey, isBiasAuditError, type BiasAuditErrorCode } from "./errors.ts";
export { engineEn, engineNl, engineText, type EngineMessageKey } from "./messages.ts";
export { type BiasAuditReport, type ScanReport, REPORT_FORMAT, REPORT_VERSION, SCAN_SKIPPED, buildReport } from "./report.ts";
export { formatText } from "./text-format.ts";
export { formatJson } from "./json-format.ts";
export { toChartData, type ChartSeries, type ChartBar } from "./chart-data.ts";
export type { TableSource, ScanProgress, SourceDescription } from "./source.ts";
export { CsvSource, type CsvSourceOptions } from "./csv-source.ts";
export type { CountTableData } from "./count-table.ts";
