import type { MiddlewareHandler } from "hono";

/** A strict policy: only our own scripts and styles, nothing inline, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(secure: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // A route may set a stricter policy of its own (e.g. for an uploaded SVG).
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "DENY");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (secure) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // API answers carry personal data: no browser or proxy keeps a copy.
    if (c.req.path.startsWith("/api/")) c.header("Cache-Control", "no-store");
  };
}
