import { Hono } from "hono";
import { tokenRateLimiter } from "../../platform/auth/token-rate.ts";
import type { FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { createServiceToken, listServiceTokens, revokeServiceToken } from "./service.ts";
import { ServiceTokensPage } from "./views.tsx";

export function serviceTokenRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const show = async (c: AppContext, extra: { newToken?: string; values?: Record<string, string>; errors?: FieldError[] } = {}, status = 200) => {
    const tokens = await listServiceTokens(c.get("deps"), requireActor(c));
    return renderPage(c, c.get("t")("service_tokens.title"), (ctx) => <ServiceTokensPage ctx={ctx} tokens={tokens} limit={tokenRateLimiter.perMinute} {...extra} />, status);
  };

  app.get("/admin/service-tokens", (c) => show(c));

  app.post("/admin/service-tokens", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      // Shown on this response only.
      async () => show(c, { newToken: (await createServiceToken(c.get("deps"), actor, body)).token }, 201),
      (errors, status) => show(c, { errors, values: body }, status),
    );
  });

  app.post("/admin/service-tokens/:id/revoke", async (c) => {
    await revokeServiceToken(c.get("deps"), requireActor(c), c.req.param("id"));
    return redirectWithFlash(c, "/admin/service-tokens", "service_tokens.revoked");
  });
  return app;
}
