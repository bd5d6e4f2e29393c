// What a project is described by: the choice lists, the limits and the zod
// fields that registering and editing share. The form, the API's 400 and the
// OpenAPI document all take their limits from here.
import { z } from "zod";
import type { MaterialChangeKind } from "../../domain/lifecycle/index.ts";
import { fields } from "../../platform/validation.ts";

export const DOMAINS = ["sociaal_domein", "fysiek", "publieke_dienstverlening", "concern", "veiligheid"] as const;
export const TECHNOLOGIES = ["ai_algorithm", "sensors", "camera", "blockchain", "data_linkage", "profiling", "cloud", "other"] as const;
export const DATA_CATEGORIES = ["personal", "special_categories", "criminal", "bsn", "location", "financial", "children", "none"] as const;
export const EXPLICIT_CHANGE_KINDS = ["new_data_source", "new_purpose", "new_supplier", "new_technology", "new_data_category"] as const satisfies readonly MaterialChangeKind[];

export type Domain = (typeof DOMAINS)[number];
export type Technology = (typeof TECHNOLOGIES)[number];
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const LIMITS = { title: 160, goal: 2000, description: 8000, rationale: 4000, evaluation: 8000, changeDescription: 2000 } as const;

/** A user id chosen in a form; `required` is the message when none is chosen. */
export const userId = (required: "projects.owner_required" | "projects.member.user_required") => z.string(required).trim().min(1, required).max(64, "field.too_long");

const yesNo = z.preprocess(
  (v) => (v === "yes" || v === "true" || v === "1" ? true : v === "no" || v === "false" || v === "0" ? false : v),
  z.boolean("projects.supplier_required"),
);

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : typeof v === "string" ? [v] : v),
    z
      .array(z.enum(values, "field.invalid_choice"))
      .max(values.length, "field.invalid_choice")
      .transform((a) => [...new Set(a)]),
  );

/** The details of a project, as registering and editing take them. */
export const ProjectFields = z.object({
  title: fields.text(LIMITS.title),
  goal: fields.text(LIMITS.goal),
  description: z.string().trim().max(LIMITS.description, "field.too_long").optional().default(""),
  domain: z.enum(DOMAINS, "field.invalid_choice"),
  technologies: list(TECHNOLOGIES),
  dataCategories: list(DATA_CATEGORIES)
    .refine((a) => a.length > 0, "projects.data_categories_required")
    .refine((a) => !(a.includes("none") && a.length > 1), "projects.data_none_exclusive"),
  supplierInvolved: yesNo,
});
export type ProjectFieldsData = z.infer<typeof ProjectFields>;

/** The columns the details are stored in. */
export function projectColumns(data: ProjectFieldsData) {
  return {
    title: data.title,
    goal: data.goal,
    description: data.description,
    domain: data.domain,
    technologies_json: JSON.stringify(data.technologies),
    data_categories_json: JSON.stringify(data.dataCategories),
    supplier_involved: data.supplierInvolved ? 1 : 0,
  };
}
