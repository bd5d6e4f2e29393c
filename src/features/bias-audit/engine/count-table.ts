// The finest-grain count table: one cell per distinct combination of key
// values (group attributes and scan features), holding the confusion counts.
// Every metric, intersection and roll-up is derived from it afterwards.

import { BiasAuditError } from "./errors.ts";

/** Slot order within a cell: predicted 1 & label 1, 1 & 0, 0 & 1, 0 & 0. Without a label, label counts as 0. */
export const TP = 0;
export const FP = 1;
export const FN = 2;
export const TN = 3;

/** Plain, structured-cloneable form (posted from scanner workers). */
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

/** Interns values of one column by their bytes, so no string is made per row. */
export class ByteInterner {
  private table = new Int32Array(1024);
  private mask = 1023;
  private hashes = new Int32Array(64);
  private offsets = new Int32Array(64);
  private lengths = new Int32Array(64);
  private arena = new Uint8Array(4096);
  private arenaUsed = 0;
  readonly values: string[] = [];

  constructor(
    private readonly column: string,
    private readonly limit: number,
  ) {}

  get size(): number {
    return this.values.length;
  }

  intern(buf: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 16777619);
    return this.internHashed(buf, s, e, h);
  }

  /** h must be the FNV-1a hash of buf[s, e) as computed in intern(). */
  internHashed(buf: Uint8Array, s: number, e: number, h: number): number {
    const len = e - s;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.table[slot] as number;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === h && this.lengths[id] === len) {
        const off = this.offsets[id] as number;
        let same = true;
        for (let i = 0; i < len; i++) {
          if (this.arena[off + i] !== buf[s + i]) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
      slot = (slot + 1) & this.mask;
    }
    return this.add(buf, s, e, h, slot, Buffer.from(buf.buffer, buf.byteOffset + s, len).toString("utf8"));
  }

  /** For values that had to be decoded (quoted with escapes): intern by text. */
  internText(text: string): number {
    const bytes = Buffer.from(text, "utf8");
    return this.intern(bytes, 0, bytes.length);
  }

  private add(buf: Uint8Array, s: number, e: number, h: number, slot: number, text: string): number {
    const id = this.values.length;
    if (id >= this.limit) throw new BiasAuditError("too-many-groups", { column: this.column, limit: this.limit });
    const len = e - s;
    if (id >= this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
    }
    while (this.arenaUsed + len > this.arena.length) {
      const next = new Uint8Array(this.arena.length * 2);
      next.set(this.arena);
      this.arena = next;
    }
    this.arena.set(buf.subarray(s, e), this.arenaUsed);
    this.hashes[id] = h;
    this.offsets[id] = this.arenaUsed;
    this.lengths[id] = len;
    this.arenaUsed += len;
    this.values.push(text);
    this.table[slot] = id + 1;
    if ((id + 1) * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.values.length; id++) {
      let slot = (this.hashes[id] as number) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/** Open-addressing map from a tuple of value ids to a cell. */
export class CellTable {
  keys: Int32Array;
  counts: Float64Array;
  cellCount = 0;
  private table = new Int32Array(1024);
  private mask = 1023;

  constructor(readonly width: number) {
    this.keys = new Int32Array(64 * Math.max(1, width));
    this.counts = new Float64Array(64 * 4);
  }

  cellOf(ids: Int32Array): number {
    const w = this.width;
    let h = 0x9e3779b9 | 0;
    for (let k = 0; k < w; k++) {
      h = Math.imul(h ^ (ids[k] as number), 0x85ebca6b);
      h ^= h >>> 13;
    }
    let slot = h & this.mask;
    for (;;) {
      const entry = this.table[slot] as number;
      if (entry === 0) break;
      const cell = entry - 1;
      const base = cell * w;
      let same = true;
      for (let k = 0; k < w; k++) {
        if (this.keys[base + k] !== ids[k]) {
          same = false;
          break;
        }
      }
      if (same) return cell;
      slot = (slot + 1) & this.mask;
    }
    const cell = this.cellCount++;
    if ((cell + 1) * w > this.keys.length) {
      const next = new Int32Array(this.keys.length * 2);
      next.set(this.keys);
      this.keys = next;
      const c = new Float64Array(this.counts.length * 2);
      c.set(this.counts);
      this.counts = c;
    }
    for (let k = 0; k < w; k++) this.keys[cell * w + k] = ids[k] as number;
    this.table[slot] = cell + 1;
    if (this.cellCount * 2 > this.table.length) this.rehash();
    return cell;
  }

  private rehash(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    const w = this.width;
    for (let cell = 0; cell < this.cellCount; cell++) {
      let h = 0x9e3779b9 | 0;
      for (let k = 0; k < w; k++) {
        h = Math.imul(h ^ (this.keys[cell * w + k] as number), 0x85ebca6b);
        h ^= h >>> 13;
      }
      let slot = h & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = cell + 1;
    }
  }
}

/** Merge tables from several byte ranges; value ids are re-mapped by text. */
export function mergeTables(parts: CountTableData[]): CountTableData {
  const first = parts[0];
  if (!first) throw new Error("mergeTables: nothing to merge");
  if (parts.length === 1) return first;
  const width = first.keyNames.length;
  const dicts: string[][] = first.keyNames.map(() => []);
  const lookup: Map<string, number>[] = first.keyNames.map(() => new Map());
  const cells = new CellTable(width);
  const ids = new Int32Array(width);
  const out: CountTableData = {
    keyNames: first.keyNames,
    dictionaries: dicts,
    keys: new Int32Array(0),
    counts: new Float64Array(0),
    cellCount: 0,
    rows: 0,
    excluded: { missingPrediction: 0, missingLabel: 0 },
    lineFeeds: 0,
    bytes: 0,
    sawQuote: false,
  };
  for (const part of parts) {
    const remap = part.dictionaries.map((dict, k) =>
      dict.map((v) => {
        const m = lookup[k] as Map<string, number>;
        let id = m.get(v);
        if (id === undefined) {
          id = (dicts[k] as string[]).length;
          (dicts[k] as string[]).push(v);
          m.set(v, id);
        }
        return id;
      }),
    );
    for (let c = 0; c < part.cellCount; c++) {
      for (let k = 0; k < width; k++) ids[k] = (remap[k] as number[])[part.keys[c * width + k] as number] as number;
      const cell = cells.cellOf(ids);
      for (let s = 0; s < 4; s++) cells.counts[cell * 4 + s] = (cells.counts[cell * 4 + s] as number) + (part.counts[c * 4 + s] as number);
    }
    out.rows += part.rows;
    out.excluded.missingPrediction += part.excluded.missingPrediction;
    out.excluded.missingLabel += part.excluded.missingLabel;
    out.lineFeeds += part.lineFeeds;
    out.bytes += part.bytes;
    out.sawQuote ||= part.sawQuote;
  }
  out.keys = cells.keys.slice(0, cells.cellCount * width);
  out.counts = cells.counts.slice(0, cells.cellCount * 4);
  out.cellCount = cells.cellCount;
  return out;
}
