// Looks at the start of a file before the real scan: size limit, binary
// content, BOM, delimiter and the header line.

import { open, stat } from "node:fs/promises";
import { BiasAuditError } from "./errors.ts";

export interface FileHead {
  size: number;
  delimiter: number;
  columns: string[];
  /** Byte offset of the first data record. */
  dataStart: number;
  /** Line feeds up to dataStart (the header may contain quoted line breaks). */
  headerLineFeeds: number;
}

const SAMPLE_BYTES = 1 << 20;
const CANDIDATES = [44, 59, 9, 124]; // , ; TAB |
const LF = 10;
const QUOTE = 34;

export async function fileSize(filePath: string): Promise<number> {
  try {
    const s = await stat(filePath);
    if (!s.isFile()) throw new Error("not a file");
    return s.size;
  } catch {
    throw new BiasAuditError("file-not-found", { file: filePath });
  }
}

/** Per line (outside quotes), how often each candidate delimiter occurs. */
function countDelimiters(sample: Uint8Array, maxLines: number): number[][] {
  const lines: number[][] = [];
  let counts = CANDIDATES.map(() => 0);
  let inQuotes = false;
  for (let i = 0; i < sample.length && lines.length < maxLines; i++) {
    const c = sample[i] as number;
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && c === LF) {
      lines.push(counts);
      counts = CANDIDATES.map(() => 0);
    } else if (!inQuotes) {
      const k = CANDIDATES.indexOf(c);
      if (k >= 0) counts[k] = (counts[k] as number) + 1;
    }
  }
  return lines;
}

function detectDelimiter(sample: Uint8Array): number {
  const lines = countDelimiters(sample, 20);
  const header = lines[0];
  if (!header) return 44;
  let best = 44;
  let bestScore = -1;
  CANDIDATES.forEach((d, k) => {
    const h = header[k] as number;
    if (h === 0) return;
    const consistent = lines.slice(1).filter((l) => l[k] === h).length;
    // Consistency across lines matters most, then the number of columns.
    const score = consistent * 1000 + h;
    if (score > bestScore) [best, bestScore] = [d, score];
  });
  return best;
}

function splitHeader(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else cur += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

export async function readHead(filePath: string, options: { maxBytes?: number; delimiter?: string } = {}): Promise<FileHead> {
  const size = await fileSize(filePath);
  if (options.maxBytes !== undefined && size > options.maxBytes)
    throw new BiasAuditError("file-too-large", { bytes: size, maxBytes: options.maxBytes });
  if (size === 0) throw new BiasAuditError("empty-file");
  const fh = await open(filePath, "r");
  let sample: Buffer;
  try {
    const want = Math.min(size, SAMPLE_BYTES);
    sample = Buffer.alloc(want);
    const { bytesRead } = await fh.read(sample, 0, want, 0);
    sample = sample.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (sample.indexOf(0) >= 0) throw new BiasAuditError("not-csv", { reason: "nul-bytes" });
  let control = 0;
  for (const c of sample) if (c < 9 || (c > 13 && c < 32)) control++;
  if (control > sample.length / 100) throw new BiasAuditError("not-csv", { reason: "control-characters" });
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  const body = sample.subarray(bom);
  if (body.toString("latin1").trim() === "") throw new BiasAuditError("empty-file");

  let headerEnd = -1;
  let headerLineFeeds = 0;
  let inQuotes = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (c === LF) {
      headerLineFeeds++;
      if (!inQuotes) {
        headerEnd = i;
        break;
      }
    }
  }
  if (headerEnd < 0) {
    if (sample.length < size) throw new BiasAuditError("not-csv", { reason: "no-line-break" });
    throw new BiasAuditError("no-data-rows");
  }
  let delimiter: number;
  if (options.delimiter !== undefined) {
    const d = options.delimiter === "\\t" ? "\t" : options.delimiter;
    if (Buffer.byteLength(d) !== 1 || d === '"' || d === "\n")
      throw new BiasAuditError("bad-config", { reason: "delimiter" });
    delimiter = d.charCodeAt(0);
  } else delimiter = detectDelimiter(body);
  const headerText = body.subarray(0, headerEnd).toString("utf8").replace(/\r$/, "");
  const columns = splitHeader(headerText, String.fromCharCode(delimiter)).map((c, i) => c || `kolom_${i + 1}`);
  const dataStart = bom + headerEnd + 1;
  return { size, delimiter, columns, dataStart, headerLineFeeds };
}
