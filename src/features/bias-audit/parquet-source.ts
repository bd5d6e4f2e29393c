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
    const dictionaries: string[][] = plan.keys.map(() => []);
    const lookups: Map<string, number>[] = plan.keys.map(() => new Map());
    const intern = (k: number, value: string): number => {
      const m = lookups[k] as Map<string, number>;
      let id = m.get(value);
      if (id === undefined) {
        const dict = dictionaries[k] as string[];
        if (dict.length >= plan.maxDistinctValues) throw new BiasAuditError("too-many-groups", { column: plan.keys[k]?.name ?? "", limit: plan.maxDistinctValues });
        id = dict.length;
        dict.push(value);
        m.set(value, id);
      }
      return id;
    };
    // Binned columns: the bin labels are interned first, in order (as the CSV scanner does).
    const binIds = plan.keys.map((k, i) => (k.bins ? k.bins.map((_, j) => intern(i, binLabel(k.bins as number[], j))).concat(intern(i, binLabel(k.bins, k.bins.length))) : []));
    const cells = new CellTable(keyCount);
    const ids = new Int32Array(keyCount);
    const rule = plan.prediction.rule;
    let rows = 0;
    let missingPrediction = 0;
    let missingLabel = 0;
    const columns = [...new Set([...plan.keys.map((k) => k.name), plan.prediction.name, ...(plan.label ? [plan.label.name] : [])])];
    const total = Number(md.num_rows);
    let rowStart = 0;
    onProgress?.({ bytesRead: 0, totalBytes: this.size });

    for (const group of md.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      let batch: Record<string, unknown>[] = [];
      await parquetRead({ file, metadata: md, columns, rowStart, rowEnd, compressors, rowFormat: "object", onComplete: (r) => (batch = r) });
      for (let r = 0; r < batch.length; r++) {
        const row = batch[r] as Record<string, unknown>;
        const line = rowStart + r + 2; // 1-based, counting a header line as a CSV would
        const pv = row[plan.prediction.name];
        if (isMissing(pv)) {
          missingPrediction++;
          continue;
        }
        let pred: number;
        if (rule.mode === "threshold") {
          const v = asNumber(pv);
          if (Number.isNaN(v)) throw new BiasAuditError("non-numeric-score", { line, column: plan.prediction.name, value: text(pv).slice(0, 60) });
          pred = v >= rule.threshold ? 1 : 0;
        } else if (rule.mode === "binary") {
          pred = asBoolean(pv);
          if (pred < 0) throw new BiasAuditError("bad-prediction", { line, column: plan.prediction.name, value: text(pv).slice(0, 60) });
        } else pred = text(pv) === rule.value ? 1 : 0;
        let label = 0;
        if (plan.label) {
          const lv = row[plan.label.name];
          if (isMissing(lv)) {
            missingLabel++;
            continue;
          }
          label = asBoolean(lv);
          if (label < 0) throw new BiasAuditError("bad-label", { line, column: plan.label.name, value: text(lv).slice(0, 60) });
        }
        for (let k = 0; k < keyCount; k++) {
          const key = plan.keys[k]!;
          const raw = row[key.name];
          if (key.bins && !isMissing(raw)) {
            const v = asNumber(raw);
            if (Number.isNaN(v)) throw new BiasAuditError("bad-number", { line, column: key.name, value: text(raw).slice(0, 60) });
            let b = 0;
            while (b < key.bins.length && v >= (key.bins[b] as number)) b++;
            ids[k] = binIds[k]![b] as number;
          } else ids[k] = intern(k, text(raw));
        }
        const cell = cells.cellOf(ids);
        const slot = cell * 4 + (pred === 1 ? (label === 1 ? TP : FP) : label === 1 ? FN : TN);
        cells.counts[slot] = (cells.counts[slot] as number) + 1;
        rows++;
      }
      rowStart = rowEnd;
      onProgress?.({ bytesRead: total > 0 ? Math.round((this.size * rowStart) / total) : this.size, totalBytes: this.size });
    }
    if (rows + missingPrediction + missingLabel === 0) throw new BiasAuditError("no-data-rows");
    return {
      keyNames: plan.keys.map((k) => k.name),
      dictionaries,
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
