#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step between a checkout and a running app.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
const code = await runCli(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  return 1;
});
// exitCode rather than exit(): a large report piped to another program is written out in full first.
if (code >= 0) process.exitCode = code;
