// Reads a multipart evidence upload with busboy into memory: the text fields
// (small, limited) and one file of at most the configured size. A larger file
// stops the reading at once and is refused (413); nothing is stored.
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { AppContext } from "../../platform/http/env.ts";
import { fileError, type ReceivedFile } from "./add-evidence.ts";

export interface ReceivedForm {
  fields: Record<string, string>;
  file: ReceivedFile | null;
}

const ENVELOPE_BYTES = 64 * 1024;

function requestStream(c: AppContext): Readable {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && typeof incoming.pipe === "function" && !incoming.readableEnded) return incoming;
  const body = c.req.raw.body;
  if (!body) return Readable.from([]);
  return Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>);
}

const maxLabel = (max: number) => ({ max: `${Math.round(max / 1024 / 1024)} MB` });

export async function receiveEvidenceForm(c: AppContext, maxBytes: number): Promise<ReceivedForm> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw fileError("evidence.file_required");
  const declared = Number(c.req.header("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw fileError("evidence.file_too_large", maxLabel(maxBytes));
  const source = requestStream(c);
  const fields: Record<string, string> = {};
  let file: ReceivedFile | null = null;
  return new Promise<ReceivedForm>((resolve, reject) => {
    let failed = false;
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: { "content-type": type }, limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 10_000, parts: 30 } });
    } catch {
      reject(fileError("evidence.file_required"));
      return;
    }
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(bb);
      bb.removeAllListeners("close");
      if (source !== (c.env as { incoming?: unknown } | undefined)?.incoming) source.destroy();
      reject(error);
    };
    bb.on("field", (name, value) => {
      if (name !== "_csrf") fields[name] = value;
    });
    bb.on("file", (name, stream, info) => {
      if (name !== "file" || file !== null) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const entry: ReceivedFile = { fileName: info.filename ?? "", bytes: Buffer.alloc(0) };
      file = entry;
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => {
        stream.resume();
        chunks.length = 0;
        fail(fileError("evidence.file_too_large", maxLabel(maxBytes)));
      });
      stream.on("end", () => (entry.bytes = Buffer.concat(chunks)));
    });
    bb.on("error", () => fail(fileError("evidence.file_required")));
    bb.on("close", () => {
      if (failed) return;
      const f = file as ReceivedFile | null;
      resolve({ fields, file: f && (f.fileName !== "" || f.bytes.length > 0) ? f : null });
    });
    source.on("error", (e) => fail(e));
    source.pipe(bb);
  });
}
