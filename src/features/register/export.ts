// The Algoritmeregister v1.0 shape: one entry as the standard has it (local
// extras left out), its JSON Schema made from the same field list, a CSV of
// the register and an Atom feed of new and changed entries.
import { isEmptyValue, REGISTER_FIELDS, STANDARD_VERSION, type RegisterField } from "./fields.ts";
import type { ExportedEntry } from "./public.ts";

export type V1Entry = Record<string, unknown>;

const STANDARD_FIELDS = (REGISTER_FIELDS as readonly RegisterField[]).filter((f) => !f.local);

/** One entry in the standard's shape: its fields as published, plus the system's own. */
export function toV1(entry: ExportedEntry): V1Entry {
  const out: V1Entry = {};
  for (const f of STANDARD_FIELDS) {
    const v = entry.fields[f.name as keyof typeof entry.fields];
    if (!isEmptyValue(v)) out[f.name] = v;
  }
  out.lang = "nld";
  out.standard_version = STANDARD_VERSION;
  out.lars = entry.lars;
  out.publication_dt = entry.publishedAt.slice(0, 10);
  return out;
}

function propertyOf(f: RegisterField): Record<string, unknown> {
  switch (f.kind) {
    case "line":
      return { type: "string", maxLength: f.max, ...(f.format === "email" ? { format: "email" } : f.format === "url" ? { format: "uri" } : f.format === "month" ? { pattern: "^\\d{4}-(0[1-9]|1[0-2])$" } : {}) };
    case "text":
      return { type: "string", maxLength: f.max };
    case "enum":
      return { type: "string", enum: [...f.values] };
    case "enum_list":
      return { type: "array", items: { type: "string", enum: [...f.values] }, uniqueItems: true };
    case "list":
      return { type: "array", items: { type: "string", maxLength: f.itemMax }, maxItems: f.maxItems };
    case "links":
      return { type: "array", maxItems: f.maxItems, items: { type: "object", additionalProperties: false, required: ["title"], properties: { title: { type: "string", maxLength: f.titleMax }, link: { type: "string", maxLength: f.linkMax } } } };
  }
}

/** The JSON Schema (2020-12) of one exported entry, written from the field list. */
export function v1JsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = Object.fromEntries(STANDARD_FIELDS.map((f) => [f.name, { ...propertyOf(f), title: f.name }]));
  properties.standard_version = { type: "string", const: STANDARD_VERSION };
  properties.lars = { type: "string", minLength: 8, maxLength: 8 };
  properties.publication_dt = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:afweging:algoritmeregister:v1.0:algorithm",
    title: "Algoritmeregister publicatiestandaard v1.0",
    type: "object",
    additionalProperties: false,
    required: [...STANDARD_FIELDS.filter((f) => f.required).map((f) => f.name), "standard_version", "lars"],
    properties,
  };
}

const CSV_COLUMNS = ["lars", "name", "organization", "status", "publication_category", "description_short", "category", "website", "contact_email", "publication_dt"] as const;

function csvCell(v: unknown): string {
  let s = Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : (x as { title: string }).title)).join("; ") : v === undefined || v === null ? "" : String(v);
  // A cell a spreadsheet would read as a formula is kept as text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function registerCsv(entries: ExportedEntry[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const e of entries) {
    const v1 = toV1(e);
    lines.push(CSV_COLUMNS.map((c) => csvCell(v1[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function registerAtom(entries: ExportedEntry[], baseUrl: string, title: string): string {
  const updated = entries[0]?.publishedAt ?? new Date(0).toISOString();
  const items = entries.map((e) => {
    const link = `${baseUrl}/openbaar/register/${e.lars}`;
    return `<entry><id>urn:afweging:register:${e.lars}:${e.version}</id><title>${xml(String(e.fields.name ?? ""))}</title><link href="${xml(link)}"/><published>${e.firstPublishedAt}</published><updated>${e.publishedAt}</updated><author><name>${xml(e.organisation.name)}</name></author><summary>${xml(String(e.fields.description_short ?? ""))}</summary></entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:afweging:register</id><title>${xml(title)}</title><link rel="self" href="${xml(`${baseUrl}/openbaar/register.atom`)}"/><updated>${updated}</updated>${items.join("")}</feed>\n`;
}
