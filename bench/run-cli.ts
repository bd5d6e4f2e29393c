// Child-process entry for the benchmark: runs the bias-audit command exactly
// as the CLI does and prints its peak memory (maxRSS, KiB) on stderr.

import { biasAuditCommand } from "../src/cli/bias-audit.ts";

let bytesOut = 0;
const code = await biasAuditCommand(process.argv.slice(2), {
  stdout: (s) => {
    bytesOut += s.length;
    if (process.env.BENCH_PRINT) process.stdout.write(s + "\n");
  },
  stderr: (s) => process.stderr.write(s + "\n"),
});
process.stderr.write(`BENCH ${JSON.stringify({ code, bytesOut, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
