// Types of scan-core.mjs (plain JavaScript so scanner workers need no TypeScript loader).

import type { ScanPlan } from "./config.ts";

export const TP: 0;
export const FP: 1;
export const FN: 2;
export const TN: 3;

/** Plain, structured-cloneable count table (posted from scanner workers). */
export interface CountTableData {
  keyNames: string[];
  /** Per key column, the value text by id; "" is a missing value. */
  dictionaries: string[][];
  keys: Int32Array;
  counts: Float64Array;
  cellCount: number;
  rows: number;
  excluded: { missingPrediction: number; missingLabel: number };
  /** Line feeds consumed (for line numbers across byte ranges). */
  lineFeeds: number;
  bytes: number;
  sawQuote: boolean;
}

/** A scan failure: a BiasAuditError code with parameters; lineFeedsBefore is local to the byte range (null: no line). */
export class ScanError extends Error {
  constructor(code: string, params: Record<string, string | number>, lineFeedsBefore: number | null);
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly lineFeedsBefore: number | null;
}

export function parseNumber(buf: Uint8Array, s: number, e: number): number;
export function parseBoolean(buf: Uint8Array, s: number, e: number): number;
export function bytesEqual(buf: Uint8Array, s: number, e: number, target: Uint8Array): boolean;
export function decodeField(buf: Uint8Array, s: number, e: number, escaped: boolean): string;
export function binLabel(bins: readonly number[], i: number): string;

export class ByteInterner {
  constructor(column: string, limit: number);
  readonly values: string[];
  get size(): number;
  intern(buf: Uint8Array, s: number, e: number): number;
  internHashed(buf: Uint8Array, s: number, e: number, h: number): number;
  internText(text: string): number;
}

export class CellTable {
  constructor(width: number);
  readonly width: number;
  keys: Int32Array;
  counts: Float64Array;
  cellCount: number;
  cellOf(ids: Int32Array): number;
}

export interface RecordScannerOptions {
  /** false: the general path only (for tests and comparisons). */
  fastPath?: boolean;
}

export class RecordScanner {
  constructor(plan: ScanPlan, options?: RecordScannerOptions);
  rows: number;
  lineFeeds: number;
  missingPrediction: number;
  missingLabel: number;
  sawQuote: boolean;
  fastRows: number;
  generalRecords: number;
  /** Set by scan/feed: stopAt was reached. */
  stopped: boolean;
  /** Fast path where possible, general path elsewhere. Returns the first unconsumed offset. */
  scan(buf: Uint8Array, pos: number, end: number, isFinal: boolean, stopAt: number): number;
  /** General path only; maxRecords -1 for no limit. */
  feed(buf: Uint8Array, pos: number, end: number, isFinal: boolean, stopAt: number, maxRecords: number): number;
  result(bytes: number): CountTableData;
}

export interface RangeTask {
  filePath: string;
  plan: ScanPlan;
  /** Absolute byte offsets. The first range starts exactly at the first data record. */
  start: number;
  end: number;
  alignToLine: boolean;
  /**
   * Splitting at line feeds is only safe without quoted fields (they may hold
   * line breaks). Ranges stop as soon as they see a quote, and the caller falls back to one pass.
   */
  abortOnQuote: boolean;
  /** Read buffer size (default 8 MiB); small values are for tests. */
  chunkBytes?: number;
  /** false: general path only. */
  fastPath?: boolean;
}

export interface ScanStats {
  fastRows: number;
  generalRecords: number;
}

export type RangeOutcome = { kind: "table"; table: CountTableData; stats?: ScanStats } | { kind: "quote-found" };

export function scanRange(task: RangeTask, onProgress?: (bytesDone: number) => void, options?: { yieldEvery?: number }): Promise<RangeOutcome>;

export type ScanWorkerMessage =
  | { type: "progress"; bytes: number }
  | { type: "result"; outcome: RangeOutcome }
  | { type: "error"; code: string; params: Record<string, string | number>; lineFeedsBefore: number | null; message: string };
