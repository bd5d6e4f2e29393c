// Under load the server stays itself: a request whose client went away stops
// its database work; a request that would wait too long is refused at once
// with 503 and Retry-After; /health keeps answering.
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { sql } from "kysely";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/database.ts";
import { RequestAbortedError } from "../db/statement-hooks.ts";
import type { AppEnv } from "./env.ts";
import { overloadGuard, type OverloadOptions } from "./overload.ts";

let server: ServerType | null = null;
let database: Database | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await database?.destroy();
  server = null;
  database = null;
});

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function start(app: Hono<AppEnv>): Promise<string> {
  const ready = deferred<string>();
  server = serve({ fetch: app.fetch, port: 0 }, (info: AddressInfo) => ready.resolve(`http://127.0.0.1:${info.port}`));
  return ready.promise;
}

function appWith(options: OverloadOptions, work: (app: Hono<AppEnv>) => void): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((e, c) => (e instanceof RequestAbortedError ? c.body(null, 499 as never) : c.text("error", 500)));
  app.get("/health", (c) => c.json({ status: "ok" }));
  app.use("*", overloadGuard(options));
  work(app);
  return app;
}

describe("overload", () => {
  it("a client that disconnects mid-request: the server stops the work before its next statement", async () => {
    database = openDatabase("sqlite::memory:");
    const db = database.db;
    const started = deferred();
    const ended = deferred<{ statements: number; error: unknown }>();
    const app = appWith({ maxConcurrent: 4, maxWaitMs: 1000, maxQueue: 10 }, (a) =>
      a.get("/slow", async (c) => {
        let statements = 0;
        try {
          for (;;) {
            await sql`select 1`.execute(db);
            statements += 1;
            if (statements === 5) started.resolve();
            await new Promise((r) => setTimeout(r, 1));
          }
        } catch (error) {
          ended.resolve({ statements, error });
          throw error;
        }
        return c.text("never");
      }),
    );
    const base = await start(app);
    const client = new AbortController();
    const request = fetch(`${base}/slow`, { signal: client.signal }).catch((e: unknown) => e);
    await started.promise;
    client.abort();
    const { statements, error } = await ended.promise;
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(statements).toBeGreaterThanOrEqual(5);
    expect(await request).toBeInstanceOf(Error);
    // The server is free for the next request.
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it("200 concurrent clients: quick 503s with Retry-After, no time-outs, /health keeps answering", async () => {
    const gate = deferred();
    let admitted = 0;
    const allAdmitted = deferred();
    const app = appWith({ maxConcurrent: 4, maxWaitMs: 300, maxQueue: 50 }, (a) =>
      a.get("/work", async (c) => {
        admitted += 1;
        if (admitted === 4) allAdmitted.resolve();
        await gate.promise;
        return c.text("done");
      }),
    );
    const base = await start(app);
    const startedAt = Date.now();
    const requests = Array.from({ length: 200 }, () => fetch(`${base}/work`).then(async (r) => ({ status: r.status, retryAfter: r.headers.get("retry-after"), at: Date.now() - startedAt, body: await r.text() })));
    await allAdmitted.promise;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    // Those refused are answered while the admitted ones are still working.
    const settledBeforeRelease = await waitForRefusals(requests, 196);
    gate.resolve();
    const all = await Promise.all(requests);
    expect(all.filter((r) => r.status === 200)).toHaveLength(4);
    const busy = all.filter((r) => r.status === 503);
    expect(busy).toHaveLength(196);
    expect(busy.every((r) => r.retryAfter === "1" && r.body.includes("te druk"))).toBe(true);
    // Quick: none waited much longer than the line's limit.
    expect(Math.max(...busy.map((r) => r.at))).toBeLessThan(3000);
    expect(settledBeforeRelease).toBe(196);
    expect(admitted).toBe(4);
  });
});

/** Waits until `n` of the requests have been answered with 503 (they are refused while the others still work). */
async function waitForRefusals(requests: Promise<{ status: number }>[], n: number): Promise<number> {
  let count = 0;
  const done = deferred<number>();
  for (const r of requests) {
    void r.then((x) => {
      if (x.status === 503 && ++count === n) done.resolve(count);
    });
  }
  return done.promise;
}
