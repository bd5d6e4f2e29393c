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

/** Reads a JSON text column holding a list of strings; anything else reads as empty. */
export function parseStringList(json: string | null | undefined): string[] {
  const v = parseJson(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Reads a JSON text column holding an object of strings; anything else reads as empty. */
export function parseRecord(json: string | null | undefined): Record<string, string> {
  const v = parseJson(json);
  if (!v || typeof v !== "object" || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function parseJson(json: string | null | undefined): unknown {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
