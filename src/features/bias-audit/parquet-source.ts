// Parquet implementation of the engine's TableSource. Reads one row group at
// a time (only the columns the audit needs), so memory stays bounded by the
// largest row group, and fills the same finest-grain count table as the CSV
// scanner, with the same rules for predictions, labels, bins and missing values.

import { open, stat } from "node:fs/promises";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema, type FileMetaData } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { binLabel, type ScanPlan } from "./engine/config.ts";
import { CellTable, type CountTableData, FN, FP, TN, TP } from "./engine/count-table.ts";
import { BiasAuditError, type ScanProgress, type SourceDescription, type TableSource } from "./engine/index.ts";

const MAGIC = "PAR1";

/** The worker module that audits a Parquet file (for the engine's runWorker). */
export const PARQUET_AUDIT_WORKER = new URL("./parquet-worker.ts", import.meta.url);

/** True when the file starts with the Parquet magic bytes. */
export async function looksLikeParquet(filePath: string): Promise<boolean> {
  const fh = await open(filePath, "r");
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return bytesRead === 4 && buf.toString("latin1") === MAGIC;
  } finally {
    await fh.close();
  }
}

const TRUE_WORDS = new Set(["1", "true", "yes", "ja"]);
const FALSE_WORDS = new Set(["0", "false", "no", "nee"]);

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
  return String(v).trim();
}

function asNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  const s = text(v);
  if (s === "" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** 1, 0, or -1 when the value is not a yes/no value. */
function asBoolean(v: unknown): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number" || typeof v === "bigint") {
    const n = Number(v);
    return n === 1 ? 1 : n === 0 ? 0 : -1;
  }
  const s = text(v).toLowerCase();
  if (TRUE_WORDS.has(s)) return 1;
  if (FALSE_WORDS.has(s)) return 0;
  const n = asNumber(s);
  return n === 1 ? 1 : n === 0 ? 0 : -1;
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

type ParquetRow = Record<string, unknown>;
const shown = (v: unknown): string => text(v).slice(0, 60);

/** The prediction of a row as 1 or 0, or null when it is missing. */
function predictionOf(plan: ScanPlan, row: ParquetRow, line: number): number | null {
  const { name: column, rule } = plan.prediction;
  const pv = row[column];
  if (isMissing(pv)) return null;
  if (rule.mode === "threshold") {
    const v = asNumber(pv);
    if (Number.isNaN(v)) throw new BiasAuditError("non-numeric-score", { line, column, value: shown(pv) });
    return v >= rule.threshold ? 1 : 0;
  }
  if (rule.mode === "binary") {
    const pred = asBoolean(pv);
    if (pred < 0) throw new BiasAuditError("bad-prediction", { line, column, value: shown(pv) });
    return pred;
  }
  return text(pv) === rule.value ? 1 : 0;
}

/** The true outcome of a row as 1 or 0 (0 without a label column), or null when it is missing. */
function labelOf(plan: ScanPlan, row: ParquetRow, line: number): number | null {
  if (!plan.label) return 0;
  const lv = row[plan.label.name];
  if (isMissing(lv)) return null;
  const label = asBoolean(lv);
  if (label < 0) throw new BiasAuditError("bad-label", { line, column: plan.label.name, value: shown(lv) });
  return label;
}

/** The group columns' values as ids, per column a dictionary in order of appearance (bin labels first, in order, as the CSV scanner does). */
class KeyDictionaries {
  readonly dictionaries: string[][];
  private readonly lookups: Map<string, number>[];
  private readonly binIds: number[][];

  constructor(private readonly plan: ScanPlan) {
    this.dictionaries = plan.keys.map(() => []);
    this.lookups = plan.keys.map(() => new Map());
    this.binIds = plan.keys.map((k, i) => (k.bins ? k.bins.map((_, j) => this.intern(i, binLabel(k.bins as number[], j))).concat(this.intern(i, binLabel(k.bins, k.bins.length))) : []));
  }

  private intern(k: number, value: string): number {
    const m = this.lookups[k] as Map<string, number>;
    let id = m.get(value);
    if (id === undefined) {
      const dict = this.dictionaries[k] as string[];
      if (dict.length >= this.plan.maxDistinctValues) throw new BiasAuditError("too-many-groups", { column: this.plan.keys[k]?.name ?? "", limit: this.plan.maxDistinctValues });
      id = dict.length;
      dict.push(value);
      m.set(value, id);
    }
    return id;
  }

