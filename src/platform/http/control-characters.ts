import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import type { AppContext, AppEnv } from "./env.ts";
import { isLargeBodyRequest } from "./large-bodies.ts";

/**
 * One rule for control characters in all text input, applied at the edge, the
 * same on SQLite and PostgreSQL: a request whose path, query, form fields or
 * JSON strings hold a NUL, another C0 control character (U+0000–U+001F) or DEL
 * (U+007F) is refused with 400 before any route, session or database sees it.
 * Only text that may span lines — form field values and JSON string values —
 * may contain TAB, LF and CR. Names (form field names, JSON keys, query names
 * and values, path segments, file names) may contain none.
 *
 * Why: PostgreSQL cannot store NUL in text and fails with a 500; SQLite stores
 * it, and a control character in an id, an e-mail address or a name confuses
 * every reader after it (logs, exports, CSV, screen readers). Refusing is
 * clearer than silently removing: the user sees what to fix.
 *
 * Streamed upload bodies (Feature.largeBodyPaths) are not read here; their
 * paths and queries are checked.
 */
const ANY_CONTROL = /[\x00-\x1f\x7f]/;
const CONTROL_EXCEPT_LINES = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** True when `text` holds a control character the rule refuses; `multiLine` allows TAB, LF and CR. */
export function hasControlCharacter(text: string, multiLine = false): boolean {
  return (multiLine ? CONTROL_EXCEPT_LINES : ANY_CONTROL).test(text);
}

export function refuseControlCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const where = await findControlCharacter(c);
    if (where) {
      const field = where.length > 200 ? `${where.slice(0, 200)}…` : where;
      throw new AppError("validation", "error.control_characters", { fieldErrors: [{ field, messageKey: "error.control_characters_field" }] });
    }
    await next();
  };
}

/** Where the first refused character is (`path`, `query.<name>`, `body.<name>`), or null. */
export async function findControlCharacter(c: AppContext): Promise<string | null> {
  const url = new URL(c.req.url);
  for (const segment of url.pathname.split("/")) {
    if (ENCODED_CONTROL.test(segment) || hasControlCharacter(decodeLoosely(segment))) return "path";
  }
  for (const [name, value] of url.searchParams) {
    if (hasControlCharacter(name) || hasControlCharacter(value)) return `query.${printable(name)}`;
  }
  if (!BODY_METHODS.has(c.req.method) || isLargeBodyRequest(c)) return null;
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return findInForm(c);
  if (/^application\/([a-z0-9.-]+\+)?json$/.test(type)) return findInJson(c);
  return null;
}

async function findInForm(c: AppContext): Promise<string | null> {
  // parseBody caches the form data, so the route reads the same body again (with its own options).
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = (await c.req.parseBody({ all: true })) as typeof body;
  } catch {
    return null; // a malformed body is the route's to refuse
  }
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    const bad = hasControlCharacter(name) || values.some((v) => (typeof v === "string" ? hasControlCharacter(v, true) : hasControlCharacter(v.name)));
    if (bad) return `body.${printable(name)}`;
  }
  return null;
}

async function findInJson(c: AppContext): Promise<string | null> {
  let root: unknown;
  try {
    root = await c.req.json();
  } catch {
    return null; // not JSON: the route's validation answers that
  }
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: { value: unknown; path: string }[] = [{ value: root, path: "body" }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (hasControlCharacter(value, true)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]` }));
    } else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        if (hasControlCharacter(key)) return `${path}.${printable(key)}`;
        stack.push({ value: v, path: `${path}.${printable(key)}` });
      }
    }
  }
  return null;
}

/** Percent-decoding as the router does it: what cannot be decoded stays as it is. */
function decodeLoosely(segment: string): string {
  return segment.replace(/(?:%[0-9a-f]{2})+/gi, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

/** A name as it can be shown in an error: control characters replaced, length bounded. */
function printable(name: string): string {
  return name.replace(/[\x00-\x1f\x7f]/g, "\uFFFD").slice(0, 80);
}
