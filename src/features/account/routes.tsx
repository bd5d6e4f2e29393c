import { Hono } from "hono";
import { AppError, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { issueCsrfCookie } from "../../platform/http/csrf.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor, safeLocalPath } from "../../platform/http/render.tsx";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.ts";
import { clearSessionCookie, setLangCookie, setSessionCookie } from "../../platform/http/session.ts";
import { clientAddress } from "../../platform/http/client-address.ts";
import { isLang } from "../../platform/i18n/index.ts";
import { AccountPage, LoginPage } from "./views.tsx";
import { changeOwnPassword, endOwnSessions, logIn, logOut, setLocale } from "./service.ts";
import { listUserSessions } from "../../platform/auth/sessions.ts";
import type { PageContext } from "../../ui/page-context.ts";
import type { LoginWhere } from "./login-methods.ts";

export function accountRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The login page, also at an organisation's own login address (/login/<slug>), with what other login methods add.
  const showLogin = (c: AppContext, extra: { values?: Record<string, string>; errors?: FieldError[] } = {}, status = 200) => {
    const deps = c.get("deps");
    const next = safeLocalPath(c.req.query("next"));
    const where: LoginWhere = { organisation: c.req.param("organisation") ?? c.req.query("organisation") ?? null, email: c.req.query("address") ?? extra.values?.email ?? null, next };
    const sections = (ctx: PageContext) => Promise.all(deps.extensions.get("loginMethods").map((m) => m.section(deps, ctx, where)));
    return renderPage(c, c.get("t")("login.title"), (ctx) => <LoginPage ctx={ctx} next={next} organisation={where.organisation} sections={sections(ctx)} {...extra} />, status);
  };

  for (const path of ["/login", "/login/:organisation"]) {
    app.get(path, (c) => (c.get("actor") ? c.redirect("/", 303) : showLogin(c)));
  }

  app.post("/login", async (c) => {
    const deps = c.get("deps");
    const body = await formBody(c);
    const next = safeLocalPath(c.req.query("next"));
    try {
      const { token } = await logIn(deps, body, clientAddress(c));
      setSessionCookie(c, token, deps.config.secureCookies);
      // A new CSRF secret with the new session: tokens seen before login are worthless after it.
      issueCsrfCookie(c, deps.config.secureCookies);
      return c.redirect(next, 303);
    } catch (e) {
      if (!(e instanceof AppError) || !["validation", "unauthenticated", "throttled", "rule_refused"].includes(e.code)) throw e;
      if (e.code === "throttled") c.header("Retry-After", String(e.params.retryAfter));
      const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: "email", messageKey: e.messageKey, params: e.params }];
      return showLogin(c, { values: { email: body.email ?? "" }, errors }, e.status);
    }
  });

  app.post("/logout", async (c) => {
    const actor = requireActor(c);
    const { redirect } = await logOut(c.get("deps"), actor, c.get("sessionToken")!);
    clearSessionCookie(c, c.get("deps").config.secureCookies);
    // Signed in through an identity provider: the browser goes on to end that session too.
    if (redirect) return c.redirect(redirect, 303);
    return redirectWithFlash(c, "/login", "login.logged_out");
  });

  app.post("/language", async (c) => {
    const deps = c.get("deps");
    const body = await formBody(c);
    const locale = body.locale;
    if (!isLang(locale)) throw new AppError("validation", "field.invalid_choice");
    const actor = c.get("actor");
    if (actor) await setLocale(deps, actor, { locale });
    setLangCookie(c, locale, deps.config.secureCookies);
    return c.redirect(safeLocalPath(body.returnTo), 303);
  });

  const showAccount = async (c: AppContext, extra: Omit<Parameters<typeof AccountPage>[0], "ctx" | "tokens" | "sessions"> = {}, status = 200) => {
    const actor = requireActor(c);
    const tokens = await listApiTokens(c.get("deps"), actor);
    const sessions = await listUserSessions(c.get("deps"), actor.userId, c.get("sessionToken") ?? undefined);
    return renderPage(c, c.get("t")("account.title"), (ctx) => <AccountPage ctx={ctx} tokens={tokens} sessions={sessions} {...extra} />, status);
  };

  app.get("/account", (c) => showAccount(c));

  app.post("/account/password", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await changeOwnPassword(c.get("deps"), actor, body, c.get("sessionToken") ?? undefined);
        return redirectWithFlash(c, "/account", "account.password_changed");
      },
      (errors, status) => showAccount(c, { errors }, status),
    );
  });

  app.post("/account/tokens", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        // The token is shown on this response only; it is never stored in a form of its own.
        const { token } = await createApiToken(c.get("deps"), actor, body);
        return showAccount(c, { newToken: token }, 201);
      },
      (errors, status) => showAccount(c, { tokenErrors: errors, tokenValues: body }, status),
    );
  });

  app.post("/account/sessions/end", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await endOwnSessions(c.get("deps"), actor, body, c.get("sessionToken") ?? "");
        return redirectWithFlash(c, "/account", "account.sessions_ended");
      },
      (errors, status) => showAccount(c, { sessionErrors: errors }, status),
    );
  });

  app.post("/account/tokens/:id/revoke", async (c) => {
    const actor = requireActor(c);
    await revokeApiToken(c.get("deps"), actor, c.req.param("id"));
    return redirectWithFlash(c, "/account", "account.token_revoked");
  });

  return app;
}
