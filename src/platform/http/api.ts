import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AppError } from "../errors.ts";
import { toFieldErrors } from "../validation.ts";
import type { AppEnv } from "./env.ts";
import { problem } from "./error-handler.tsx";

/** A router for /api/v1 whose validation failures answer as problem+json with field errors. */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return problem(c as Context<AppEnv>, new AppError("validation", "error.validation", { fieldErrors: toFieldErrors(result.error as z.ZodError) }));
      }
      return undefined;
    },
  });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

export const problemResponses = {
  400: { description: "Invalid input", content: { "application/problem+json": { schema: ProblemSchema } } },
  401: { description: "Not logged in", content: { "application/problem+json": { schema: ProblemSchema } } },
  403: { description: "Not allowed", content: { "application/problem+json": { schema: ProblemSchema } } },
  404: { description: "Not found", content: { "application/problem+json": { schema: ProblemSchema } } },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
export const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });

/**
 * The JSON body as it was sent. The route's request schema (the use case's
 * own) has already checked it, for the 400 and the OpenAPI document; the use
 * case parses it again, as it does every caller's input, so its transforms
 * (an empty text to null) run once on what was sent.
 */
export function sentJson(c: Context): Promise<unknown> {
  return c.req.json();
}
