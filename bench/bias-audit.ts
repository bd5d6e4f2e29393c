// Benchmark: `afweging bias-audit` on a seeded 20-million-row CSV against
// DuckDB's CSV group-by on the same file, in the same run.
//
//   npm run bench -- [--rows N] [--seed S] [--regenerate] [--runs R] [--threads 2[,1…]] [--no-duckdb] [--no-bin]
//
// Each side runs R times (default 3), alternating, each in a fresh child
// process under /usr/bin/time -v; the table shows medians. DuckDB is only a
// yardstick: it is installed on demand into bench/.duckdb/ (prebuilt binaries
// of @duckdb/node-api), never into the app.

import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
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
const runs = Math.max(1, Number(opt("runs", "3")));
const cliThreads = opt("threads", "2").split(",").map(Number);
const duckThreads = Number(opt("duckdb-threads", "2"));
const file = path.join(here, "out", `decisions-${rows}.csv`);

interface Counts {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

interface Measurement {
  name: string;
  run: number;
  wallSeconds: number;
  userSeconds: number;
  sysSeconds: number;
  maxRssMiB: number;
  loadBefore: number;
  loadAfter: number;
  ok: boolean;
  counts: Counts | null;
  cells: number | null;
  version?: string | null;
}

const TIME = "/usr/bin/time";

/** Runs a child under /usr/bin/time -v (peak RSS of the whole process incl. all threads, user and system CPU). */
function measure(name: string, run: number, cmd: string[], stdoutFile?: string): Measurement {
  const useTime = existsSync(TIME);
  const argv = useTime ? [TIME, "-v", ...cmd] : cmd;
  const loadBefore = os.loadavg()[0] as number;
  // stdout to a file when asked: bin/afweging.js ends with process.exit(), which cuts output to a pipe short (at 64 KiB).
  const fd = stdoutFile ? openSync(stdoutFile, "w") : null;
  const t0 = performance.now();
  const r = spawnSync(argv[0] as string, argv.slice(1), {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    stdio: ["ignore", fd ?? "pipe", "pipe"],
  });
  const wall = (performance.now() - t0) / 1000;
  if (fd !== null) closeSync(fd);
  const stdout = stdoutFile ? readFileSync(stdoutFile, "utf8") : (r.stdout ?? "");
  const stderr = r.stderr ?? "";
  const benchLine = stderr.split("\n").find((l) => l.startsWith("BENCH "));
  const info = benchLine
    ? (JSON.parse(benchLine.slice(6)) as { code: number; maxRssKiB: number; counts: Counts | null; cells: number | null; version?: string })
    : reportInfo(r.status, stdout);
  const num = (re: RegExp) => {
    const m = re.exec(stderr);
    return m ? Number(m[1]) : Number.NaN;
  };
  const rssKiB = useTime ? num(/Maximum resident set size \(kbytes\): (\d+)/) : (info?.maxRssKiB ?? Number.NaN);
  const ok = r.status === 0 && info?.code === 0;
  if (!ok) process.stderr.write(`${name} failed:\n${stderr.slice(-2000)}\n`);
  const m: Measurement = {
    name,
    run,
    wallSeconds: wall,
    userSeconds: num(/User time \(seconds\): ([\d.]+)/),
    sysSeconds: num(/System time \(seconds\): ([\d.]+)/),
    maxRssMiB: rssKiB / 1024,
    loadBefore,
    loadAfter: os.loadavg()[0] as number,
    ok,
    counts: info?.counts ?? null,
    cells: info?.cells ?? null,
    version: info?.version,
  };
  process.stdout.write(
    `  run ${run + 1}: ${name.padEnd(38)} wall ${wall.toFixed(2)} s, CPU ${(m.userSeconds + m.sysSeconds).toFixed(2)} s, peak ${m.maxRssMiB.toFixed(0)} MiB, load ${loadBefore.toFixed(1)}\n`,
  );
  return m;
}

/** For the real command line (bin/afweging.js), which prints no BENCH line: read the counts from the JSON report on stdout. */
function reportInfo(status: number | null, stdout: string): { code: number; maxRssKiB: number; counts: Counts | null; cells: number | null; version?: string } | null {
  try {
    const report = JSON.parse(stdout) as { overall: { counts: Counts }; breakdowns: { attributes: string[]; groups: unknown[] }[] };
    const { n, tp, fp, fn, tn } = report.overall.counts;
    const widest = report.breakdowns.reduce((a, b) => (b.attributes.length > a.attributes.length ? b : a));
    return { code: status ?? -1, maxRssKiB: Number.NaN, counts: { n, tp, fp, fn, tn }, cells: widest.groups.length };
  } catch {
    return null;
  }
}

function ensureDuckdb(): boolean {
  const dir = path.join(here, ".duckdb");
  if (existsSync(path.join(dir, "node_modules", "@duckdb", "node-api"))) return true;
  process.stdout.write("Installing @duckdb/node-api into bench/.duckdb (benchmark only) …\n");
  const r = spawnSync("npm", ["install", "--prefix", dir, "--no-audit", "--no-fund", "--ignore-scripts", "@duckdb/node-api"], { stdio: "inherit" });
  return r.status === 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const gen = ensureCsv({ rows, seed, file }, args.includes("--regenerate"));
const mb = gen.bytes / 1e6;
process.stdout.write(
  `File: ${path.relative(root, file)} (${mb.toFixed(0)} MB, ${rows.toLocaleString("en")} rows, seed ${seed})${gen.generatedIn !== null ? `, generated in ${gen.generatedIn.toFixed(1)} s` : ""}\n`,
);
// Warm the page cache so that neither side pays for the first read from disk.
spawnSync("cat", [file], { stdio: ["ignore", "ignore", "ignore"] });

const auditArgs = (threads: number) => [
  file, "--group", "gemeente", "--group", "geslacht", "--group", "leeftijdsgroep",
  "--prediction", "score", "--threshold", "0.5", "--label", "label", "--format", "json", "--threads", String(threads),
];
// The bias-audit command module itself (as src/cli/main.ts runs it), and the full `afweging` entry point.
const cli = (threads: number) => [process.execPath, "--import", "tsx", path.join(here, "run-cli.ts"), ...auditArgs(threads)];
const bin = (threads: number) => [process.execPath, path.join(root, "bin", "afweging.js"), "bias-audit", ...auditArgs(threads)];
const cliName = (t: number) => `afweging bias-audit (${t} thread${t === 1 ? "" : "s"})`;
const binName = (t: number) => `bin/afweging.js bias-audit (${t} thread${t === 1 ? "" : "s"})`;
const withBin = !args.includes("--no-bin");
const duckName = `DuckDB read_csv group-by (${duckThreads} thread${duckThreads === 1 ? "" : "s"})`;
const duck = !args.includes("--no-duckdb") && ensureDuckdb();
const duckVersion = duck
  ? (JSON.parse(readFileSync(path.join(here, ".duckdb", "node_modules", "@duckdb", "node-api", "package.json"), "utf8")) as { version: string }).version
  : null;
const loadStart = os.loadavg();
const results: Measurement[] = [];
for (let run = 0; run < runs; run++) {
  // Alternate the tools, so that a change in machine load hits both.
  const order = run % 2 === 0 ? ["cli", "duck"] : ["duck", "cli"];
  for (const what of order) {
    if (what === "cli") {
      for (const t of cliThreads) results.push(measure(cliName(t), run, cli(t)));
      if (withBin) results.push(measure(binName(cliThreads[0] as number), run, bin(cliThreads[0] as number), path.join(here, "out", "report-bin.json")));
    }
    else if (duck) results.push(measure(duckName, run, [process.execPath, path.join(here, "duckdb-child.mjs"), file, String(duckThreads)]));
  }
}
const loadEnd = os.loadavg();

// Both tools must have found the same table.
const reference = results.find((m) => m.ok && m.counts);
let agree = true;
for (const m of results) {
  if (!m.ok || !reference) continue;
  if (JSON.stringify(m.counts) !== JSON.stringify(reference.counts) || m.cells !== reference.cells) {
    agree = false;
    process.stderr.write(`MISMATCH: ${m.name} run ${m.run + 1}: ${JSON.stringify(m.counts)} ${m.cells} cells vs ${JSON.stringify(reference.counts)} ${reference.cells} cells\n`);
  }
}

interface Row {
  name: string;
  wall: number;
  cpu: number;
  rss: number;
  walls: number[];
  ok: number;
}
const names = [...new Set(results.map((m) => m.name))];
const summary: Row[] = names.map((name) => {
  const ms = results.filter((m) => m.name === name && m.ok);
  return {
    name,
    wall: median(ms.map((m) => m.wallSeconds)),
    cpu: median(ms.map((m) => m.userSeconds + m.sysSeconds)),
    rss: Math.max(...ms.map((m) => m.maxRssMiB)),
    walls: ms.map((m) => m.wallSeconds),
    ok: ms.length,
  };
});
const cpuModel = os.cpus()[0]?.model ?? "unknown CPU";
const lines = [
  `| run (${mb.toFixed(0)} MB, ${(rows / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} M rows) | median wall (s) | MB/s | median CPU user+sys (s) | peak RSS (MiB) | wall of each run (s) |`,
  "|---|---:|---:|---:|---:|---|",
  ...summary.map(
    (r) =>
      `| ${r.name} | ${r.wall.toFixed(2)} | ${(mb / r.wall).toFixed(0)} | ${r.cpu.toFixed(2)} | ${r.rss.toFixed(0)} | ${r.walls.map((w) => w.toFixed(2)).join(", ")} |`,
  ),
];
const machine = `${os.cpus().length} × ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}${duckVersion ? `, @duckdb/node-api ${duckVersion}` : ""}`;
const load = `load average (1/5/15 min) at start ${loadStart.map((l) => l.toFixed(2)).join(" / ")}, at end ${loadEnd.map((l) => l.toFixed(2)).join(" / ")}`;
let verdict = "";
const duckRow = summary.find((r) => r.name === duckName);
for (const r of summary) {
  if (r === duckRow || !duckRow) continue;
  const fast = r.wall <= duckRow.wall;
  const small = r.rss < 1024;
  verdict += `${r.name}: ${fast ? "at most" : `${(r.wall / duckRow.wall).toFixed(2)}×`} DuckDB's median wall time${fast ? ` (${(r.wall / duckRow.wall).toFixed(2)}×)` : ""}, CPU ${(r.cpu / duckRow.cpu).toFixed(2)}× DuckDB's; peak memory ${r.rss.toFixed(0)} MiB (${small ? "under" : "NOT under"} 1 GiB). Goal ${fast && small ? "met" : "not met"}.\n`;
}
const text = [
  `Date: ${new Date().toISOString()}`,
  `Machine: ${machine}`,
  `Load: ${load}`,
  `Runs: ${runs} per tool, alternating; medians. Same table from both tools: ${agree ? "yes" : "NO"}${reference?.counts ? ` (${JSON.stringify(reference.counts)}, ${reference.cells} cells)` : ""}`,
  "",
  ...lines,
  "",
  verdict,
].join("\n");
process.stdout.write(`\n${text}\n`);
writeFileSync(path.join(here, "out", "bias-audit-results.md"), text + "\n");
writeFileSync(
  path.join(here, "out", "bias-audit-results.json"),
  JSON.stringify({ date: new Date().toISOString(), machine, loadStart, loadEnd, bytes: gen.bytes, rows, runs: results, summary, agree }, null, 2),
);
if (!agree) process.exitCode = 1;