  /** Fills ids with the row's value id per group column. */
  idsOf(row: ParquetRow, line: number, ids: Int32Array): void {
    this.plan.keys.forEach((key, k) => {
      const raw = row[key.name];
      if (key.bins && !isMissing(raw)) {
        const v = asNumber(raw);
        if (Number.isNaN(v)) throw new BiasAuditError("bad-number", { line, column: key.name, value: shown(raw) });
        let b = 0;
        while (b < key.bins.length && v >= (key.bins[b] as number)) b++;
        ids[k] = this.binIds[k]![b] as number;
      } else ids[k] = this.intern(k, text(raw));
    });
  }
}

export interface ParquetSourceOptions {
  maxBytes?: number;
}

export class ParquetSource implements TableSource {
  private metadata: FileMetaData | null = null;
  private size = 0;

  constructor(
    readonly filePath: string,
    private readonly options: ParquetSourceOptions = {},
  ) {}

  private async load(): Promise<FileMetaData> {
    if (this.metadata) return this.metadata;
    let size: number;
    try {
      const s = await stat(this.filePath);
      if (!s.isFile()) throw new Error("not a file");
      size = s.size;
    } catch {
      throw new BiasAuditError("file-not-found", { file: this.filePath });
    }
    if (this.options.maxBytes !== undefined && size > this.options.maxBytes)
      throw new BiasAuditError("file-too-large", { bytes: size, maxBytes: this.options.maxBytes });
    if (size === 0) throw new BiasAuditError("empty-file");
    try {
      const file = await asyncBufferFromFile(this.filePath);
      this.metadata = await parquetMetadataAsync(file);
    } catch {
      throw new BiasAuditError("bad-config", { reason: "parquet" });
    }
    this.size = size;
    return this.metadata;
  }

  async describe(): Promise<SourceDescription> {
    const md = await this.load();
    const columns = parquetSchema(md).children.map((c) => c.element.name);
    return { format: "parquet", bytes: this.size, columns };
  }

  async scan(plan: ScanPlan, onProgress?: (p: ScanProgress) => void): Promise<CountTableData> {
    const md = await this.load();
    const file = await asyncBufferFromFile(this.filePath);
    const keyCount = plan.keys.length;
    const keys = new KeyDictionaries(plan);
    const cells = new CellTable(keyCount);
    const ids = new Int32Array(keyCount);
    let rows = 0;
    let missingPrediction = 0;
    let missingLabel = 0;
    const columns = [...new Set([...plan.keys.map((k) => k.name), plan.prediction.name, ...(plan.label ? [plan.label.name] : [])])];
    const total = Number(md.num_rows);
    let rowStart = 0;
    onProgress?.({ bytesRead: 0, totalBytes: this.size });

    // One row group at a time, only the columns the audit needs.
    for (const group of md.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      let batch: ParquetRow[] = [];
      await parquetRead({ file, metadata: md, columns, rowStart, rowEnd, compressors, rowFormat: "object", onComplete: (r) => (batch = r) });
      for (let r = 0; r < batch.length; r++) {
        const row = batch[r] as ParquetRow;
        const line = rowStart + r + 2; // 1-based, counting a header line as a CSV would
        const pred = predictionOf(plan, row, line);
        if (pred === null) {
          missingPrediction++;
          continue;
        }
        const label = labelOf(plan, row, line);
        if (label === null) {
          missingLabel++;
          continue;
        }
        keys.idsOf(row, line, ids);
        const slot = cells.cellOf(ids) * 4 + (pred === 1 ? (label === 1 ? TP : FP) : label === 1 ? FN : TN);
        cells.counts[slot] = (cells.counts[slot] as number) + 1;
        rows++;
      }
      rowStart = rowEnd;
      onProgress?.({ bytesRead: total > 0 ? Math.round((this.size * rowStart) / total) : this.size, totalBytes: this.size });
    }
    if (rows + missingPrediction + missingLabel === 0) throw new BiasAuditError("no-data-rows");
    return {
      keyNames: plan.keys.map((k) => k.name),
      dictionaries: keys.dictionaries,
      keys: cells.keys.slice(0, cells.cellCount * keyCount),
      counts: cells.counts.slice(0, cells.cellCount * 4),
      cellCount: cells.cellCount,
      rows,
      excluded: { missingPrediction, missingLabel },
      lineFeeds: 0,
      bytes: this.size,
      sawQuote: false,
    };
  }
}
