import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { sql } from "kysely";
import type { Deps } from "./platform/deps.ts";
import { AppError } from "./platform/errors.ts";
import { assertUniqueNames, composeNav, Extensions, type Feature } from "./platform/feature.ts";
import { apiRouter } from "./platform/http/api.ts";
import { apiDocsRoutes, type OpenApiDoc } from "./platform/http/api-docs.tsx";
import { assetRoutes } from "./platform/http/assets.ts";
import { compression } from "./platform/http/compression.ts";
import { csrf } from "./platform/http/csrf.ts";
import { isLargeBodyRequest } from "./platform/http/large-bodies.ts";
import { refuseControlCharacters } from "./platform/http/control-characters.ts";
import type { AppEnv } from "./platform/http/env.ts";
import { installCatalogues, translator } from "./platform/i18n/index.ts";
import { onError, onNotFound } from "./platform/http/error-handler.tsx";
import { DEFAULT_OVERLOAD, overloadGuard } from "./platform/http/overload.ts";
import { securityHeaders } from "./platform/http/security-headers.ts";
import { sessionAndLanguage } from "./platform/http/session.ts";
import { requireActor } from "./platform/http/render.tsx";

/**
 * The Hono app of the given features (normally `features` from
 * features/registry.ts): their catalogues, menu, pages, API and extension
 * points. The deps the routes see carry those features' extensions.
 */
export function createApp(baseDeps: Deps, features: readonly Feature[]): Hono<AppEnv> {
  assertUniqueNames(features);
  installCatalogues(features.flatMap((f) => (f.messages ? [f.messages] : [])));
  const deps: Deps = { ...baseDeps, extensions: new Extensions(features) };
  const nav = composeNav(features);
  const largeBodyPaths = features.flatMap((f) => f.largeBodyPaths ?? []);
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
    c.set("nav", nav);
    c.set("largeBodyPaths", largeBodyPaths);
    await next();
  });
  app.use("*", compression());
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
  app.use("*", overloadGuard(deps.config.overload ?? DEFAULT_OVERLOAD));

  const limit = bodyLimit({
    maxSize: deps.config.maxBodyBytes,
    onError: () => {
      throw new AppError("payload_too_large", "error.payload_too_large");
    },
  });
  app.use("*", async (c, next) => {
    if (isLargeBodyRequest(c)) return next();
    return limit(c, next);
  });
  app.use("*", refuseControlCharacters());
  app.use("*", sessionAndLanguage());
  app.use("*", csrf(deps.config.sessionSecret, deps.config.secureCookies));

  for (const feature of features) if (feature.routes) app.route("/", feature.routes());

  // Who calls comes before what they send: the API answers 401 before it validates a body.
  // Public endpoints live under /api/v1/public/ (and the OpenAPI document itself).
  app.use("/api/v1/*", async (c, next) => {
    if (!/^\/api\/v1\/(public\/|openapi\.json$)/.test(c.req.path)) requireActor(c);
    await next();
  });
  const api = apiRouter();
  for (const feature of features) if (feature.api) api.route("/", feature.api());
  const openApi = {
    openapi: "3.1.0",
    info: { title: "Afweging API", version: "1", description: "The same use cases as the pages, with the same permissions. Errors are RFC 9457 problem+json." },
  };
  api.doc31("/openapi.json", openApi);
  app.route("/api/v1", api);
  // Browsable documentation of the same document, rendered on the server (no scripts).
  app.route("/", apiDocsRoutes(() => api.getOpenAPI31Document(openApi) as OpenApiDoc));
  return app;
}
