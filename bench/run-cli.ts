// Child-process entry for the benchmark: runs the bias-audit command exactly
// as the CLI does (same argument parsing, scan, full report, JSON output) and
// prints on stderr a BENCH line with its peak memory (maxRSS, KiB) and the
// report's overall counts and number of finest-grain cells, which the
// benchmark checks against DuckDB's.

import { biasAuditCommand } from "../src/cli/bias-audit.ts";

let out = "";
const code = await biasAuditCommand(process.argv.slice(2), {
  stdout: (s) => {
    out += s;
    if (process.env.BENCH_PRINT) process.stdout.write(s + "\n");
  },
  stderr: (s) => process.stderr.write(s + "\n"),
});
let counts: unknown = null;
let cells: number | null = null;
try {
  const report = JSON.parse(out) as {
    overall: { counts: { n: number; tp: number; fp: number; fn: number; tn: number } };
    breakdowns: { attributes: string[]; groups: unknown[] }[];
  };
  const { n, tp, fp, fn, tn } = report.overall.counts;
  counts = { n, tp, fp, fn, tn };
  const widest = report.breakdowns.reduce((a, b) => (b.attributes.length > a.attributes.length ? b : a));
  cells = widest.groups.length;
} catch {
  // Not JSON (e.g. --format text): no counts to compare.
}
process.stderr.write(`BENCH ${JSON.stringify({ code, bytesOut: out.length, counts, cells, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
