import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { Heading1, Link, Paragraph } from "../../ui/components.tsx";
import { RequestAbortedError } from "../db/statement-hooks.ts";
import { AppError } from "../errors.ts";
import { translator } from "../i18n/index.ts";
import type { AppEnv } from "./env.ts";
import { redirectWithFlash, renderPage } from "./render.tsx";

function isApi(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).pathname.startsWith("/api/");
}

/** RFC 9457 problem details, with field errors where input was wrong. */
export function problem(c: Context<AppEnv>, error: AppError, requestId?: string) {
  const t = c.get("t") ?? translator("nl");
  const body = {
    type: `https://afweging.nl/problems/${error.code}`,
    title: t(`error.${error.code}`),
    status: error.status,
    detail: t(error.messageKey, error.params),
    code: error.code,
    ...(error.fieldErrors.length
      ? { errors: error.fieldErrors.map((f) => ({ field: f.field, code: f.messageKey, message: t(f.messageKey, f.params) })) }
      : {}),
    ...(requestId ? { instance: `urn:afweging:request:${requestId}` } : {}),
  };
  return c.body(JSON.stringify(body), error.status as 400, { "Content-Type": "application/problem+json" });
}

function errorPage(c: Context<AppEnv>, error: AppError, reference?: string) {
  const t = c.get("t") ?? translator("nl");
  const titleKey =
    error.code === "not_found"
      ? "error.not_found_title"
      : error.code === "forbidden"
        ? "error.forbidden_title"
        : error.code === "internal"
          ? "error.internal_title"
          : error.code === "validation"
            ? "error.validation_title"
            : "error.rule_refused";
  return renderPage(
    c,
    t(titleKey),
    () => (
      <>
        <Heading1>{t(titleKey)}</Heading1>
        <Paragraph lead>{t(error.messageKey, error.params)}</Paragraph>
        {error.code === "not_found" ? <Paragraph>{t("error.not_found_help")}</Paragraph> : null}
        {reference ? <Paragraph>{t("error.reference", { id: reference })}</Paragraph> : null}
        <Paragraph><Link href="/">{t("error.back_home")}</Link></Paragraph>
      </>
    ),
    error.status,
  );
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  let error: AppError;
  // The client went away: nobody reads an answer, and nothing needs logging.
  if (err instanceof RequestAbortedError) return c.body(null, 499 as never);
  if (err instanceof AppError) error = err;
  else if (err instanceof HTTPException && err.status === 413) error = new AppError("payload_too_large", "error.payload_too_large");
  else if (err instanceof HTTPException && err.status < 500) error = new AppError("validation", "error.validation");
  else {
    const reference = c.get("requestId") ?? "-";
    console.error(`[${reference}] ${c.req.method} ${c.req.path}`, err);
    error = new AppError("internal", "error.internal");
    return isApi(c) ? problem(c, error, reference) : errorPage(c, error, reference);
  }
  if (isApi(c)) return problem(c, error);
  if (error.code === "unauthenticated") {
    const next = encodeURIComponent(new URL(c.req.url).pathname);
    return redirectWithFlash(c, `/login?next=${next}`, c.get("sessionExpired") ? "login.expired" : undefined);
  }
  return errorPage(c, error);
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) => {
  const error = new AppError("not_found", "error.not_found");
  return isApi(c) ? problem(c, error) : errorPage(c, error);
};
