// The fields of a register entry: every field of the Algoritmeregister
// publication standard v1.0 (its own names, limits and enums), then the local
// extras this platform keeps beside them. This list is the one place they are
// written: the form, the zod schema (and so the API and its OpenAPI document)
// and the export's JSON Schema are all made from it.

export const STATUSES = ["In ontwikkeling", "In gebruik", "Buiten gebruik"] as const;
export const PUBLICATION_CATEGORIES = ["Hoog-risico AI-systeem", "Impactvolle algoritmes", "Overige algoritmes"] as const;
export const POLICY_AREAS = [
  "Organisatie en bedrijfsvoering",
  "Cultuur en recreatie",
  "Economie",
  "Overheidsfinanciën",
  "Wonen",
  "Internationaal",
  "Migratie en integratie",
  "Natuur en milieu",
  "Onderwijs en wetenschap",
  "Openbare orde en veiligheid",
  "Recht",
  "Ruimte en infrastructuur",
  "Sociale zekerheid",
  "Verkeer",
  "Werk",
  "Zorg en gezondheid",
] as const;
export const LANGS = ["nld"] as const;
export const STANDARD_VERSION = "1.0";

export type FieldGroup = "general" | "responsible_use" | "operation" | "metadata" | "local";

interface Base {
  /** The standard's own name (or, for a local extra, ours in the same style). */
  name: string;
  group: FieldGroup;
  /** Required by the register's delivery API (or, for a local extra, by us before release). */
  required?: boolean;
  /** Not part of the standard: kept and shown locally, never exported in the v1.0 shape. */
  local?: boolean;
}

/** Plain text on one line. */
export interface LineField extends Base { kind: "line"; max: number; format?: "email" | "url" | "month" | "date" }
/** Text of several lines; `html`: the standard's limited HTML (see sanitise.ts). */
export interface TextField extends Base { kind: "text"; max: number; html?: boolean }
export interface EnumField extends Base { kind: "enum"; values: readonly string[] }
export interface EnumListField extends Base { kind: "enum_list"; values: readonly string[] }
/** A list of (title, link) pairs, entered one pair a line as "title | link". */
export interface LinksField extends Base { kind: "links"; titleMax: number; linkMax: number; maxItems: number }
/** A list of short texts, one a line. */
export interface ListField extends Base { kind: "list"; itemMax: number; maxItems: number }

export type RegisterField = LineField | TextField | EnumField | EnumListField | LinksField | ListField;

export const REGISTER_FIELDS = [
  // General
  { name: "name", group: "general", kind: "line", max: 100, required: true },
  { name: "description_short", group: "general", kind: "text", max: 400, required: true },
  { name: "organization", group: "general", kind: "line", max: 100, required: true },
  { name: "status", group: "general", kind: "enum", values: STATUSES, required: true },
  { name: "contact_email", group: "general", kind: "line", max: 500, format: "email", required: true },
  { name: "publication_category", group: "general", kind: "enum", values: PUBLICATION_CATEGORIES, required: true },
  { name: "lang", group: "general", kind: "enum", values: LANGS, required: true },
  { name: "category", group: "general", kind: "enum_list", values: POLICY_AREAS },
  { name: "begin_date", group: "general", kind: "line", max: 7, format: "month" },
  { name: "end_date", group: "general", kind: "line", max: 7, format: "month" },
  { name: "website", group: "general", kind: "line", max: 500, format: "url" },
  { name: "url", group: "general", kind: "line", max: 500, format: "url" },
  // Responsible use
  { name: "goal", group: "responsible_use", kind: "text", max: 2500, html: true },
  { name: "proportionality", group: "responsible_use", kind: "text", max: 2500, html: true },
  { name: "human_intervention", group: "responsible_use", kind: "text", max: 2500, html: true },
  { name: "risks", group: "responsible_use", kind: "text", max: 2500, html: true },
  { name: "lawful_basis", group: "responsible_use", kind: "text", max: 2500, html: true },
  { name: "lawful_basis_grouping", group: "responsible_use", kind: "links", titleMax: 100, linkMax: 500, maxItems: 20 },
  { name: "process_index_url", group: "responsible_use", kind: "line", max: 500, format: "url" },
  { name: "impacttoetsen_grouping", group: "responsible_use", kind: "links", titleMax: 100, linkMax: 500, maxItems: 20 },
  { name: "impacttoetsen", group: "responsible_use", kind: "text", max: 2500, html: true },
  // Operation
  { name: "source_data", group: "operation", kind: "text", max: 2500, html: true },
  { name: "source_data_grouping", group: "operation", kind: "links", titleMax: 500, linkMax: 500, maxItems: 20 },
  { name: "methods_and_models", group: "operation", kind: "text", max: 5000, html: true },
  { name: "provider", group: "operation", kind: "line", max: 200 },
  { name: "publiccode", group: "operation", kind: "line", max: 500, format: "url" },
  // Metadata (standard_version, lars and publication_dt are set by the system)
  { name: "source_id", group: "metadata", kind: "line", max: 100 },
  { name: "tags", group: "metadata", kind: "text", max: 2500 },
  // Local extras
  { name: "department", group: "local", kind: "line", max: 200, local: true },
  { name: "auditor", group: "local", kind: "line", max: 200, local: true },
  { name: "contract_reference", group: "local", kind: "line", max: 200, local: true },
  { name: "objection_procedure", group: "local", kind: "text", max: 2500, local: true },
  { name: "revision_date", group: "local", kind: "line", max: 10, format: "date", required: true, local: true },
  { name: "alternatives_considered", group: "local", kind: "text", max: 2500, local: true },
  { name: "subsidiarity", group: "local", kind: "text", max: 2500, local: true },
  { name: "necessity", group: "local", kind: "text", max: 2500, local: true },
  { name: "values_weighed", group: "local", kind: "list", itemMax: 100, maxItems: 20, local: true },
] as const satisfies readonly RegisterField[];

export type FieldName = (typeof REGISTER_FIELDS)[number]["name"];
export const FIELD_NAMES = REGISTER_FIELDS.map((f) => f.name) as FieldName[];
export const GROUPS: readonly FieldGroup[] = ["general", "responsible_use", "operation", "metadata", "local"];

export function fieldOf(name: string): RegisterField | undefined {
  return (REGISTER_FIELDS as readonly RegisterField[]).find((f) => f.name === name);
}

export interface Link { title: string; link: string }
/** A value as stored: text, a list of enum values or texts, or a list of links. */
export type FieldValue = string | string[] | Link[];
/** An entry's fields as stored (absent or "" means empty). */
export type EntryFields = Partial<Record<FieldName, FieldValue>>;

export function isEmptyValue(v: FieldValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" ? v.trim() === "" : v.length === 0);
}
