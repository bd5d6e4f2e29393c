// Byte-level helpers for the scanner. Numbers are parsed straight from the
// bytes; only unusual notations fall back to Number() on a decoded string.

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

/** Parse a decimal number from buf[s, e) (already trimmed). NaN when it is not a number. */
export function parseNumber(buf: Uint8Array, s: number, e: number): number {
  if (s >= e) return Number.NaN;
  let p = s;
  let neg = false;
  let c = buf[p] as number;
  if (c === 45 || c === 43) {
    neg = c === 45;
    p++;
  }
  let mant = 0;
  let digits = 0;
  let frac = 0;
  while (p < e) {
    c = buf[p] as number;
    if (c < 48 || c > 57) break;
    mant = mant * 10 + (c - 48);
    digits++;
    p++;
  }
  if (p < e && buf[p] === 46) {
    p++;
    while (p < e) {
      c = buf[p] as number;
      if (c < 48 || c > 57) break;
      mant = mant * 10 + (c - 48);
      digits++;
      frac++;
      p++;
    }
  }
  // Exponents, commas, long mantissas etc.: exact parsing is Number()'s job.
  if (p !== e || digits === 0 || digits > 15) return slowNumber(buf, s, e);
  const v = frac === 0 ? mant : mant / (POW10[frac] as number);
  return neg ? -v : v;
}

function slowNumber(buf: Uint8Array, s: number, e: number): number {
  const text = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("latin1").trim();
  if (text === "" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

/** 1 for true-like, 0 for false-like, -1 otherwise. Accepts 0/1 (also 0.0/1.0), true/false, yes/no, ja/nee. */
export function parseBoolean(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  const c0 = buf[s] as number;
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
  for (let i = s; i < e; i++) word += String.fromCharCode((buf[i] as number) | 0x20);
  if (word === "true" || word === "yes" || word === "ja") return 1;
  if (word === "false" || word === "no" || word === "nee") return 0;
  return -1;
}

export function bytesEqual(buf: Uint8Array, s: number, e: number, target: Uint8Array): boolean {
  if (e - s !== target.length) return false;
  for (let i = 0; i < target.length; i++) if (buf[s + i] !== target[i]) return false;
  return true;
}

export function decodeField(buf: Uint8Array, s: number, e: number, escaped: boolean): string {
  const text = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("utf8");
  return escaped ? text.replaceAll('""', '"') : text;
}
