// The streaming CSV scanner: walks raw bytes record by record and adds each
// row to the count table. No line is split into strings; only the fields the
// audit needs are looked at, group values are interned from their bytes.
//
// Feed it consecutive buffers; it returns how many bytes it consumed, and the
// caller keeps the unconsumed tail (an incomplete record) for the next call.

import { BiasAuditError } from "./errors.ts";
import type { ScanPlan } from "./config.ts";
import { binLabel } from "./config.ts";
import { ByteInterner, CellTable, type CountTableData, FN, FP, TN, TP } from "./count-table.ts";
import { bytesEqual, decodeField, parseBoolean, parseNumber } from "./bytes.ts";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;

/** Thrown inside a byte range; lineFeedsBefore is local to the range. */
export class ScanError extends Error {
  constructor(
    readonly error: BiasAuditError,
    readonly lineFeedsBefore: number,
  ) {
    super(error.message);
  }
}

const ROLE_IGNORE = -1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

export class RecordScanner {
  private readonly roles: Int16Array;
  private readonly keyCount: number;
  private readonly predRole: number;
  private readonly labelRole: number;
  private readonly fs: Int32Array;
  private readonly fe: Int32Array;
  private readonly fq: Uint8Array;
  /** FNV-1a hash of each group field, computed during the scan (valid when fq = 0 and untrimmed). */
  private readonly fh: Int32Array;
  private readonly ids: Int32Array;
  private readonly interners: ByteInterner[];
  private readonly bins: (number[] | null)[];
  private readonly binIds: Int32Array[];
  private readonly cells: CellTable;
  private readonly threshold: number;
  private readonly predMode: 0 | 1 | 2;
  private readonly predValue: Uint8Array;
  rows = 0;
  lineFeeds = 0;
  missingPrediction = 0;
  missingLabel = 0;
  sawQuote = false;

  constructor(private readonly plan: ScanPlan) {
    this.roles = new Int16Array(plan.columnCount).fill(ROLE_IGNORE);
    this.keyCount = plan.keys.length;
    plan.keys.forEach((k, i) => (this.roles[k.index] = i));
    this.predRole = this.keyCount;
    this.labelRole = this.keyCount + 1;
    // A column can have two roles (e.g. group and prediction); the later role wins the slot,
    // so such columns are rejected in buildPlan's caller via distinct checks.
    this.roles[plan.prediction.index] = this.predRole;
    if (plan.label) this.roles[plan.label.index] = this.labelRole;
    const slots = this.keyCount + 2;
    this.fs = new Int32Array(slots);
    this.fe = new Int32Array(slots);
    this.fq = new Uint8Array(slots);
    this.fh = new Int32Array(slots);
    this.ids = new Int32Array(this.keyCount);
    this.interners = plan.keys.map((k) => new ByteInterner(k.name, plan.maxDistinctValues));
    this.bins = plan.keys.map((k) => k.bins);
    // For binned columns the interner holds the bin labels; intern them up front in order.
    this.binIds = plan.keys.map((k, i) => {
      const b = k.bins;
      if (!b) return new Int32Array(0);
      const interner = this.interners[i] as ByteInterner;
      const out = new Int32Array(b.length + 1);
      for (let j = 0; j <= b.length; j++) out[j] = interner.internText(binLabel(b, j));
      return out;
    });
    this.cells = new CellTable(this.keyCount);
    const rule = plan.prediction.rule;
    this.predMode = rule.mode === "threshold" ? 0 : rule.mode === "binary" ? 1 : 2;
    this.threshold = rule.mode === "threshold" ? rule.threshold : 0;
    this.predValue = rule.mode === "category" ? Buffer.from(rule.value, "utf8") : new Uint8Array(0);
  }

  /**
   * Scan complete records in buf[pos, end). Records whose first byte is at or
   * after stopAt are left alone (they belong to the next byte range).
   * Returns the offset of the first unconsumed byte, and whether stopAt was reached.
   */
  feed(buf: Uint8Array, pos: number, end: number, isFinal: boolean, stopAt: number): { next: number; stopped: boolean } {
    const delim = this.plan.delimiter;
    const nCols = this.plan.columnCount;
    const roles = this.roles;
    const fs = this.fs;
    const fe = this.fe;
    const fq = this.fq;
    const fh = this.fh;
    const keyCount = this.keyCount;
    let p = pos;
    while (p < end) {
      if (p >= stopAt) return { next: p, stopped: true };
      const recStart = p;
      if (buf[p] === LF) {
        this.lineFeeds++;
        p++;
        continue;
      }
      if (buf[p] === CR && p + 1 < end && buf[p + 1] === LF) {
        this.lineFeeds++;
        p += 2;
        continue;
      }
      let col = 0;
      let quotedLineFeeds = 0;
      let ended = false;
      for (;;) {
        let s = p;
        let e: number;
        let quoted = 0;
        if (buf[p] === QUOTE) {
          this.sawQuote = true;
          p++;
          s = p;
          for (;;) {
            if (p >= end) return { next: recStart, stopped: false };
            const c = buf[p];
            if (c === QUOTE) {
              if (p + 1 < end && buf[p + 1] === QUOTE) {
                quoted = 2;
                p += 2;
                continue;
              }
              if (p + 1 >= end && !isFinal) return { next: recStart, stopped: false };
              break;
            }
            if (c === LF) quotedLineFeeds++;
            p++;
          }
          e = p;
          if (quoted === 0) quoted = 1;
          p++;
          // Lenient: anything between the closing quote and the delimiter is ignored.
          while (p < end && buf[p] !== delim && buf[p] !== LF) p++;
        } else if (col < nCols && (roles[col] as number) >= 0 && (roles[col] as number) < keyCount) {
          // Group value: hash while scanning, so interning needs no second pass.
          let h = FNV_OFFSET;
          while (p < end) {
            const c = buf[p] as number;
            if (c === delim || c === LF) break;
            h = Math.imul(h ^ c, FNV_PRIME);
            p++;
          }
          e = p;
          fh[roles[col] as number] = h;
        } else {
          while (p < end) {
            const c = buf[p];
            if (c === delim || c === LF) break;
            p++;
          }
          e = p;
        }
        if (p >= end && !isFinal) return { next: recStart, stopped: false };
        const atLineEnd = p >= end || buf[p] === LF;
        if (atLineEnd && quoted === 0 && e > s && buf[e - 1] === CR) {
          e--;
          quoted = 3; // the inline hash included the CR: mark it stale
        }
        if (col < nCols) {
          const role = roles[col] as number;
          if (role >= 0) {
            fs[role] = s;
            fe[role] = e;
            fq[role] = quoted;
          }
        }
        col++;
        if (atLineEnd) {
          if (p < end) {
            p++;
            ended = true;
          }
          break;
        }
        p++;
      }
      if (col !== nCols) {
        throw new ScanError(
          new BiasAuditError("ragged-row", { line: -1, found: col, expected: nCols }),
          this.lineFeeds,
        );
      }
      this.row(buf);
      this.lineFeeds += quotedLineFeeds + (ended ? 1 : 0);
    }
    return { next: p, stopped: false };
  }

