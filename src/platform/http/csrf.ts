import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./env.ts";
import { isLargeBodyRequest } from "./large-bodies.ts";

export const CSRF_COOKIE = "afw_csrf";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Signed double-submit token: the cookie holds a random value, forms carry its
 * HMAC. Another site can neither read the cookie nor compute the HMAC.
 */
export function csrfTokenFor(secret: string, cookieValue: string): string {
  return createHmac("sha256", secret).update(`csrf:${cookieValue}`).digest("base64url");
}

export function issueCsrfCookie(c: Context<AppEnv>, secure: boolean): string {
  const value = randomBytes(24).toString("base64url");
  setCookie(c, CSRF_COOKIE, value, { httpOnly: true, sameSite: "Lax", secure, path: "/" });
  return value;
}

export function csrf(secret: string, secure: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let cookie = getCookie(c, CSRF_COOKIE);
    const method = c.req.method.toUpperCase();
    // A bearer token is not sent by browsers on their own, so it needs no CSRF token.
    const byToken = c.get("authenticatedBy")?.startsWith("token:") ?? false;
    if (!SAFE.has(method) && !byToken) {
      const sent = c.req.header("x-csrf-token") ?? (await formToken(c));
      if (!cookie || !sent || !equal(sent, csrfTokenFor(secret, cookie))) {
        throw new AppError("csrf", "error.csrf");
      }
    }
    if (!cookie) cookie = issueCsrfCookie(c, secure);
    c.set("csrfToken", csrfTokenFor(secret, cookie));
    await next();
  };
}

async function formToken(c: Context<AppEnv>): Promise<string | undefined> {
  // A streamed upload is never read here; its form carries the token in the URL instead.
  if (isLargeBodyRequest(c)) return c.req.query("_csrf");
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return undefined;
  // parseBody caches the parsed body, so handlers can read it again.
  const body = await c.req.parseBody();
  const token = body["_csrf"];
  return typeof token === "string" ? token : undefined;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
