import { Hono } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { AppError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { issueCsrfCookie } from "../../platform/http/csrf.ts";
import { formBody, redirectWithFlash, renderPage, requireActor, safeLocalPath } from "../../platform/http/render.tsx";
import { setLangCookie, setSessionCookie } from "../../platform/http/session.ts";
import { isLang } from "../../platform/i18n/index.ts";
import { AccountPage, LoginPage } from "./views.tsx";
import { changeOwnPassword, logIn, logOut, setLocale } from "./service.ts";
import { deleteCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../../platform/auth/sessions.ts";

function clientAddress(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

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
      const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: "email", messageKey: e.messageKey, params: e.params }];
      return renderPage(c, c.get("t")("login.title"), (ctx) => <LoginPage ctx={ctx} values={{ email: body.email }} errors={errors} next={next} />, e.status);
    }
  });

  app.post("/logout", async (c) => {
    const actor = requireActor(c);
    await logOut(c.get("deps"), actor, c.get("sessionToken")!);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
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

  app.get("/account", (c) => {
    requireActor(c);
    return renderPage(c, c.get("t")("account.title"), (ctx) => <AccountPage ctx={ctx} />);
  });

  app.post("/account/password", async (c) => {
    const actor = requireActor(c);
    try {
      await changeOwnPassword(c.get("deps"), actor, await formBody(c));
      return redirectWithFlash(c, "/account", "account.password_changed");
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "validation") throw e;
      return renderPage(c, c.get("t")("account.title"), (ctx) => <AccountPage ctx={ctx} errors={e.fieldErrors} />, 400);
    }
  });

  return app;
}
