import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { runForRequest } from "../db/statement-hooks.ts";
import { isLargeBodyRequest } from "./large-bodies.ts";
import { isLang, translator } from "../i18n/index.ts";
import type { AppEnv } from "./env.ts";

export interface OverloadOptions {
  /** Requests worked on at the same time; the rest wait in line. */
  maxConcurrent: number;
  /** How long a request may wait in line before it is refused with 503. */
  maxWaitMs: number;
  /** How many may wait; one more is refused at once. */
  maxQueue: number;
}

export const DEFAULT_OVERLOAD: OverloadOptions = { maxConcurrent: 8, maxWaitMs: 1000, maxQueue: 200 };

/**
 * Under load the server stays itself:
 * - at most `maxConcurrent` requests are worked on at once; others wait in a
 *   line, and one that would wait longer than `maxWaitMs` (or finds the line
 *   full) is refused at once with 503 and Retry-After, instead of piling up
 *   until every client times out;
 * - a request whose client went away leaves the line, and its database work
 *   stops before the next statement (statement-hooks.ts).
 * Mounted after /health, /ready and the assets, which keep answering.
 */
export function overloadGuard(options: OverloadOptions = DEFAULT_OVERLOAD): MiddlewareHandler<AppEnv> {
  let running = 0;
  const line: { start: () => void; timer: NodeJS.Timeout }[] = [];
  const release = () => {
    running -= 1;
    const next = line.shift();
    if (next) {
      clearTimeout(next.timer);
      running += 1;
      next.start();
    }
  };
  const admit = (signal: AbortSignal): Promise<boolean> => {
    if (running < options.maxConcurrent) {
      running += 1;
      return Promise.resolve(true);
    }
    if (line.length >= options.maxQueue) return Promise.resolve(false);
    return new Promise((resolve) => {
      const entry = {
        start: () => {
          signal.removeEventListener("abort", leave);
          resolve(true);
        },
        timer: setTimeout(() => leave(), options.maxWaitMs),
      };
      function leave() {
        const at = line.indexOf(entry);
        if (at >= 0) line.splice(at, 1);
        clearTimeout(entry.timer);
        signal.removeEventListener("abort", leave);
        resolve(false);
      }
      signal.addEventListener("abort", leave, { once: true });
      line.push(entry);
    });
  };
  return async (c, next) => {
    const signal = clientGone(c);
    if (!(await admit(signal))) return busy(c, options);
    try {
      if (signal.aborted) return c.body(null, 499 as never);
      await runForRequest(signal, () => next());
    } finally {
      release();
    }
  };
}

/**
 * A signal that fires when the client goes away. Served by Node, it listens to
 * the response's socket closing before the answer was written, and does not
 * touch the request: reading `Request.signal` there would turn the body into a
 * web stream, which a streamed upload (read from the Node request) then never
 * sees. Elsewhere (app.request in tests) it is the request's own signal.
 */
function clientGone(c: Context<AppEnv>): AbortSignal {
  const outgoing = (c.env as { outgoing?: import("node:http").ServerResponse } | undefined)?.outgoing;
  if (!outgoing || typeof outgoing.once !== "function") return isLargeBodyRequest(c) ? new AbortController().signal : c.req.raw.signal;
  const controller = new AbortController();
  outgoing.once("close", () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  return controller.signal;
}

function busy(c: Context<AppEnv>, options: OverloadOptions) {
  const cookieLang = getCookie(c, "afw_lang");
  const lang = isLang(cookieLang) ? cookieLang : "nl";
  const t = translator(lang);
  const retryAfter = String(Math.max(1, Math.ceil(options.maxWaitMs / 1000)));
  if (c.req.path.startsWith("/api/")) {
    const body = { type: "https://afweging.nl/problems/busy", title: t("error.busy_title"), status: 503, detail: t("error.busy"), code: "busy" };
    return c.body(JSON.stringify(body), 503, { "Content-Type": "application/problem+json", "Retry-After": retryAfter });
  }
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t("error.busy_title")}</title></head><body><main><h1>${t("error.busy_title")}</h1><p>${t("error.busy")}</p></main></body></html>`;
  return c.body(html, 503, { "Content-Type": "text/html; charset=utf-8", "Retry-After": retryAfter });
}
