import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

interface Asset {
  type: string;
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  /** The name with its content hash, e.g. `app.3f2a9c1b0d.css`: cached for a year, immutable. */
  hashed: string;
}

const sources: Record<string, { path: string; type: string }> = {
  "utrecht.css": { path: require.resolve("@utrecht/component-library-css/dist/index.css"), type: "text/css" },
  "voorbeeld-theme.css": { path: require.resolve("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"), type: "text/css" },
  "htmx.min.js": { path: require.resolve("htmx.org/dist/htmx.min.js"), type: "text/javascript" },
  "app.css": { path: join(here, "../../ui/assets/app.css"), type: "text/css" },
  "app.js": { path: join(here, "../../ui/assets/app.js"), type: "text/javascript" },
};

/** System faces that look alike on every platform; used behind Noto, or alone when Noto is not installed. */
const SANS = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif`;
const MONO = `ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace`;

function withHash(name: string, body: Buffer): string {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

function compressible(type: string): boolean {
  return type.startsWith("text/") || type === "image/svg+xml" || type === "application/json";
}

function makeAsset(name: string, type: string, body: Buffer): Asset {
  const asset: Asset = { type, body, hashed: withHash(name, body) };
  if (compressible(type)) {
    asset.br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
    asset.gzip = gzipSync(body, { level: 9 });
  }
  return asset;
}

/**
 * The theme's typefaces from the @fontsource packages when they are installed (latin and
 * latin-ext, the weights the pages use), as `@font-face` rules pointing at our own hashed
 * files. Without them the stacks name only system faces, so no text falls back to a serif
 * default the page never asked for.
 */
function fontFaces(register: (name: string, type: string, body: Buffer) => string): string {
  const families: { pkg: string; family: string; files: string[] }[] = [
    { pkg: "@fontsource/noto-sans", family: "Noto Sans", files: ["400.css", "400-italic.css", "700.css"] },
    { pkg: "@fontsource/noto-serif", family: "Noto Serif", files: ["400.css", "700.css"] },
  ];
  const rules: string[] = [];
  const served = new Set<string>();
  for (const f of families) {
    let dir: string;
    try {
      dir = dirname(require.resolve(`${f.pkg}/package.json`));
    } catch {
      continue;
    }
    for (const file of f.files) {
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      for (const block of readFileSync(path, "utf8").split("@font-face").slice(1)) {
        const body = block.slice(block.indexOf("{"), block.indexOf("}") + 1);
        const woff2 = /url\(\.\/files\/([a-z0-9-]+-latin(?:-ext)?-\d+-(?:normal|italic)\.woff2)\)/.exec(body)?.[1];
        if (!woff2) continue;
        const href = register(woff2, "font/woff2", readFileSync(join(dir, "files", woff2)));
        // "optional", not "swap": a face that is not there at once is not swapped in later, so nothing moves under the reader's pointer.
        rules.push(`@font-face ${body.replace(/src:[^;]+;/, `src: url(/assets/${href}) format("woff2");`).replace(/font-display:\s*swap/, "font-display: optional")}`);
        served.add(f.family);
      }
    }
  }
  const text = served.has("Noto Sans") ? `"Noto Sans", ${SANS}` : SANS;
  const heading = served.has("Noto Serif") ? `"Noto Serif", Georgia, serif` : text;
  rules.push(
    `body.utrecht-body { --basis-text-font-family-default: ${text}; --basis-heading-font-family: ${heading}; --basis-text-font-family-monospace: ${MONO}; font-family: var(--basis-text-font-family-default); }`,
  );
  return `${rules.join("\n")}\n`;
}

function loadAssets(): Map<string, Asset> {
  const byName = new Map<string, Asset>();
  const register = (name: string, type: string, body: Buffer): string => {
    const asset = makeAsset(name, type, body);
    byName.set(name, asset);
    return asset.hashed;
  };
  for (const [name, f] of Object.entries(sources)) register(name, f.type, readFileSync(f.path));
  register("fonts.css", "text/css", Buffer.from(fontFaces(register)));
  return byName;
}

const assets = loadAssets();
const byHashed = new Map([...assets.values()].map((a) => [a.hashed, a]));

/** The address of a static file, with its content hash in the name: `/assets/app.3f2a9c1b0d.css`. */
export function assetHref(name: "utrecht.css" | "voorbeeld-theme.css" | "fonts.css" | "app.css" | "htmx.min.js" | "app.js"): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`unknown asset ${name}`);
  return `/assets/${asset.hashed}`;
}

/** The typefaces that are served, for checks (and the browser test) that expect them. */
export function servedFontFiles(): string[] {
  return [...assets.values()].filter((a) => a.type === "font/woff2").map((a) => a.hashed);
}

/** Picks the encoding the client accepts: brotli before gzip. */
export function preferredEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  const accepted = (acceptEncoding ?? "")
    .split(",")
    .map((p) => p.trim().split(";"))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, "")) > 0)
    .map(([name]) => name!.trim().toLowerCase());
  if (accepted.includes("br")) return "br";
  if (accepted.includes("gzip")) return "gzip";
  return null;
}

/**
 * Static files, read and compressed once at start-up. A hashed name is cached for a year
 * (`immutable`: a new version has a new name); the plain name still answers, cached briefly.
 */
export function assetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/:name", (c) => {
    const name = c.req.param("name");
    const hashed = byHashed.get(name);
    const asset = hashed ?? assets.get(name);
    if (!asset) return c.notFound();
    const type = asset.type.startsWith("text/") ? `${asset.type}; charset=utf-8` : asset.type;
    c.header("Content-Type", type);
    c.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=3600");
    if (!asset.br) return c.body(new Uint8Array(asset.body));
    c.header("Vary", "Accept-Encoding");
    const encoding = preferredEncoding(c.req.header("accept-encoding"));
    if (!encoding) return c.body(new Uint8Array(asset.body));
    c.header("Content-Encoding", encoding);
    return c.body(new Uint8Array(encoding === "br" ? asset.br : asset.gzip!));
  });
  return app;
}
