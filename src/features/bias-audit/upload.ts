// Streams a multipart upload straight to disk with busboy: the file is never
// held in memory, and the size limit is enforced while the bytes arrive (the
// partial file is removed and the answer is 413). Works on the raw Node
// request (@hono/node-server's c.env.incoming) and, in tests with
// app.request(), on the web request's body stream.

import type { IncomingMessage } from "node:http";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "../../platform/errors.ts";
import type { AppContext } from "../../platform/http/env.ts";

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: { fileName: string; bytes: number } | null;
}

/** Room for the other form fields and multipart boundaries on top of the file. */
const ENVELOPE_BYTES = 64 * 1024;

export function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", "bias_audit.upload.too_large", { params: { max: formatBytes(maxBytes) } });
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1).replace(/\.0$/, "")} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1).replace(/\.0$/, "")} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, "")} kB`;
  return `${n} bytes`;
}

function requestStream(c: AppContext): Readable {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && typeof incoming.pipe === "function" && !incoming.readableEnded) return incoming;
  const body = c.req.raw.body;
  if (!body) return Readable.from([]);
  return Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>);
}

/**
 * Receives the form: text fields (small, limited) and one file field named
 * `fileField`, written to `path`. Throws 413 (AppError payload_too_large) when
 * the file is larger than maxBytes, after removing what was written.
 */
export async function receiveUpload(c: AppContext, options: { path: string; maxBytes: number; fileField?: string }): Promise<ReceivedUpload> {
  const fileField = options.fileField ?? "file";
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new AppError("validation", "error.validation", { fieldErrors: [{ field: "file", messageKey: "bias_audit.upload.not_multipart" }] });
  const declared = Number(c.req.header("content-length") ?? "NaN");
  // Refused before reading; the server drains or closes what is still coming.
  if (Number.isFinite(declared) && declared > options.maxBytes + ENVELOPE_BYTES) throw tooLarge(options.maxBytes);
  const source = requestStream(c);
  const fields: Record<string, string> = {};
  let file: ReceivedUpload["file"] = null;

  return new Promise<ReceivedUpload>((resolve, reject) => {
    let failed = false;
    let writing: Promise<void> = Promise.resolve();
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: { "content-type": type }, limits: { files: 1, fileSize: options.maxBytes, fields: 20, fieldSize: 10_000, parts: 30 } });
    } catch {
      reject(new AppError("validation", "error.validation", { fieldErrors: [{ field: "file", messageKey: "bias_audit.upload.not_multipart" }] }));
      return;
    }
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(bb);
      bb.removeAllListeners("close");
      // Stop reading: a web stream is cancelled. The Node request is left to
      // @hono/node-server, which after the answer drains a little and then
      // closes the connection (at most 64 MB or 500 ms).
      if (source !== (c.env as { incoming?: unknown } | undefined)?.incoming) source.destroy();
      void writing.finally(() => rm(options.path, { force: true })).then(() => reject(error), () => reject(error));
    };
    bb.on("field", (name, value) => {
      if (name !== "_csrf") fields[name] = value;
    });
    bb.on("file", (name, stream, info) => {
      if (name !== fileField || file !== null) {
        stream.resume();
        return;
      }
      const entry = { fileName: info.filename ?? "", bytes: 0 };
      file = entry;
      const out = createWriteStream(options.path, { flags: "w", mode: 0o600 });
      stream.on("data", (chunk: Buffer) => (entry.bytes += chunk.length));
      stream.on("limit", () => {
        stream.unpipe(out);
        stream.resume();
        out.destroy();
        fail(tooLarge(options.maxBytes));
      });
      writing = new Promise<void>((done, error) => {
        out.on("close", () => done());
        out.on("error", error);
        stream.on("error", error);
      }).catch((e: unknown) => fail(e));
      stream.pipe(out);
    });
    bb.on("error", (e) => fail(new AppError("validation", "error.validation", { fieldErrors: [{ field: "file", messageKey: "bias_audit.upload.broken", params: { reason: String((e as Error)?.message ?? e).slice(0, 100) } }] })));
    bb.on("close", () => {
      void writing.then(() => {
        if (failed) return;
        const f = file as ReceivedUpload["file"];
        if (f && f.fileName === "" && f.bytes === 0) {
          void rm(options.path, { force: true }).then(() => resolve({ fields, file: null }));
          return;
        }
        resolve({ fields, file: f });
      });
    });
    source.on("error", (e) => fail(e));
    source.pipe(bb);
  });
}
