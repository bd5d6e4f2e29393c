// The shapes of the procurement inputs that more than one use case shares.
import { z } from "zod";
import { isIsoDate } from "../../instruments/index.ts";
import { LIMITS } from "./model.ts";

/** A calendar date as a form's date field sends it (yyyy-mm-dd); 2026-02-30 is refused. */
export const dateField = () => z.string("field.date").trim().max(LIMITS.date, "field.date").refine(isIsoDate, "field.date");

/** An optional date: "" and absent both mean none. */
export const optionalDate = () =>
  z
    .string()
    .trim()
    .max(LIMITS.date, "field.date")
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), "field.date");

/** The revision the person saw (forms send it): a change on a newer revision is a conflict. */
export const expectedRevision = z.coerce.number("field.invalid").int("field.invalid").min(1, "field.invalid").optional();

export const idField = (required = "field.required") => z.string(required).trim().min(1, required).max(LIMITS.id, "field.too_long");
