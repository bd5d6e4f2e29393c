import { defineConfig } from "vitest/config";
import LongestFirst from "./test/support/longest-first.ts";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "hono/jsx" },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    // Database tests share one PostgreSQL server; files run in parallel but each
    // works in databases of its own, copied from templates made once per run
    // (src/platform/db/test-support.ts); the global setup names the run and cleans up after it.
    globalSetup: ["test/support/global-setup.ts"],
    // Test-only argon2 cost (src/platform/auth/passwords.ts); the production cost has its own test.
    env: { AFWEGING_PASSWORD_HASHING: "test-light" },
    pool: "forks",
    // Known-long files start first, so the two workers end together (test/support/longest-first.ts).
    sequence: { sequencer: LongestFirst },
    // A worker runs file after file with the modules it has loaded already: loading the app's
    // modules again for every file cost about 40% of the suite's processor time. Nothing in
    // the app registers itself on import, and each test makes its own database, so files
    // do not see each other; a test that changes process state (process.env) puts it back.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    testTimeout: 30_000,
    // Pages of a browser journey may take seconds on a busy 2-core machine; a poll waits for them.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
