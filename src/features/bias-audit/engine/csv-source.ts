// CSV implementation of TableSource. Large files are split into byte ranges
// scanned by worker threads; their count tables are merged afterwards.

import os from "node:os";
import { Worker } from "node:worker_threads";
import type { ScanPlan } from "./config.ts";
import { type CountTableData, mergeTables } from "./count-table.ts";
import { BiasAuditError, type BiasAuditErrorCode } from "./errors.ts";
import { type RangeOutcome, type RangeTask, scanRange } from "./range-scan.ts";
import { ScanError, type ScanWorkerMessage } from "./scan-core.mjs";
import { type FileHead, readHead } from "./sniff.ts";
import type { ScanProgress, SourceDescription, TableSource } from "./source.ts";

export interface CsvSourceOptions {
  maxBytes?: number;
  delimiter?: string;
  /** Scanner threads; default 2 (if the machine has them) for files over 32 MB. */
  threads?: number;
}

const PARALLEL_FROM_BYTES = 32 << 20;
// Plain JavaScript: starts without a TypeScript loader (tens of milliseconds instead of hundreds).
const SCAN_WORKER = new URL("./scan-worker.mjs", import.meta.url);

interface RangeFailure {
  error: BiasAuditError | Error;
  lineFeedsBefore: number | null;
}

function toBiasAuditError(code: string, params: Record<string, string | number>): BiasAuditError {
  return BiasAuditError.fromData(code as BiasAuditErrorCode, params);
}

/** Line numbers are 1-based and count the header; ranges report local line feeds. */
function withLine(error: BiasAuditError, line: number): BiasAuditError {
  return BiasAuditError.fromData(error.code, { ...error.params, line });
}

export class CsvSource implements TableSource {
  private head: FileHead | null = null;

  constructor(
    readonly filePath: string,
    private readonly options: CsvSourceOptions = {},
  ) {}

  async readHead(): Promise<FileHead> {
    this.head ??= await readHead(this.filePath, { maxBytes: this.options.maxBytes, delimiter: this.options.delimiter });
    return this.head;
  }

  async describe(): Promise<SourceDescription> {
    const h = await this.readHead();
    return { format: "csv", bytes: h.size, columns: h.columns, delimiter: String.fromCharCode(h.delimiter) };
  }

  async scan(plan: ScanPlan, onProgress?: (p: ScanProgress) => void): Promise<CountTableData> {
    const head = await this.readHead();
    const dataBytes = head.size - head.dataStart;
    const threads = Math.max(
      1,
      Math.min(this.options.threads ?? (dataBytes >= PARALLEL_FROM_BYTES ? Math.min(2, os.availableParallelism()) : 1), 16),
    );
    const report = (bytes: number) => onProgress?.({ bytesRead: head.dataStart + bytes, totalBytes: head.size });
    if (threads > 1 && dataBytes > threads * 1024) {
      const parallel = await this.scanParallel(plan, head, threads, report);
      if (parallel) return this.finish(parallel, head);
      // Quoted fields found: splitting at line feeds is unsafe, so scan in one pass.
    }
    const task: RangeTask = { filePath: this.filePath, plan, start: head.dataStart, end: head.size, alignToLine: false, abortOnQuote: false };
    try {
      // On this thread: yield to the event loop between 8 MiB chunks.
      const out = await scanRange(task, report, { yieldEvery: 1 });
      if (out.kind !== "table") throw new Error("unreachable");
      return this.finish([out], head);
    } catch (e) {
      throw this.locate(
        e instanceof ScanError ? { error: toBiasAuditError(e.code, e.params), lineFeedsBefore: e.lineFeedsBefore } : { error: e as Error, lineFeedsBefore: null },
        head,
        0,
      );
    }
  }

  private finish(outcomes: RangeOutcome[], head: FileHead): CountTableData {
    const tables = outcomes.map((o) => (o.kind === "table" ? o.table : null)).filter((t): t is CountTableData => t !== null);
    const merged = mergeTables(tables);
    if (merged.rows + merged.excluded.missingLabel + merged.excluded.missingPrediction === 0) throw new BiasAuditError("no-data-rows");
    void head;
    return merged;
  }

  private locate(f: RangeFailure, head: FileHead, lineFeedsBeforeRange: number): Error {
    if (!(f.error instanceof BiasAuditError) || f.lineFeedsBefore === null) return f.error;
    return withLine(f.error, head.headerLineFeeds + lineFeedsBeforeRange + f.lineFeedsBefore + 1);
  }

  /** Returns null when a quote was found and the file must be scanned in one pass. */
  private async scanParallel(plan: ScanPlan, head: FileHead, threads: number, report: (bytes: number) => void): Promise<RangeOutcome[] | null> {
    const dataBytes = head.size - head.dataStart;
    const bounds = Array.from({ length: threads + 1 }, (_, i) => head.dataStart + Math.floor((dataBytes * i) / threads));
    const progress = new Array<number>(threads).fill(0);
    const workers: Worker[] = [];
    const results: (RangeOutcome | RangeFailure | undefined)[] = new Array(threads);
    let quoteFound = false;
    try {
      await Promise.all(
        bounds.slice(0, threads).map(
          (start, i) =>
            new Promise<void>((resolve) => {
              const task: RangeTask = {
                filePath: this.filePath,
                plan,
                start,
                end: bounds[i + 1] as number,
                alignToLine: i > 0,
                abortOnQuote: true,
              };
              // execArgv: [] so that the worker does not inherit a TypeScript loader (--import tsx) it does not need.
              const w = new Worker(SCAN_WORKER, { workerData: task, execArgv: [] });
              workers.push(w);
              w.on("message", (m: ScanWorkerMessage) => {
                if (m.type === "progress") {
                  progress[i] = m.bytes;
                  report(progress.reduce((a, b) => a + b, 0));
                } else if (m.type === "result") {
                  results[i] = m.outcome;
                  if (m.outcome.kind === "quote-found") {
                    quoteFound = true;
                    for (const other of workers) void other.terminate();
                  }
                  resolve();
                } else {
                  const err = m.code === "internal" ? new Error(m.message) : toBiasAuditError(m.code, m.params);
                  results[i] = { error: err, lineFeedsBefore: m.lineFeedsBefore };
                  resolve();
                }
              });
              w.on("error", (e) => {
                results[i] = { error: e, lineFeedsBefore: null };
                resolve();
              });
              w.on("exit", () => resolve());
            }),
        ),
      );
    } finally {
      for (const w of workers) void w.terminate();
    }
    if (quoteFound) return null;
    let lineFeeds = 0;
    const outcomes: RangeOutcome[] = [];
    for (let i = 0; i < threads; i++) {
      const r = results[i];
      if (r === undefined) throw new Error(`scan worker ${i} stopped without a result`);
      if ("error" in r) throw this.locate(r, head, lineFeeds);
      if (r.kind === "table") lineFeeds += r.table.lineFeeds;
      outcomes.push(r);
    }
    return outcomes;
  }
}
