import { z } from "zod";
import { isIsoDate } from "../domain/dates.ts";
import { AppError, type FieldError } from "./errors.ts";
import { isMessageKey, type MessageKey } from "./i18n/index.ts";

/**
 * Parses input with a zod schema. Schema messages are message-catalogue keys
 * (e.g. "field.required"), so the same schema feeds Dutch and English form
 * errors and the API's 400 answer.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new AppError("validation", "error.validation", { fieldErrors: toFieldErrors(result.error) });
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "_";
    const params: Record<string, string | number> = {};
    if (issue.code === "too_big" && typeof issue.maximum === "number") params.max = issue.maximum;
    if (issue.code === "too_small" && typeof issue.minimum === "number") params.min = issue.minimum;
    // Schema messages are catalogue keys; anything else (a library's own wording) gets the general key for its kind.
    const messageKey = isMessageKey(issue.message) ? issue.message : defaultKey(issue);
    return { field, messageKey, params };
  });
}

function defaultKey(issue: z.core.$ZodIssue): MessageKey {
  switch (issue.code) {
    case "too_big":
      return "field.too_long";
    case "too_small":
      return "field.required";
    case "invalid_value":
      return "field.invalid_choice";
    default:
      return "field.invalid";
  }
}

/** Common field shapes with their messages. */
export const fields = {
  text: (max = 200) => z.string().trim().min(1, "field.required").max(max, "field.too_long"),
  optionalText: (max = 2000) =>
    z
      .string()
      .trim()
      .max(max, "field.too_long")
      .optional()
      .transform((v) => (v ? v : null)),
  email: () =>
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "field.required")
      .max(254, "field.too_long")
      .pipe(z.email("field.email")),
  /** A calendar date as the forms send it, e.g. 2026-04-15; 2026-02-30 is refused. */
  date: () => z.string().trim().max(10, "field.date").refine(isIsoDate, "field.date"),
  /** An optional date: absent and "" both mean none (undefined). */
  optionalDate: () =>
    z
      .string()
      .trim()
      .max(10, "field.date")
      .refine((v) => v === "" || isIsoDate(v), "field.date")
      .transform((v) => (v ? v : undefined))
      .optional(),
};
