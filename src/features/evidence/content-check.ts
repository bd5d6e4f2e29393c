// What a file is, read from its bytes, never from its name: PDF, the office
// formats (OOXML docx/xlsx, ODF odt/ods) by the entry inside their zip that
// names the format, PNG and JPEG by their signatures, and CSV as UTF-8 text
// without control characters. The name's extension must then fit what the
// content is, so a script renamed to .pdf is refused.
import { inflateRawSync } from "node:zlib";

export const FILE_TYPES = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"] },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  odt: { contentType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  png: { contentType: "image/png", extensions: ["png"] },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  csv: { contentType: "text/csv; charset=utf-8", extensions: ["csv", "txt"] },
} as const;

export type FileType = keyof typeof FILE_TYPES;
export const ALLOWED_EXTENSIONS = Object.values(FILE_TYPES).flatMap((t) => [...t.extensions]);

export type ContentVerdict = { ok: true; type: FileType } | { ok: false; reason: "empty" | "unknown" | "name_mismatch"; detected?: FileType };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type of the content, or null when it is none of the allowed ones. */
export function detectType(bytes: Buffer): FileType | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (bytes.subarray(0, 8).equals(PNG)) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.subarray(0, 4).toString("latin1") === "PK\x03\x04") return officeType(bytes);
  return isPlainCsv(bytes) ? "csv" : null;
}

/** Checks the content and the name's extension together. */
export function checkContent(bytes: Buffer, fileName: string): ContentVerdict {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  const type = detectType(bytes);
  if (type === null) return { ok: false, reason: "unknown" };
  const ext = extensionOf(fileName);
  if (!(FILE_TYPES[type].extensions as readonly string[]).includes(ext)) return { ok: false, reason: "name_mismatch", detected: type };
  return { ok: true, type };
}

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : "";
}

/** Valid UTF-8 without NUL or other control characters (tab, line feed and carriage return allowed), and not a script or web page. */
function isPlainCsv(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return false;
  const head = text.replace(/^\ufeff/, "").trimStart();
  if (head.startsWith("#!")) return false;
  return !/<\s*(script|html|\?php|svg)|<%|\bfunction\s*\(|\beval\s*\(/i.test(text);
}

// ------------------------------------------------------------------ zip

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip's central directory, or null when it is not a readable zip. */
function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const min = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count && n < 10_000; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** An entry's content, at most 1 MB unpacked (a zip bomb stops here). */
function readEntry(bytes: Buffer, entry: ZipEntry): string | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.subarray(0, 1024 * 1024).toString("utf8");
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 }).toString("utf8");
  } catch {
    return null;
  }
  return null;
}

const OOXML_MAIN: Record<string, FileType> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
};
const ODF_MIMETYPE: Record<string, FileType> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
};

/** docx/xlsx by the main part in [Content_Types].xml, odt/ods by the mimetype entry; macro-enabled and other zips are none. */
function officeType(bytes: Buffer): FileType | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const mimetype = entries.find((e) => e.name === "mimetype");
  if (mimetype) {
    const value = readEntry(bytes, mimetype)?.trim() ?? "";
    return ODF_MIMETYPE[value] ?? null;
  }
  const types = entries.find((e) => e.name === "[Content_Types].xml");
  if (!types) return null;
  const xml = readEntry(bytes, types) ?? "";
  if (/macroEnabled|vbaProject/i.test(xml)) return null;
  for (const [main, type] of Object.entries(OOXML_MAIN)) if (xml.includes(`ContentType="${main}"`)) return type;
  return null;
}
