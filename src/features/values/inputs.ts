// What a value may hold, and the request schemas of its use cases: the forms,
// the API's request bodies, its 400 answers and /api/v1/openapi.json read the
// limits from here.
import { z } from "zod";
import { fields } from "../../platform/validation.ts";

export const VALUE_LIMITS = { key: 40, name: 80, description: 600 } as const;
export const VALUE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

const activeField = z
  .union([z.boolean(), z.literal("1"), z.literal("on"), z.literal("true"), z.literal("0"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "1" || v === "on" || v === "true");

const name = fields.text(VALUE_LIMITS.name);
const description = z.string().trim().max(VALUE_LIMITS.description, "field.too_long");

/** A value's content as the edit form sends it: every field, an unticked box meaning retired. */
export const ValueInput = z.object({
  nameNl: name,
  nameEn: name,
  descriptionNl: description.default(""),
  descriptionEn: description.default(""),
  active: activeField,
});

/** A new value: its content and a key records will refer to. Active unless sent otherwise. */
export const NewValueInput = ValueInput.extend({
  key: z.string().trim().min(1, "field.required").max(VALUE_LIMITS.key, "field.too_long").regex(VALUE_KEY_PATTERN, "values.key_format"),
});

/** A change as the API's PATCH sends it: only what changes; the rest stays as it is. */
export const ValueChangeInput = z.object({
  nameNl: name.optional(),
  nameEn: name.optional(),
  descriptionNl: description.optional(),
  descriptionEn: description.optional(),
  active: z.boolean("field.invalid").optional(),
});

export type ValueContent = z.infer<typeof ValueInput>;
