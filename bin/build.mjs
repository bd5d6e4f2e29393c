// Compiles src/ ahead of run time into dist/ with esbuild (installed with tsx):
// file by file, the same tree, so paths relative to a module (instruments,
// assets, workers) resolve as they do from src/. Relative imports of .ts/.tsx
// become .js; other files (css, yaml, mjs) are copied. Nothing is downloaded.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SRC = join(root, "src");
export const DIST = join(root, "dist");
const STAMP = join(DIST, ".built");

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (!/\.test\.tsx?$|\.d\.m?ts$/.test(entry.name)) yield path;
  }
}

/** True when dist/ is missing or older than a source file (or the list of sources changed). */
export function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  let count = 0;
  for (const file of files(SRC)) {
    count += 1;
    if (statSync(file).mtimeMs > built) return true;
  }
  return readFileSync(STAMP, "utf8").trim() !== String(count);
}

const RELATIVE_TS = /(["'])(\.{1,2}\/[^"'\n]+?)\.(ts|tsx|mts)\1/g;

export async function build() {
  const { transform } = await import("esbuild");
  rmSync(DIST, { recursive: true, force: true });
  let count = 0;
  const jobs = [];
  for (const file of files(SRC)) {
    count += 1;
    const rel = relative(SRC, file);
    const match = rel.match(/\.(ts|tsx|mts)$/);
    const out = join(DIST, match ? rel.replace(/\.(ts|tsx|mts)$/, ".js") : rel);
    mkdirSync(dirname(out), { recursive: true });
    if (!match) {
      copyFileSync(file, out);
      continue;
    }
    jobs.push(
      transform(readFileSync(file, "utf8"), {
        loader: match[1] === "tsx" ? "tsx" : "ts",
        format: "esm",
        target: "node20",
        jsx: "automatic",
        jsxImportSource: "hono/jsx",
        sourcefile: file,
        sourcemap: "inline",
      }).then((r) => writeFileSync(out, r.code.replace(RELATIVE_TS, (_m, q, path) => `${q}${path}.js${q}`))),
    );
  }
  await Promise.all(jobs);
  writeFileSync(STAMP, String(count));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await build();
  console.log(`dist/ built in ${Date.now() - started} ms`);
}
