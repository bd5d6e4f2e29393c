// The zod schema of a register entry, made from the field list: the same limits
// in the form, the API's 400 and /api/v1/openapi.json. A draft may be
// incomplete; what release needs is checked by `releaseProblems` (checks.ts).
import { z } from "zod";
import { isIsoDate } from "../../domain/dates.ts";
import { REGISTER_FIELDS, type EntryFields, type RegisterField } from "./fields.ts";
import { sanitiseHtml } from "./sanitise.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const optional = <T extends z.ZodType>(schema: T) => schema.optional();

function lineSchema(f: Extract<RegisterField, { kind: "line" }>) {
  const base = z.string().trim().max(f.max, "field.too_long");
  switch (f.format) {
    case "email":
      return base.refine((v) => v === "" || z.email().safeParse(v).success, "field.email");
    case "url":
      return base.refine((v) => v === "" || /^https?:\/\/[^\s<>"]+$/i.test(v), "register.field_url");
    case "month":
      return base.refine((v) => v === "" || MONTH.test(v), "register.field_month");
    case "date":
      return base.refine((v) => v === "" || isIsoDate(v), "field.date");
    default:
      return base.transform((v) => sanitiseHtml(v, false));
  }
}

function fieldSchema(f: RegisterField): z.ZodType {
  switch (f.kind) {
    case "line":
      return optional(lineSchema(f));
    case "text":
      return optional(z.string().trim().max(f.max, "field.too_long").transform((v) => sanitiseHtml(v, !!f.html).trim()));
    case "enum":
      return optional(z.enum(["", ...f.values] as [string, ...string[]], "field.invalid_choice"));
    case "enum_list":
      return optional(z.array(z.enum(f.values as unknown as [string, ...string[]], "field.invalid_choice")).max(f.values.length, "field.too_long"));
    case "list":
      return optional(z.array(z.string().trim().min(1, "field.required").max(f.itemMax, "field.too_long").transform((v) => sanitiseHtml(v, false))).max(f.maxItems, "register.too_many_items"));
    case "links":
      return optional(
        z
          .array(
            z.object({
              title: z.string().trim().min(1, "field.required").max(f.titleMax, "field.too_long").transform((v) => sanitiseHtml(v, false)),
              link: z.string().trim().max(f.linkMax, "field.too_long").refine((v) => v === "" || /^https?:\/\/[^\s<>"]+$/i.test(v), "register.field_url"),
            }),
          )
          .max(f.maxItems, "register.too_many_items"),
      );
  }
}

export const EntryFieldsInput = z
  .object(Object.fromEntries(REGISTER_FIELDS.map((f) => [f.name, fieldSchema(f)])) as Record<string, z.ZodType>)
  .strict();

/** What the team sends when it saves its entry: the fields, and the version it saw (for a conflict check). */
export const PrepareInput = z.object({
  fields: EntryFieldsInput,
  expectedRevision: z.number().int().min(0).optional(),
});

export const RetractInput = z.object({ reason: z.string().trim().min(1, "register.reason_required").max(1000, "field.too_long") });

export function parsedFields(data: Record<string, unknown>): EntryFields {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as EntryFields;
}