  private fail(code: "non-numeric-score" | "bad-prediction" | "bad-label" | "bad-number", column: string, buf: Uint8Array, role: number): never {
    const value = decodeField(buf, this.fs[role] as number, this.fe[role] as number, this.fq[role] === 2).slice(0, 60);
    throw new ScanError(new BiasAuditError(code, { line: -1, column, value }), this.lineFeeds);
  }

  private row(buf: Uint8Array): void {
    const fs = this.fs;
    const fe = this.fe;
    // Prediction first: rows without one are excluded before touching the table.
    let s = fs[this.predRole] as number;
    let e = fe[this.predRole] as number;
    while (s < e && buf[s] === SPACE) s++;
    while (e > s && buf[e - 1] === SPACE) e--;
    if (s === e) {
      this.missingPrediction++;
      return;
    }
    let pred: number;
    if (this.predMode === 0) {
      const v = parseNumber(buf, s, e);
      if (v !== v) this.fail("non-numeric-score", this.plan.prediction.name, buf, this.predRole);
      pred = v >= this.threshold ? 1 : 0;
    } else if (this.predMode === 1) {
      pred = parseBoolean(buf, s, e);
      if (pred < 0) this.fail("bad-prediction", this.plan.prediction.name, buf, this.predRole);
    } else {
      pred = bytesEqual(buf, s, e, this.predValue) ? 1 : 0;
    }
    let label = 0;
    if (this.plan.label) {
      s = fs[this.labelRole] as number;
      e = fe[this.labelRole] as number;
      while (s < e && buf[s] === SPACE) s++;
      while (e > s && buf[e - 1] === SPACE) e--;
      if (s === e) {
        this.missingLabel++;
        return;
      }
      label = parseBoolean(buf, s, e);
      if (label < 0) this.fail("bad-label", this.plan.label.name, buf, this.labelRole);
    }
    const ids = this.ids;
    for (let k = 0; k < this.keyCount; k++) {
      const s0 = fs[k] as number;
      const e0 = fe[k] as number;
      s = s0;
      e = e0;
      while (s < e && buf[s] === SPACE) s++;
      while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === CR)) e--;
      const interner = this.interners[k] as ByteInterner;
      const bins = this.bins[k];
      if (bins === null && this.fq[k] === 0 && s === s0 && e === e0) {
        ids[k] = interner.internHashed(buf, s, e, this.fh[k] as number);
      } else if (bins && s < e) {
        const v = parseNumber(buf, s, e);
        if (v !== v) this.fail("bad-number", this.plan.keys[k]?.name ?? "", buf, k);
        let b = 0;
        while (b < bins.length && v >= (bins[b] as number)) b++;
        ids[k] = (this.binIds[k] as Int32Array)[b] as number;
      } else if (this.fq[k] === 2) {
        ids[k] = interner.internText(decodeField(buf, s, e, true));
      } else {
        ids[k] = interner.intern(buf, s, e);
      }
    }
    const cell = this.cells.cellOf(ids);
    const slot = cell * 4 + (pred === 1 ? (label === 1 ? TP : FP) : label === 1 ? FN : TN);
    const counts = this.cells.counts;
    counts[slot] = (counts[slot] as number) + 1;
    this.rows++;
  }

  result(bytes: number): CountTableData {
    const w = this.keyCount;
    return {
      keyNames: this.plan.keys.map((k) => k.name),
      dictionaries: this.interners.map((i) => [...i.values]),
      keys: this.cells.keys.slice(0, this.cells.cellCount * w),
      counts: this.cells.counts.slice(0, this.cells.cellCount * 4),
      cellCount: this.cells.cellCount,
      rows: this.rows,
      excluded: { missingPrediction: this.missingPrediction, missingLabel: this.missingLabel },
      lineFeeds: this.lineFeeds,
      bytes,
      sawQuote: this.sawQuote,
    };
  }
}
