// Benchmark: `afweging bias-audit` on a seeded 20-million-row CSV against
// DuckDB's CSV group-by on the same file, in the same run.
//
//   npx tsx bench/bias-audit.ts [--rows N] [--seed S] [--regenerate] [--runs R] [--no-duckdb]
//
// DuckDB is only a yardstick: it is installed on demand into bench/.duckdb/
// (prebuilt binaries of @duckdb/node-api), never into the app.

import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCsv } from "./generate-csv.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : dflt;
};
const rows = Number(opt("rows", "20000000"));
const seed = Number(opt("seed", "2024"));
const runs = Number(opt("runs", "1"));
const file = path.join(here, "out", `decisions-${rows}.csv`);

interface Measurement {
  name: string;
  wallSeconds: number;
  maxRssMiB: number;
  ok: boolean;
  note?: string;
}

/** Runs a child under /usr/bin/time -v when available (peak RSS incl. all threads), else reads maxRSS reported by the child. */
function measure(name: string, cmd: string[]): Measurement {
  const useTime = existsSync("/usr/bin/time");
  const argv = useTime ? ["/usr/bin/time", "-v", ...cmd] : cmd;
  const t0 = performance.now();
  const r = spawnSync(argv[0] as string, argv.slice(1), { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  const stderr = r.stderr ?? "";
  const benchLine = stderr.split("\n").find((l) => l.startsWith("BENCH "));
  const info = benchLine ? (JSON.parse(benchLine.slice(6)) as { code: number; maxRssKiB: number }) : null;
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const rssKiB = timeRss ? Number(timeRss[1]) : (info?.maxRssKiB ?? 0);
  const ok = r.status === 0 && info?.code === 0;
  if (!ok) process.stderr.write(`${name} failed:\n${stderr.slice(-2000)}\n`);
  return { name, wallSeconds: wall, maxRssMiB: rssKiB / 1024, ok };
}

function ensureDuckdb(): boolean {
  const dir = path.join(here, ".duckdb");
  if (existsSync(path.join(dir, "node_modules", "@duckdb", "node-api"))) return true;
  process.stdout.write("Installing @duckdb/node-api into bench/.duckdb (benchmark only) …\n");
  const r = spawnSync("npm", ["install", "--prefix", dir, "--no-audit", "--no-fund", "--ignore-scripts", "@duckdb/node-api"], { stdio: "inherit" });
  return r.status === 0;
}

const gen = ensureCsv({ rows, seed, file }, args.includes("--regenerate"));
process.stdout.write(
  `File: ${path.relative(root, file)} (${(gen.bytes / 1e6).toFixed(0)} MB, ${rows.toLocaleString("en")} rows, seed ${seed})${gen.generatedIn !== null ? `, generated in ${gen.generatedIn.toFixed(1)} s` : ""}\n`,
);

const cli = (threads: number) => [
  process.execPath, "--import", "tsx", path.join(here, "run-cli.ts"), file,
  "--group", "gemeente", "--group", "geslacht", "--group", "leeftijdsgroep",
  "--prediction", "score", "--threshold", "0.5", "--label", "label", "--format", "json", "--threads", String(threads),
];
const results: Measurement[] = [];
const duck = !args.includes("--no-duckdb") && ensureDuckdb();
for (let run = 0; run < runs; run++) {
  results.push(measure("afweging bias-audit (1 thread)", cli(1)));
  results.push(measure("afweging bias-audit (2 threads)", cli(2)));
  if (duck) results.push(measure("DuckDB read_csv group-by (2 threads)", [process.execPath, path.join(here, "duckdb-child.mjs"), file, "2"]));
}

const best = new Map<string, Measurement>();
for (const m of results) {
  const b = best.get(m.name);
  if (m.ok && (!b || m.wallSeconds < b.wallSeconds)) best.set(m.name, m);
}
const lines = [
  "| run | wall time (s) | MB/s | peak RSS (MiB) |",
  "|---|---:|---:|---:|",
  ...[...best.values()].map((m) => `| ${m.name} | ${m.wallSeconds.toFixed(2)} | ${(gen.bytes / 1e6 / m.wallSeconds).toFixed(0)} | ${m.maxRssMiB.toFixed(0)} |`),
];
process.stdout.write(`\nBest of ${runs} run(s), wall time includes process start:\n${lines.join("\n")}\n`);
writeFileSync(path.join(here, "out", "bias-audit-results.json"), JSON.stringify({ date: new Date().toISOString(), bytes: gen.bytes, rows, runs: results }, null, 2));
