import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { loadActor } from "../auth/actor.ts";
import { findOrganisation } from "../organisations.ts";
import { findSessionWithActor, SESSION_COOKIE } from "../auth/sessions.ts";
import { isLang, translator, type Lang } from "../i18n/index.ts";
import type { AppEnv } from "./env.ts";
import { findApiToken } from "../auth/api-tokens.ts";
import { AppError } from "../errors.ts";
import { deleteSession } from "../auth/sessions.ts";
import { tokenRateLimiter } from "../auth/token-rate.ts";

export const LANG_COOKIE = "afw_lang";

/** Loads the session, the acting user with their roles, their organisation and the language. */
export function sessionAndLanguage(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get("deps");
    const token = readSessionCookie(c, deps.config.secureCookies);
    c.set("actor", null);
    c.set("organisation", null);
    c.set("sessionToken", null);
    c.set("sessionExpired", false);
    c.set("authenticatedBy", null);
    const bearer = c.req.header("authorization")?.match(/^Bearer (\S+)$/)?.[1];
    if (bearer && c.req.path.startsWith("/api/")) {
      const found = await findApiToken(deps, bearer);
      const actor = found ? await loadActor(deps.db, found.userId) : null;
      if (!found || !actor) throw new AppError("unauthenticated", "api.token_invalid");
      if (!tokenRateLimiter.take(found.tokenId, deps.now().getTime())) throw new AppError("throttled", "api.token_rate_limited", { params: { limit: tokenRateLimiter.perMinute } });
      const organisation = await findOrganisation(deps.db, actor.organisationId);
      if (organisation?.disabled) throw new AppError("forbidden", "organisation.disabled_access");
      if (found.scope === "read" && !["GET", "HEAD"].includes(c.req.method)) throw new AppError("forbidden", "api.token_read_only");
      c.set("actor", actor);
      c.set("organisation", organisation);
      c.set("authenticatedBy", `token:${found.scope}`);
    } else if (token) {
      const found = await findSessionWithActor(deps, token);
      if (found?.organisation.disabled) {
        // The organisation was disabled while this session was open: it ends here, with the reason.
        await deleteSession(deps.db, token);
        clearSessionCookie(c, deps.config.secureCookies);
        throw new AppError("forbidden", "organisation.disabled_access");
      }
      if (found) {
        c.set("actor", found.actor);
        c.set("sessionToken", token);
        c.set("authenticatedBy", "session");
        c.set("organisation", found.organisation);
      } else {
        clearSessionCookie(c, deps.config.secureCookies);
        c.set("sessionExpired", true);
      }
    }
    const actor = c.get("actor");
    const cookieLang = getCookie(c, LANG_COOKIE);
    const lang: Lang = actor && isLang(actor.locale) ? actor.locale : isLang(cookieLang) ? cookieLang : "nl";
    c.set("lang", lang);
    c.set("t", translator(lang));
    await next();
  };
}

type Ctx = Parameters<MiddlewareHandler<AppEnv>>[0];

/**
 * The session cookie is a browser-session cookie (no Max-Age: it ends when the
 * browser closes); the server ends it sooner when idle or too old (sessions.ts).
 * Over https it is `__Host-afw_session`: Secure, Path=/ and no Domain, so no
 * other host or plain-http page can set or overwrite it.
 */
const sessionCookieOptions = (secure: boolean) => (secure ? { secure: true, prefix: "host" as const } : { secure: false });

export function readSessionCookie(c: Ctx, secure: boolean): string | null {
  return getCookie(c, SESSION_COOKIE, secure ? "host" : undefined) ?? null;
}

export function setSessionCookie(c: Ctx, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Lax", path: "/", ...sessionCookieOptions(secure) });
}

export function clearSessionCookie(c: Ctx, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", ...sessionCookieOptions(secure) });
}

export function setLangCookie(c: Ctx, lang: Lang, secure: boolean): void {
  setCookie(c, LANG_COOKIE, lang, { httpOnly: true, sameSite: "Lax", secure, path: "/", maxAge: 365 * 24 * 60 * 60 });
}
