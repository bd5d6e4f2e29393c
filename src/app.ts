import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { sql } from "kysely";
import { accountApi } from "./features/account/api.ts";
import { accountRoutes } from "./features/account/routes.tsx";
import { adminApi } from "./features/admin/api.ts";
import { adminRoutes } from "./features/admin/routes.tsx";
import { auditLogApi } from "./features/audit-log/api.ts";
import { auditLogRoutes } from "./features/audit-log/routes.tsx";
import { homeRoutes } from "./features/home/routes.tsx";
import { features } from "./features/registry.ts";
import type { Deps } from "./platform/deps.ts";
import { AppError } from "./platform/errors.ts";
import { apiRouter } from "./platform/http/api.ts";
import { assetRoutes } from "./platform/http/assets.ts";
import { csrf } from "./platform/http/csrf.ts";
import { isLargeBodyPath } from "./platform/http/large-bodies.ts";
import type { AppEnv } from "./platform/http/env.ts";
import { translator } from "./platform/i18n/index.ts";
import { onError, onNotFound } from "./platform/http/error-handler.tsx";
import { securityHeaders } from "./platform/http/security-headers.ts";
import { sessionAndLanguage } from "./platform/http/session.ts";

export { allowLargeBodies } from "./platform/http/large-bodies.ts";

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(onNotFound);

  app.use("*", async (c, next) => {
    c.set("requestId", randomBytes(6).toString("hex"));
    c.set("deps", deps);
    // Defaults for pages rendered before the session is read (e.g. a body over the limit).
    c.set("lang", "nl");
    c.set("t", translator("nl"));
    c.set("actor", null);
    c.set("organisation", null);
    await next();
  });
  app.use("*", securityHeaders(deps.config.secureCookies));

  // Liveness and readiness answer before sessions: load balancers carry no cookies.
  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/ready", async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ status: "ready" });
    } catch {
      return c.json({ status: "database unreachable" }, 503);
    }
  });
  app.route("/assets", assetRoutes());

  const limit = bodyLimit({
    maxSize: deps.config.maxBodyBytes,
    onError: () => {
      throw new AppError("payload_too_large", "error.payload_too_large");
    },
  });
  app.use("*", async (c, next) => {
    if (isLargeBodyPath(c.req.path)) return next();
    return limit(c, next);
  });
  app.use("*", sessionAndLanguage());
  app.use("*", csrf(deps.config.sessionSecret, deps.config.secureCookies));

  app.route("/", homeRoutes());
  app.route("/", accountRoutes());
  app.route("/", adminRoutes());
  app.route("/", auditLogRoutes());
  for (const feature of features) if (feature.routes) app.route("/", feature.routes());

  const api = apiRouter();
  api.route("/", accountApi());
  api.route("/", adminApi());
  api.route("/", auditLogApi());
  for (const feature of features) if (feature.api) api.route("/", feature.api());
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Afweging API", version: "1", description: "The same use cases as the pages, with the same permissions. Errors are RFC 9457 problem+json." },
  });
  app.route("/api/v1", api);
  return app;
}
