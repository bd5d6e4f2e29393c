// Field shapes and column readers shared by the expert table, moral
// deliberation and the ethics committee.
import { z } from "zod";
import { fields } from "../../platform/validation.ts";

/** A calendar date as the forms send it, e.g. 2026-04-15; 2026-02-30 is refused. */
export const dateField = fields.date;

/** An optional id chosen in a form (a project, a person): "" and absent both mean none. */
export const optionalId = () =>
  z
    .string()
    .trim()
    .max(64, "field.too_long")
    .optional()
    .transform((v) => v || null);

/** JSON text columns: a list of strings, an object of strings; anything else reads as empty. */
export { readStringList as parseStringList, readStringRecord as parseRecord } from "../../platform/db/json-columns.ts";
