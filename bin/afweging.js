#!/usr/bin/env node
// Runs the command line from dist/, compiled ahead of run time with esbuild
// (bin/build.mjs): built on the first start after a checkout or a change of a
// source file, so there is no build step between a checkout and a running app.
// AFWEGING_FROM_SOURCE=1 runs the TypeScript sources through tsx instead.
import { build, isStale } from "./build.mjs";

let runCli;
if (process.env.AFWEGING_FROM_SOURCE === "1") {
  const { register } = await import("tsx/esm/api");
  register();
  ({ runCli } = await import("../src/cli/main.ts"));
} else {
  if (isStale()) await build();
  ({ runCli } = await import("../dist/cli/main.js"));
}
const code = await runCli(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  return 1;
});
// exitCode rather than exit(): a large report piped to another program is written out in full first.
if (code >= 0) process.exitCode = code;
