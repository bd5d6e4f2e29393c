// The CSV scanning core, in plain JavaScript so that scanner worker threads
// start without a TypeScript loader (types: scan-core.d.mts).
//
// Two record paths share one count table:
//   - the general path (feed): any CSV record — quoted fields with delimiters,
//     escaped quotes and line breaks, CR LF, spaces around values, blank lines;
//   - the fast path (fast): unquoted records only. Each used column is
//     recognised by a byte trie that maps the raw bytes of a field straight to
//     the value the general path gave those same bytes (a group id, a 0/1 label
//     or prediction); a score is parsed while its digits are visited. No
//     strings, no subarrays, no hashing, no allocation per row.
// The fast path learns from the general path: a record it cannot finish (an
// unseen value, a quote, an odd number, a ragged row) is handed to the general
// path, and the byte strings of that record's fields are then added to the
// tries. Both paths thus give identical results by construction; the tests
// compare them on the same data (scan-paths.test.ts).

import { closeSync, openSync, readSync } from "node:fs";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;

/** Slot order within a cell: predicted 1 & label 1, 1 & 0, 0 & 1, 0 & 0. */
export const TP = 0;
export const FP = 1;
export const FN = 2;
export const TN = 3;

/** A scan failure: an error code with parameters, and the line feeds before the record (local to the byte range). */
export class ScanError extends Error {
  constructor(code, params, lineFeedsBefore) {
    super(`${code} ${JSON.stringify(params)}`);
    this.code = code;
    this.params = params;
    this.lineFeedsBefore = lineFeedsBefore;
  }
}

// ---------------------------------------------------------------------------
// Bytes

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];
const POW10F = new Float64Array(POW10);

/** Parse a decimal number from buf[s, e) (already trimmed). NaN when it is not a number. */
export function parseNumber(buf, s, e) {
  if (s >= e) return Number.NaN;
  let p = s;
  let neg = false;
  let c = buf[p];
  if (c === 45 || c === 43) {
    neg = c === 45;
    p++;
  }
  let mant = 0;
  let digits = 0;
  let frac = 0;
  while (p < e) {
    c = buf[p];
    if (c < 48 || c > 57) break;
    mant = mant * 10 + (c - 48);
    digits++;
    p++;
  }
  if (p < e && buf[p] === 46) {
    p++;
    while (p < e) {
      c = buf[p];
      if (c < 48 || c > 57) break;
      mant = mant * 10 + (c - 48);
      digits++;
      frac++;
      p++;
    }
  }
  // Exponents, commas, long mantissas etc.: exact parsing is Number()'s job.
  if (p !== e || digits === 0 || digits > 15) return slowNumber(buf, s, e);
  const v = frac === 0 ? mant : mant / POW10[frac];
  return neg ? -v : v;
}

