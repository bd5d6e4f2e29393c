import type { AppContext } from "./env.ts";

/**
 * Paths whose bodies may exceed the general limit because they stream uploads
 * to disk and enforce their own limit (Feature.largeBodyPaths). Their bodies
 * are never parsed by middleware: a CSRF token for them travels in the `_csrf`
 * query parameter.
 */
export function isLargeBodyRequest(c: AppContext): boolean {
  const path = c.req.path;
  return c.get("largeBodyPaths").some((p) => p.test(path));
}
