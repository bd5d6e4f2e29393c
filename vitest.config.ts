import { defineConfig } from "vitest/config";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "hono/jsx" },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    // Database tests share one PostgreSQL server; files run in parallel but each
    // test works in its own freshly created schema, so they never collide.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    // Pages of a browser journey may take seconds on a busy 2-core machine; a poll waits for them.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
