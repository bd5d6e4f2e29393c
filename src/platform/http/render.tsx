import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Child } from "hono/jsx";
import type { ActorWithProfile } from "../auth/actor.ts";
import { Layout } from "../../ui/layout.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import { AppError } from "../errors.ts";
import { isMessageKey, type MessageKey } from "../i18n/index.ts";
import type { AppEnv } from "./env.ts";

const FLASH_COOKIE = "afw_flash";

export function pageContext(c: Context<AppEnv>): PageContext {
  const flash = getCookie(c, FLASH_COOKIE) ?? null;
  if (flash) deleteCookie(c, FLASH_COOKIE, { path: "/" });
  return {
    t: c.get("t"),
    lang: c.get("lang"),
    actor: c.get("actor"),
    organisation: c.get("organisation"),
    csrfToken: c.get("csrfToken") ?? "",
    path: new URL(c.req.url).pathname,
    flash: flash && isMessageKey(flash) ? flash : null,
    nav: c.get("nav"),
  };
}

export async function renderPage(c: Context<AppEnv>, title: string, body: (ctx: PageContext) => Child, status = 200): Promise<Response> {
  const ctx = await withNavCounts(c, pageContext(c));
  c.header("Cache-Control", "no-store");
  const html = await (<Layout ctx={ctx} title={title}>{body(ctx)}</Layout>).toString();
  return c.html(`<!DOCTYPE html>${html}`, status as 200);
}

async function withNavCounts(c: Context<AppEnv>, ctx: PageContext): Promise<PageContext> {
  const actor = ctx.actor;
  if (!actor) return ctx;
  const counted = ctx.nav.filter((i) => i.count && i.visible(ctx));
  if (!counted.length) return ctx;
  const counts: Record<string, number> = {};
  for (const item of counted) counts[item.href] = await item.count!(c.get("deps"), actor);
  return { ...ctx, navCounts: counts };
}

/** POST → redirect → GET, with a one-time message for the next page. */
export function redirectWithFlash(c: Context<AppEnv>, location: string, messageKey?: MessageKey) {
  if (messageKey) setCookie(c, FLASH_COOKIE, messageKey, { httpOnly: true, sameSite: "Lax", path: "/", maxAge: 60 });
  return c.redirect(location, 303);
}

export function requireActor(c: Context<AppEnv>): ActorWithProfile {
  const actor = c.get("actor");
  if (!actor) throw new AppError("unauthenticated", c.get("sessionExpired") ? "login.expired" : "error.unauthenticated");
  return actor;
}

/** Form bodies as plain strings; repeated fields keep their last value unless asked for as a list. */
export async function formBody(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    if (typeof v === "string") out[k] = v;
  }
  return out;
}

/**
 * Only local paths are followed after a form or a login, so a link cannot send
 * users elsewhere. A path must start with one slash and hold only visible ASCII:
 * browsers drop tabs and newlines (`/\t/evil.example` becomes `//evil.example`,
 * another site) and read a backslash as a slash, and a newline in a Location
 * header fails the response. The same tricks behind percent-encoding
 * (`/%2F/evil.example`, `/%09/x`) are refused too. Anything else gives `fallback`.
 */
export function safeLocalPath(path: string | undefined, fallback = "/"): string {
  return path !== undefined && isSafeLocalPath(path) ? path : fallback;
}

function isSafeLocalPath(path: string): boolean {
  if (path.length > 2048 || !/^\/[\x21-\x7e]*$/.test(path)) return false;
  let decoded = path;
  for (let round = 0; round < 4; round++) {
    if (decoded.startsWith("//") || /[\x00-\x1f\x7f\\]/.test(decoded)) return false;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return false;
    }
    if (next === decoded) break;
    decoded = next;
  }
  return new URL(path, "http://local.invalid").origin === "http://local.invalid";
}

const FORM_ERROR_CODES = new Set(["validation", "conflict", "rule_refused", "throttled"]);

/**
 * Runs a form's action; when the input or a rule refuses it, shows the form
 * again with the error summary and what the user typed, and changes nothing.
 */
export async function handleForm(
  c: Context<AppEnv>,
  action: () => Promise<Response>,
  showAgain: (errors: import("../errors.ts").FieldError[], status: number) => Response | Promise<Response>,
): Promise<Response> {
  try {
    return await action();
  } catch (e) {
    if (!(e instanceof AppError) || !FORM_ERROR_CODES.has(e.code)) throw e;
    const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: "_", messageKey: e.messageKey, params: e.params }];
    return showAgain(errors, e.status);
  }
}
