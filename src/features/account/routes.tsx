import { Hono } from "hono";
import { AppError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { issueCsrfCookie } from "../../platform/http/csrf.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor, safeLocalPath } from "../../platform/http/render.tsx";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.ts";
import { clearSessionCookie, setLangCookie, setSessionCookie } from "../../platform/http/session.ts";
import { clientAddress } from "../../platform/http/client-address.ts";
import { isLang } from "../../platform/i18n/index.ts";
import { AccountPage, LoginPage } from "./views.tsx";
import { changeOwnPassword, logIn, logOut, setLocale } from "./service.ts";

export function accountRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/login", (c) => {
    if (c.get("actor")) return c.redirect("/", 303);
    const next = safeLocalPath(c.req.query("next"));
    return renderPage(c, c.get("t")("login.title"), (ctx) => <LoginPage ctx={ctx} next={next} />);
  });

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
      if (!(e instanceof AppError) || !["validation", "unauthenticated", "throttled"].includes(e.code)) throw e;
      if (e.code === "throttled") c.header("Retry-After", String(e.params.retryAfter));
      const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: "email", messageKey: e.messageKey, params: e.params }];
      return renderPage(c, c.get("t")("login.title"), (ctx) => <LoginPage ctx={ctx} values={{ email: body.email }} errors={errors} next={next} />, e.status);
    }
  });

  app.post("/logout", async (c) => {
    const actor = requireActor(c);
    await logOut(c.get("deps"), actor, c.get("sessionToken")!);
    clearSessionCookie(c, c.get("deps").config.secureCookies);
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

  const showAccount = async (c: AppContext, extra: Omit<Parameters<typeof AccountPage>[0], "ctx" | "tokens"> = {}, status = 200) => {
    const actor = requireActor(c);
    const tokens = await listApiTokens(c.get("deps"), actor);
    return renderPage(c, c.get("t")("account.title"), (ctx) => <AccountPage ctx={ctx} tokens={tokens} {...extra} />, status);
  };

  app.get("/account", (c) => showAccount(c));

  app.post("/account/password", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await changeOwnPassword(c.get("deps"), actor, body);
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

  app.post("/account/tokens/:id/revoke", async (c) => {
    const actor = requireActor(c);
    await revokeApiToken(c.get("deps"), actor, c.req.param("id"));
    return redirectWithFlash(c, "/account", "account.token_revoked");
  });

  return app;
}
