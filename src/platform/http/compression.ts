import type { MiddlewareHandler } from "hono";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { preferredEncoding } from "./assets.ts";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Smaller than this, compressing costs more than it saves. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/(html|css|javascript|plain|csv)|application\/(json|problem\+json|javascript)|image\/svg\+xml)\b/;

/**
 * Compresses pages and API answers (brotli, else gzip) for clients that accept it. Static
 * assets arrive already compressed; downloads (PDF, images) and streams pass untouched.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === "HEAD" || !res.body || res.headers.has("Content-Encoding")) return;
    if (!COMPRESSIBLE.test(res.headers.get("Content-Type") ?? "")) return;
    const encoding = preferredEncoding(c.req.header("accept-encoding"));
    const length = Number(res.headers.get("Content-Length") ?? Number.NaN);
    if (!Number.isNaN(length) && length < MIN_BYTES) return;
    res.headers.append("Vary", "Accept-Encoding");
    if (!encoding) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    c.res = undefined as never; // replaced whole: Hono would otherwise copy the old Content-Length over
    if (body.length < MIN_BYTES) {
      c.res = new Response(new Uint8Array(body), { status: res.status, headers });
      return;
    }
    const packed = encoding === "br" ? await brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) : await gzipAsync(body, { level: 6 });
    headers.set("Content-Encoding", encoding);
    headers.set("Content-Length", String(packed.length));
    c.res = new Response(new Uint8Array(packed), { status: res.status, headers });
  };
}