function slowNumber(buf, s, e) {
  const text = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("latin1").trim();
  if (text === "" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

/** 1 for true-like, 0 for false-like, -1 otherwise. Accepts 0/1 (also 0.0/1.0), true/false, yes/no, ja/nee. */
export function parseBoolean(buf, s, e) {
  const len = e - s;
  const c0 = buf[s];
  if (len === 1) {
    if (c0 === 49) return 1;
    if (c0 === 48) return 0;
  }
  if ((c0 >= 48 && c0 <= 57) || c0 === 46 || c0 === 43 || c0 === 45) {
    const v = parseNumber(buf, s, e);
    return v === 1 ? 1 : v === 0 ? 0 : -1;
  }
  if (len > 5) return -1;
  let word = "";
  for (let i = s; i < e; i++) word += String.fromCharCode(buf[i] | 0x20);
  if (word === "true" || word === "yes" || word === "ja") return 1;
  if (word === "false" || word === "no" || word === "nee") return 0;
  return -1;
}

export function bytesEqual(buf, s, e, target) {
  if (e - s !== target.length) return false;
  for (let i = 0; i < target.length; i++) if (buf[s + i] !== target[i]) return false;
  return true;
}

export function decodeField(buf, s, e, escaped) {
  const text = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("utf8");
  return escaped ? text.replaceAll('""', '"') : text;
}

/** Display label of bin i for sorted cut points. */
export function binLabel(bins, i) {
  if (i === 0) return `< ${bins[0]}`;
  if (i === bins.length) return `>= ${bins[bins.length - 1]}`;
  return `${bins[i - 1]} - < ${bins[i]}`;
}

// ---------------------------------------------------------------------------
// Count table parts

function grow(a) {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/** Interns values of one column by their bytes (hash, then a byte comparison), so no string is made per row. */
export class ByteInterner {
  constructor(column, limit) {
    this.column = column;
    this.limit = limit;
    this.table = new Int32Array(1024);
    this.mask = 1023;
    this.hashes = new Int32Array(64);
    this.offsets = new Int32Array(64);
    this.lengths = new Int32Array(64);
    this.arena = new Uint8Array(4096);
    this.arenaUsed = 0;
    this.values = [];
  }

  get size() {
    return this.values.length;
  }

  intern(buf, s, e) {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 16777619);
    return this.internHashed(buf, s, e, h);
  }

  /** h must be the FNV-1a hash of buf[s, e) as computed in intern(). */
  internHashed(buf, s, e, h) {
    const len = e - s;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.table[slot];
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === h && this.lengths[id] === len) {
        const off = this.offsets[id];
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
  internText(text) {
    const bytes = Buffer.from(text, "utf8");
    return this.intern(bytes, 0, bytes.length);
  }

  add(buf, s, e, h, slot, text) {
    const id = this.values.length;
    if (id >= this.limit) throw new ScanError("too-many-groups", { column: this.column, limit: this.limit }, null);
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

  rehash() {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.values.length; id++) {
      let slot = this.hashes[id] & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}

/** Open-addressing map from a tuple of value ids to a cell. */
export class CellTable {
  constructor(width) {
    this.width = width;
    this.keys = new Int32Array(64 * Math.max(1, width));
    this.counts = new Float64Array(64 * 4);
    this.cellCount = 0;
    this.table = new Int32Array(1024);
    this.mask = 1023;
  }

  cellOf(ids) {
    const w = this.width;
    let h = 0x9e3779b9 | 0;
    for (let k = 0; k < w; k++) {
      h = Math.imul(h ^ ids[k], 0x85ebca6b);
      h ^= h >>> 13;
    }
    let slot = h & this.mask;
    for (;;) {
      const entry = this.table[slot];
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
    for (let k = 0; k < w; k++) this.keys[cell * w + k] = ids[k];
    this.table[slot] = cell + 1;
    if (this.cellCount * 2 > this.table.length) this.rehash();
    return cell;
  }

  rehash() {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    const w = this.width;
    for (let cell = 0; cell < this.cellCount; cell++) {
      let h = 0x9e3779b9 | 0;
      for (let k = 0; k < w; k++) {
        h = Math.imul(h ^ this.keys[cell * w + k], 0x85ebca6b);
        h ^= h >>> 13;
      }
      let slot = h & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = cell + 1;
    }
  }
}

// ---------------------------------------------------------------------------
// Byte tries for the fast path

/*
 * A trie per used column maps the raw bytes of a field, up to its terminator
 * (delimiter or line feed), to a value. Nodes are 256 Int32 entries, indexed
 * by the next byte:
 *   0                       unknown (the general path decides, then the trie learns);
 *   < 0                     a terminal -(value + 1), found on the terminator byte;
 *   > 0, multiple of 256    the next node's offset;
 *   > 0, otherwise          a tail: the only value learned below this byte so far.
 *                           (x >> 8) indexes tm: [start in tb, length, terminator, value];
 *                           the rest of the field must equal those bytes.
 * Tails make a lookup mostly a plain byte comparison (independent loads)
 * instead of a chain of dependent table loads; a tail is split into a node
 * when a second value with the same prefix is learned.
 */
const TRIE_MAX_NODES = 8192; // 8 MiB of nodes per column at most; beyond that, new values stay on the general path
const TRIE_MAX_TAIL_BYTES = 16 << 20;

function newTrie() {
  return { t: new Int32Array(256 * 4), nodes: 1, tm: new Int32Array(4 * 16), tails: 0, tb: new Uint8Array(256), tbUsed: 0, full: false };
}

function newNode(trie) {
  if (trie.nodes >= TRIE_MAX_NODES) return -1;
  if ((trie.nodes + 1) * 256 > trie.t.length) {
    const bigger = new Int32Array(trie.t.length * 2);
    bigger.set(trie.t);
    trie.t = bigger;
  }
  return trie.nodes++ * 256;
}

/** Stores a tail (bytes src[s, e), then term, then value); returns its entry, or 0 when the trie is full. */
function addTail(trie, src, s, e, term, value) {
  const len = e - s;
  if (trie.tbUsed + len > TRIE_MAX_TAIL_BYTES) return 0;
  while (trie.tbUsed + len > trie.tb.length) {
    const bigger = new Uint8Array(trie.tb.length * 2);
    bigger.set(trie.tb);
    trie.tb = bigger;
  }
  if ((trie.tails + 1) * 4 > trie.tm.length) {
    const bigger = new Int32Array(trie.tm.length * 2);
    bigger.set(trie.tm);
    trie.tm = bigger;
  }
  // src may be the old tb itself: copy byte by byte from it (it is still intact).
  const tb = trie.tb;
  for (let i = 0; i < len; i++) tb[trie.tbUsed + i] = src[s + i];
  const m = trie.tails * 4;
  trie.tm[m] = trie.tbUsed;
  trie.tm[m + 1] = len;
  trie.tm[m + 2] = term;
  trie.tm[m + 3] = value;
  trie.tbUsed += len;
  trie.tails++;
  return (m << 8) | 1;
}

/** Adds raw field bytes buf[s, e) followed by the terminator byte term, leading to value. */
function trieInsert(trie, buf, s, e, term, value) {
  if (trie.full) return;
  let node = 0;
  let i = s;
  for (;;) {
    if (i === e) {
      if (trie.t[node + term] === 0) trie.t[node + term] = -(value + 1);
      return;
    }
    const c = buf[i];
    const x = trie.t[node + c];
    if (x === 0) {
      const tail = addTail(trie, buf, i + 1, e, term, value);
      if (tail === 0) trie.full = true;
      else trie.t[node + c] = tail;
      return;
    }
    if (x < 0) return; // cannot happen: a field's bytes hold no terminator
    if ((x & 255) === 0) {
      node = x;
      i++;
      continue;
    }
    // Split a tail: a node for this byte, the tail's rest below it.
    const n = newNode(trie);
    if (n < 0) {
      trie.full = true;
      return;
    }
    const m = x >> 8;
    const ts = trie.tm[m];
    const tl = trie.tm[m + 1];
    const tterm = trie.tm[m + 2];
    const tval = trie.tm[m + 3];
    if (tl === 0) trie.t[n + tterm] = -(tval + 1);
    else {
      const rest = addTail(trie, trie.tb, ts + 1, ts + tl, tterm, tval);
      if (rest === 0) {
        trie.full = true;
        return; // the old entry stays as it was: still correct
      }
      trie.t[n + trie.tb[ts]] = rest;
    }
    trie.t[node + c] = n;
    node = n;
    i++;
  }
}

// ---------------------------------------------------------------------------
// The scanner

const ROLE_IGNORE = -1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

const KIND_SKIP = 0;
const KIND_TRIE = 1;
const KIND_SCORE = 2;

/** When the fast path fails far more often than it succeeds, batches of records go to the general path (without learning). */
const MISS_BUDGET = 256;
const GENERAL_BATCH = 4096;

export class RecordScanner {
  constructor(plan, options = {}) {
    this.plan = plan;
    this.rows = 0;
    this.lineFeeds = 0;
    this.missingPrediction = 0;
    this.missingLabel = 0;
    this.sawQuote = false;
    /** Records done by each path (for tests and profiling). */
    this.fastRows = 0;
    this.generalRecords = 0;
    this.stopped = false;
    this.keyCount = plan.keys.length;
    this.roles = new Int16Array(plan.columnCount).fill(ROLE_IGNORE);
    plan.keys.forEach((k, i) => (this.roles[k.index] = i));
    this.predRole = this.keyCount;
    this.labelRole = this.keyCount + 1;
    this.roles[plan.prediction.index] = this.predRole;
    if (plan.label) this.roles[plan.label.index] = this.labelRole;
    const slots = this.keyCount + 2;
    this.fs = new Int32Array(slots);
    this.fe = new Int32Array(slots);
    /** Raw field end: the terminator's offset for unquoted fields, -1 for quoted ones. */
    this.fr = new Int32Array(slots);
    this.fq = new Uint8Array(slots);
    this.fh = new Int32Array(slots);
    this.ids = new Int32Array(this.keyCount);
    this.interners = plan.keys.map((k) => new ByteInterner(k.name, plan.maxDistinctValues));
    this.bins = plan.keys.map((k) => k.bins);
    this.binIds = plan.keys.map((k, i) => {
      const b = k.bins;
      if (!b) return new Int32Array(0);
      const interner = this.interners[i];
      const out = new Int32Array(b.length + 1);
      for (let j = 0; j <= b.length; j++) out[j] = interner.internText(binLabel(b, j));
      return out;
    });
    this.cells = new CellTable(this.keyCount);
    const rule = plan.prediction.rule;
    this.predMode = rule.mode === "threshold" ? 0 : rule.mode === "binary" ? 1 : 2;
    this.threshold = rule.mode === "threshold" ? rule.threshold : 0;
    this.predValue = rule.mode === "category" ? Buffer.from(rule.value, "utf8") : new Uint8Array(0);
    this.lastPred = 0;
    this.lastLabel = 0;
    this.lastCounted = false;

    // Fast path set-up: per column a kind, and for trie columns the role whose value the trie yields.
    // (A carriage return as delimiter would clash with CR LF line ends: general path only.)
    this.fastEnabled = options.fastPath !== false && plan.delimiter !== CR && plan.delimiter !== LF && plan.delimiter !== QUOTE;
    const n = plan.columnCount;
    this.kinds = new Uint8Array(n);
    this.colRole = new Int32Array(n).fill(-1);
    this.tries = [];
    for (let col = 0; col < n; col++) {
      const role = this.roles[col];
      this.tries.push(null);
      if (role < 0) continue;
      this.colRole[col] = role;
      if (role === this.predRole && this.predMode === 0) this.kinds[col] = KIND_SCORE;
      else {
        this.kinds[col] = KIND_TRIE;
        this.tries[col] = newTrie();
      }
    }
    /** Stop bytes outside a trie: delimiter, line feed, carriage return, quote. */
    this.stop = new Uint8Array(256);
    this.stop[plan.delimiter] = 1;
    this.stop[LF] = 1;
    this.stop[CR] = 1;
    this.stop[QUOTE] = 1;
    // Cell lookup: ids packed into a small code, cached in a direct table while the dictionaries are small.
    this.bits = new Int32Array(this.keyCount);
    this.cellCache = new Int32Array(1);
    this.codeOk = false;
    this.dictSizes = new Int32Array(this.keyCount);
    this.updateCodes();
  }

  /** Recomputes bit widths of the cell code after dictionaries grew; clears the cache. */
  updateCodes() {
    let total = 0;
    for (let k = 0; k < this.keyCount; k++) {
      const size = this.interners[k].size;
      this.dictSizes[k] = size;
      let b = 1;
      while (1 << b < size) b++;
      this.bits[k] = b;
      total += b;
    }
    this.codeOk = total <= 16;
    // A fresh direct table of 2^total entries (at most 65536: 256 KiB).
    this.cellCache = new Int32Array(this.codeOk ? 1 << total : 1);
  }

  /**
   * Scan complete records in buf[pos, end). Records whose first byte is at or
   * after stopAt are left alone (they belong to the next byte range).
   * Returns the offset of the first unconsumed byte; this.stopped tells whether stopAt was reached.
   * Uses the fast path where it can, the general path elsewhere.
   */
  scan(buf, pos, end, isFinal, stopAt) {
    this.stopped = false;
    if (!this.fastEnabled) return this.feed(buf, pos, end, isFinal, stopAt, -1);
    const lastLf = end > pos ? lastIndexOfLf(buf, pos, end) : -1;
    const fastEnd = lastLf + 1;
    let p = pos;
    let misses = 0;
    let fastStart = this.fastRows;
    for (;;) {
      if (p < fastEnd && p < stopAt) {
        p = this.fast(buf, p, fastEnd < stopAt ? fastEnd : stopAt);
        if (!this.fastEnabled) return this.feed(buf, p, end, isFinal, stopAt, -1);
      }
      if (p >= stopAt && p < end) {
        this.stopped = true;
        return p;
      }
      if (p >= end) return p;
      if (p >= fastEnd && !isFinal) return p; // an incomplete record: wait for more bytes
      // Mostly general records here (e.g. every field quoted): hand over a batch instead of one record at a time.
      const batch = ++misses > MISS_BUDGET && misses > 4 * (this.fastRows - fastStart);
      if (batch) {
        misses = 0;
        fastStart = this.fastRows;
      }
      const next = this.feed(buf, p, end, isFinal, stopAt, batch ? GENERAL_BATCH : 1);
      if (this.stopped) return next;
      if (next === p) return p; // needs more bytes
      if (!batch && this.lastCounted) this.learn(buf);
      p = next;
    }
  }

  /** After the general path counted a record, add its unquoted used fields to the tries. */
  learn(buf) {
    const n = this.plan.columnCount;
    for (let col = 0; col < n; col++) {
      const trie = this.tries[col];
      if (trie === null) continue;
      const role = this.colRole[col];
      const rawEnd = this.fr[role];
      if (rawEnd < 0) continue;
      const term = buf[rawEnd];
      let value;
      if (role < this.keyCount) value = this.ids[role];
      else if (role === this.predRole) value = this.lastPred;
      else value = this.lastLabel;
      trieInsert(trie, buf, this.fs[role], rawEnd, term, value);
    }
    for (let k = 0; k < this.keyCount; k++) {
      if (this.interners[k].size !== this.dictSizes[k]) {
        this.updateCodes();
        break;
      }
    }
  }

  /**
   * The fast path over unquoted records in buf[p, ...): no record may start at
   * or after limit, and every record read here ends before the buffer's last
   * line feed. Returns where it stopped: at limit, or at the start of a record
   * it could not finish (that one goes to the general path).
   */
  fast(buf, p, limit) {
    if (!this.fastFn) {
      try {
        this.fastFn = compileFastPath(this);
      } catch {
        // Code generation disallowed (node --disallow-code-generation-from-strings): general path only.
        this.fastEnabled = false;
        return p;
      }
    }
    return this.fastFn(buf, p, limit);
  }

  /**
   * The general path: scan complete records in buf[pos, end), at most maxRecords of them (-1: no limit).
   * Returns the offset of the first unconsumed byte; sets this.stopped when stopAt was reached.
   */
  feed(buf, pos, end, isFinal, stopAt, maxRecords) {
    const delim = this.plan.delimiter;
    const nCols = this.plan.columnCount;
    const roles = this.roles;
    const fs = this.fs;
    const fe = this.fe;
    const fr = this.fr;
    const fq = this.fq;
    const fh = this.fh;
    const keyCount = this.keyCount;
    let records = 0;
    this.stopped = false;
    this.lastCounted = false;
    let p = pos;
    while (p < end) {
      if (p >= stopAt) {
        this.stopped = true;
        return p;
      }
      if (records === maxRecords) return p;
      records++;
      this.generalRecords++;
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
        let e;
        let quoted = 0;
        let rawEnd = -1;
        if (buf[p] === QUOTE) {
          this.sawQuote = true;
          p++;
          s = p;
          for (;;) {
            if (p >= end) {
              // A quote opened and never closed: an error at the line where it opened, never a silently shorter file.
              if (isFinal) throw new ScanError("unterminated-quote", { line: -1 }, this.lineFeeds);
              return recStart;
            }
            const c = buf[p];
            if (c === QUOTE) {
              if (p + 1 < end && buf[p + 1] === QUOTE) {
                quoted = 2;
                p += 2;
                continue;
              }
              if (p + 1 >= end && !isFinal) return recStart;
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
        } else if (col < nCols && roles[col] >= 0 && roles[col] < keyCount) {
          // Group value: hash while scanning, so interning needs no second pass.
          let h = FNV_OFFSET;
          while (p < end) {
            const c = buf[p];
            if (c === delim || c === LF) break;
            h = Math.imul(h ^ c, FNV_PRIME);
            p++;
          }
          e = p;
          rawEnd = p < end ? p : -1;
          fh[roles[col]] = h;
        } else {
          while (p < end) {
            const c = buf[p];
            if (c === delim || c === LF) break;
            p++;
          }
          e = p;
          rawEnd = p < end ? p : -1;
        }
        if (p >= end && !isFinal) return recStart;
        const atLineEnd = p >= end || buf[p] === LF;
        if (atLineEnd && quoted === 0 && e > s && buf[e - 1] === CR) {
          e--;
          quoted = 3; // the inline hash included the CR: mark it stale
        }
        if (col < nCols) {
          const role = roles[col];
          if (role >= 0) {
            fs[role] = s;
            fe[role] = e;
            fr[role] = rawEnd;
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
        throw new ScanError("ragged-row", { line: -1, found: col, expected: nCols }, this.lineFeeds);
      }
      this.row(buf);
      this.lineFeeds += quotedLineFeeds + (ended ? 1 : 0);
    }
    return p;
  }

  fail(code, column, buf, role) {
    const value = decodeField(buf, this.fs[role], this.fe[role], this.fq[role] === 2).slice(0, 60);
    throw new ScanError(code, { line: -1, column, value }, this.lineFeeds);
  }

  row(buf) {
    this.lastCounted = false;
    const fs = this.fs;
    const fe = this.fe;
    // Prediction first: rows without one are excluded before touching the table.
    let s = fs[this.predRole];
    let e = fe[this.predRole];
    while (s < e && buf[s] === SPACE) s++;
    while (e > s && buf[e - 1] === SPACE) e--;
    if (s === e) {
      this.missingPrediction++;
      return;
    }
    let pred;
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
      s = fs[this.labelRole];
      e = fe[this.labelRole];
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
      const s0 = fs[k];
      const e0 = fe[k];
      s = s0;
      e = e0;
      while (s < e && buf[s] === SPACE) s++;
      while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === CR)) e--;
      const interner = this.interners[k];
      const bins = this.bins[k];
      if (bins === null && this.fq[k] === 0 && s === s0 && e === e0) {
        ids[k] = interner.internHashed(buf, s, e, this.fh[k]);
      } else if (bins && s < e) {
        const v = parseNumber(buf, s, e);
        if (v !== v) this.fail("bad-number", this.plan.keys[k]?.name ?? "", buf, k);
        let b = 0;
        while (b < bins.length && v >= bins[b]) b++;
        ids[k] = this.binIds[k][b];
      } else if (this.fq[k] === 2) {
        ids[k] = interner.internText(decodeField(buf, s, e, true));
      } else {
        ids[k] = interner.intern(buf, s, e);
      }
    }
    const cell = this.cells.cellOf(ids);
    const slot = cell * 4 + (pred === 1 ? (label === 1 ? TP : FP) : label === 1 ? FN : TN);
    const counts = this.cells.counts;
    counts[slot] = counts[slot] + 1;
    this.rows++;
    this.lastPred = pred;
    this.lastLabel = label;
    this.lastCounted = true;
  }

  result(bytes) {
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

// ---------------------------------------------------------------------------
// The fast path, specialised to the file's column layout
//
// The record loop is generated once per scan as straight-line code for the
// file's columns (which to skip, which to look up in a trie, which one holds
// the score): no per-field dispatch, constants inlined. Only numbers derived
// from the plan (column positions, byte codes) go into the source text, never
// file content or names.

/**
 * For a score of at most 15 digits, mant with frac digits after the point, the
 * general path computes v = mant / 10^frac (mant itself when frac = 0) and
 * tests v >= threshold. Division by a constant is monotonic, so that test is
 * mant >= minMant[frac], the smallest such mant, found here once with the very
 * same division. NO_MANT (above any 15-digit mant) when none qualifies.
 */
const NO_MANT = 1e15;
function scoreCutoffs(threshold) {
  const out = new Float64Array(16);
  for (let f = 0; f < 16; f++) {
    const scale = POW10F[f];
    const v = (m) => (f === 0 ? m : m / scale);
    let m = Math.ceil(threshold * scale);
    if (!(m >= 0)) m = 0;
    if (m > NO_MANT) m = NO_MANT;
    while (m > 0 && v(m - 1) >= threshold) m--;
    while (m < NO_MANT && v(m) < threshold) m++;
    out[f] = m;
  }
  return out;
}

/** Compiled record loops by source text: scanners with the same layout share one function (and its optimised code). */
const FAST_PATHS = new Map();

function compileFastPath(scanner) {
  const plan = scanner.plan;
  const nCols = plan.columnCount;
  const delim = plan.delimiter | 0;
  const kc = scanner.keyCount;
  const hasLabel = plan.label !== null;
  const lines = [];
  const emit = (line) => lines.push(line);
  const fail = "{ p = rec; break records; }";
  const trieCols = [];
  for (let col = 0; col < nCols; col++) if (scanner.kinds[col] === KIND_TRIE) trieCols.push(col);
  emit("return function fastPath(buf, p, limit) {");
  for (const col of trieCols) emit(`  const T${col} = tries[${col}].t, M${col} = tries[${col}].tm, B${col} = tries[${col}].tb;`);
  emit("  const codeOk = scanner.codeOk;");
  emit("  const cache = scanner.cellCache;");
  for (let k = 0; k < kc; k++) emit(`  const b${k} = bits[${k}];`);
  emit("  let rows = 0;");
  emit("  records: while (p < limit) {");
  emit("    const rec = p;");
  emit("    let c = buf[p];");
  emit("    let x = 0;");
  let col = 0;
  while (col < nCols) {
    const last = col === nCols - 1;
    const kind = scanner.kinds[col];
    if (kind === KIND_SKIP) {
      // A run of skipped columns (not the last one): one small loop.
      let run = 0;
      while (col + run < nCols - 1 && scanner.kinds[col + run] === KIND_SKIP) run++;
      if (run > 1) {
        emit(`    for (let i = 0; i < ${run}; i++) {`);
        emit("      while (stop[c] === 0) c = buf[++p];");
        emit(`      if (c !== ${delim}) ${fail}`);
        emit("      c = buf[++p];");
        emit("    }");
        col += run;
        continue;
      }
      emit("    while (stop[c] === 0) c = buf[++p];");
    } else if (kind === KIND_TRIE) {
      const role = scanner.colRole[col];
      emit(`    x = T${col}[c];`);
      emit(`    while (x > 0 && (x & 255) === 0) { c = buf[++p]; x = T${col}[x + c]; }`);
      emit(`    let v${role} = 0;`);
      emit("    if (x > 0) {");
      emit("      const m = x >> 8;");
      emit(`      let q = M${col}[m];`);
      emit(`      const qe = q + M${col}[m + 1];`);
      emit("      c = buf[++p];");
      emit(`      while (q < qe && c === B${col}[q]) { c = buf[++p]; q++; }`);
      emit(`      if (q < qe || c !== M${col}[m + 2]) ${fail}`);
      emit(`      v${role} = M${col}[m + 3];`);
      emit(`    } else if (x === 0) ${fail}`);
      emit(`    else v${role} = -x - 1;`);
    } else {
      // The score: digits with at most one decimal point, parsed as parseNumber() does.
      // mant / 10^frac >= threshold  <=>  mant >= minMant[frac] (see scoreCutoffs): no division per row.
      emit("    const s0 = p;");
      emit("    let mant = 0, dot = -1;");
      emit("    for (;;) {");
      emit("      const d = c - 48;");
      emit("      if (d >= 0 && d <= 9) mant = mant * 10 + d;");
      emit("      else if (c === 46 && dot < 0) dot = p;");
      emit("      else break;");
      emit("      c = buf[++p];");
      emit("    }");
      emit("    const digits = dot < 0 ? p - s0 : p - s0 - 1;");
      emit(`    if (digits === 0 || digits > 15) ${fail}`);
      emit(`    const v${scanner.predRole} = +(mant >= minMant[dot < 0 ? 0 : p - dot - 1]);`);
    }
    if (last) {
      emit(`    if (c !== ${LF}) { if (c === ${CR} && buf[p + 1] === ${LF}) p++; else ${fail} }`);
      emit("    p++;");
    } else {
      emit(`    if (c !== ${delim}) ${fail}`);
      emit("    c = buf[++p];");
    }
    col++;
  }
  // Count the row: key ids packed into a code, cached cell numbers while the code is small.
  const code = kc === 0 ? "0" : Array.from({ length: kc }, (_, k) => `v${k}`).reduce((acc, v, k) => (k === 0 ? v : `((${acc}) << b${k}) | ${v}`));
  emit("    let cell = -1;");
  emit("    if (codeOk) {");
  emit(`      const code = ${code};`);
  emit("      cell = cache[code] - 1;");
  emit("      if (cell < 0) {");
  for (let k = 0; k < kc; k++) emit(`        ids[${k}] = v${k};`);
  emit("        cell = cells.cellOf(ids);");
  emit("        cache[code] = cell + 1;");
  emit("      }");
  emit("    } else {");
  for (let k = 0; k < kc; k++) emit(`      ids[${k}] = v${k};`);
  emit("      cell = cells.cellOf(ids);");
  emit("    }");
  // TP 0, FP 1, FN 2, TN 3 = 3 - 2 * pred - label.
  emit(`    const slot = cell * 4 + 3 - 2 * v${scanner.predRole}${hasLabel ? ` - v${scanner.labelRole}` : ""};`);
  emit("    const cs = cells.counts;");
  emit("    cs[slot] = cs[slot] + 1;");
  emit("    rows++;");
  emit("  }");
  emit("  scanner.rows += rows;");
  emit("  scanner.fastRows += rows;");
  emit("  scanner.lineFeeds += rows;");
  emit("  return p;");
  emit("};");
  const source = lines.join("\n");
  let factory = FAST_PATHS.get(source);
  if (!factory) {
    factory = new Function("scanner", "tries", "stop", "bits", "cells", "ids", "minMant", source);
    FAST_PATHS.set(source, factory);
  }
  return factory(scanner, scanner.tries, scanner.stop, scanner.bits, scanner.cells, scanner.ids, scoreCutoffs(scanner.threshold));
}

function lastIndexOfLf(buf, pos, end) {
  // Native search backwards from end - 1; a Buffer's lastIndexOf is memrchr-like.
  const i = typeof buf.lastIndexOf === "function" ? buf.lastIndexOf(LF, end - 1) : -1;
  return i >= pos ? i : -1;
}

// ---------------------------------------------------------------------------
// Reading one byte range

const DEFAULT_CHUNK = 8 << 20;

/**
 * Scans one byte range of a CSV file: synchronous reads into one reused
 * buffer. A range owns the records that *start* inside it: it skips the
 * partial record at its start and reads past its end to finish its last one.
 * yieldEvery: await a macrotask every this many chunks (keeps an event loop
 * responsive when run on the main thread); 0 never.
 */
export async function scanRange(task, onProgress, options = {}) {
  const scanner = new RecordScanner(task.plan, { fastPath: task.fastPath });
  const chunk = Math.max(64, task.chunkBytes ?? DEFAULT_CHUNK);
  const readFrom = task.alignToLine ? task.start - 1 : task.start;
  const yieldEvery = options.yieldEvery ?? 0;
  const fd = openSync(task.filePath, "r");
  let buf = Buffer.allocUnsafe(chunk);
  let filled = 0; // valid bytes in buf
  let bufAbs = readFrom; // file offset of buf[0]
  let pos = 0;
  let aligning = task.alignToLine;
  let eof = false;
  let chunks = 0;
  try {
    for (;;) {
      if (filled === buf.length) {
        // One record longer than the buffer (e.g. a huge quoted field): grow.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const n = readSync(fd, buf, filled, buf.length - filled, bufAbs + filled);
      if (n === 0) eof = true;
      else {
        const fresh = buf.subarray(filled, filled + n);
        if (fresh.indexOf(0) >= 0) throw new ScanError("not-csv", { reason: "nul-bytes" }, null);
        if (task.abortOnQuote && fresh.indexOf(QUOTE) >= 0) return { kind: "quote-found" };
        filled += n;
      }
      if (aligning) {
        const i = buf.indexOf(LF, pos);
        if (i < 0 || i >= filled) {
          if (eof) break;
          pos = filled;
        } else {
          pos = i + 1;
          aligning = false;
        }
      }
      if (!aligning) {
        pos = scanner.scan(buf, pos, filled, eof, task.end - bufAbs);
        if (scanner.stopped || eof) break;
      }
      // Keep the unconsumed tail (an incomplete record) at the start of the buffer.
      if (pos > 0) {
        buf.copyWithin(0, pos, filled);
        bufAbs += pos;
        filled -= pos;
        pos = 0;
      }
      onProgress?.(Math.max(0, Math.min(bufAbs, task.end) - task.start));
      if (yieldEvery > 0 && ++chunks % yieldEvery === 0) await new Promise((r) => setImmediate(r));
    }
  } finally {
    closeSync(fd);
  }
  onProgress?.(task.end - task.start);
  return { kind: "table", table: scanner.result(task.end - task.start), stats: { fastRows: scanner.fastRows, generalRecords: scanner.generalRecords } };
}
