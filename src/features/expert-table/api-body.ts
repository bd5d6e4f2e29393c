import type { Context } from "hono";

/**
 * The JSON body as it was sent. The route's request schema (the use case's
 * own) has already checked it, for the 400 and the OpenAPI document; the use
 * case parses it again, as it does every caller's input, so its transforms
 * (an empty text to null) run once on what was sent.
 */
export function sentJson(c: Context): Promise<unknown> {
  return c.req.json();
}
