// Public entry points of the engine: audit a CSV file in-process (CLI, tests)
// or audit any TableSource. Both end in the same report.

import type { AuditConfig } from "./config.ts";
import { buildPlan } from "./config.ts";
import { CsvSource } from "./csv-source.ts";
import { BiasAuditError } from "./errors.ts";
import { type BiasAuditReport, buildReport } from "./report.ts";
import type { ScanProgress, TableSource } from "./source.ts";
import { basename } from "node:path";

export interface AuditOptions {
  onProgress?: (p: ScanProgress) => void;
  /** Name shown in the report instead of the path (e.g. the uploaded file's name). */
  displayName?: string;
}

export async function auditSource(source: TableSource, config: AuditConfig, options: AuditOptions & { file?: string | null } = {}): Promise<BiasAuditReport> {
  const desc = await source.describe();
  const delimiter = desc.delimiter ?? ",";
  const plan = buildPlan(config, desc.columns, delimiter.charCodeAt(0));
  const table = await source.scan(plan, options.onProgress);
  return buildReport(table, plan, config, {
    file: options.displayName ?? options.file ?? null,
    format: desc.format,
    bytes: desc.bytes,
    delimiter: desc.delimiter ?? null,
    columns: desc.columns,
  });
}

/** Audit a CSV file in this process (scanning uses worker threads for large files). */
export async function auditCsv(filePath: string, config: AuditConfig, options: AuditOptions = {}): Promise<BiasAuditReport> {
  if (!config || !Array.isArray(config.groups) || typeof config.prediction !== "string")
    throw new BiasAuditError("bad-config", { reason: "config" });
  const source = new CsvSource(filePath, { maxBytes: config.maxBytes, delimiter: config.delimiter, threads: config.threads });
  return auditSource(source, config, { ...options, file: basename(filePath) });
}
