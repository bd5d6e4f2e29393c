import { z } from "zod";
import { TOOI_CODE } from "../../platform/organisations.ts";
import { fields } from "../../platform/validation.ts";

const slug = z.string().trim().toLowerCase().min(2, "field.required").max(60, "field.too_long").regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "organisation.slug_format");
const tooiCode = z
  .string()
  .trim()
  .toLowerCase()
  .max(20, "field.too_long")
  .refine((v) => v === "" || TOOI_CODE.test(v), "organisation.tooi_format")
  .optional()
  .transform((v) => (v ? v : null));
const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "field.too_long")
  .refine((v) => v === "" || z.email().safeParse(v).success, "field.email")
  .optional()
  .transform((v) => (v ? v : null));
/** A checkbox as a form sends it ("on" or nothing), or a boolean from the API. */
const flag = z
  .union([z.boolean(), z.enum(["on", "1", "true", ""])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "1" || v === "true");

/** An organisation as the instance administrator enters it; the same for the page, the CLI and the API. */
export const OrganisationInput = z.object({
  name: fields.text(120),
  slug,
  tooiCode,
  themeClass: z
    .string()
    .trim()
    .max(60, "field.too_long")
    .refine((v) => v === "" || /^[a-z][a-z0-9-]*$/.test(v), "organisation.theme_class_format")
    .optional()
    .transform((v) => (v ? v : "voorbeeld-theme")),
  contactEmail: optionalEmail,
  defaultLocale: z.enum(["nl", "en"], "field.invalid_choice").default("nl"),
  checkRegisterLinks: flag,
  /** The logo as base64 (API only; the page uploads a file). */
  logoBase64: z.string().max(280_000, "field.too_long").optional(),
});
export type OrganisationInputData = z.infer<typeof OrganisationInput>;

export const DisableOrganisationInput = z.object({ reason: fields.text(500) });

export const OrganisationAdminInput = z.object({
  name: fields.text(120),
  email: fields.email(),
  password: z.string().min(1, "field.required").max(200, "field.too_long"),
});
