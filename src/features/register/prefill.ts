// A new entry starts from what the platform already knows of the project. The
// project's own record gives the name, goal, status and tags; other features
// add what they hold (canvas, screening, DEPIA, measures, audits, contract, AI
// Act classification) through the `registerPrefillSources` extension point, so
// this feature reads none of their tables. Every value keeps the sources it
// came from, which the form shows beside it.
import type { Deps } from "../../platform/deps.ts";
import { readStringList } from "../../platform/db/json-columns.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { fieldOf, isEmptyValue, type EntryFields, type FieldName, type FieldValue, type Link, type RegisterField } from "./fields.ts";
import { sanitiseHtml } from "./sanitise.ts";

/** What a feature proposes for a project's register entry; the team checks and edits it. */
export interface RegisterPrefillSource {
  /** Where the values came from, as the form names it ("Ingevuld vanuit: de DEPIA"). */
  labelKey: MessageKey;
  /** Sources go in this order (lower first; the project's own record is 0): a risk before the measure that answers it. */
  order: number;
  propose(deps: Deps, project: ProjectRef): Promise<EntryFields>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Proposes field values for a project's register entry. */
    registerPrefillSources: RegisterPrefillSource;
  }
}

/** The proposed fields, and per field the sources that gave its value. */
export interface Prefill {
  fields: EntryFields;
  sources: Partial<Record<FieldName, MessageKey[]>>;
}

const STATUS_BY_PHASE: Record<string, string> = { pre_start: "In ontwikkeling", start: "In ontwikkeling", execution: "In gebruik", evaluation: "In gebruik", closed: "Buiten gebruik", stopped: "Buiten gebruik" };

/** The project's own record: the register's first source. */
export const projectPrefill: RegisterPrefillSource = {
  labelKey: "register.source.project",
  order: 0,
  async propose(deps, project) {
    const row = await deps.db
      .selectFrom("projects")
      .innerJoin("organisations", "organisations.id", "projects.organisation_id")
      .select(["projects.title", "projects.goal", "projects.description", "projects.technologies_json", "organisations.name as organisation_name"])
      .where("projects.id", "=", project.id)
      .where("projects.organisation_id", "=", project.organisationId)
      .executeTakeFirstOrThrow();
    const year = new Date(deps.now().getTime() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    return {
      name: row.title.slice(0, 100),
      description_short: row.description.slice(0, 400),
      organization: row.organisation_name.slice(0, 100),
      status: STATUS_BY_PHASE[project.phase] ?? "In ontwikkeling",
      lang: "nld",
      goal: row.goal.trim() ? `<p>${sanitiseHtml(row.goal, false)}</p>`.slice(0, 2500) : "",
      tags: readStringList(row.technologies_json).join(", ").slice(0, 2500),
      revision_date: year,
    };
  },
};

/** A proposed value made safe and fit for its field, or undefined when it does not fit. */
function fitted(f: RegisterField, value: FieldValue): FieldValue | undefined {
  switch (f.kind) {
    case "line":
    case "text": {
      if (typeof value !== "string") return undefined;
      const v = (f.kind === "text" && f.html ? sanitiseHtml(value, true) : f.kind === "line" && f.format ? value : sanitiseHtml(value, false)).trim();
      if (f.kind === "line" && f.format === "url" && v && !/^https?:\/\/[^\s<>"]+$/i.test(v)) return undefined;
      return v.length <= f.max ? v : undefined;
    }
    case "enum":
      return typeof value === "string" && f.values.includes(value) ? value : undefined;
    case "enum_list":
      return Array.isArray(value) ? [...new Set((value as string[]).filter((v) => typeof v === "string" && f.values.includes(v)))] : undefined;
    case "list":
      return Array.isArray(value) ? (value as string[]).filter((v) => typeof v === "string").map((v) => sanitiseHtml(v, false).trim()).filter((v) => v && v.length <= f.itemMax).slice(0, f.maxItems) : undefined;
    case "links":
      return Array.isArray(value)
        ? (value as Link[]).filter((l) => l && typeof l.title === "string" && l.title.trim() && l.title.length <= f.titleMax && (l.link ?? "").length <= f.linkMax && (!l.link || /^https?:\/\//i.test(l.link))).map((l) => ({ title: sanitiseHtml(l.title, false).trim(), link: l.link ?? "" })).slice(0, f.maxItems)
        : undefined;
  }
}

/**
 * A later source's value beside an earlier one: lists and links are joined
 * (without doubles, within the field's limits), texts with limited HTML are
 * joined when they fit; anything else keeps the earlier value.
 */
function joined(f: RegisterField, earlier: FieldValue, later: FieldValue): FieldValue | undefined {
  if (f.kind === "links") {
    const titles = new Set((earlier as Link[]).map((l) => l.title));
    const added = (later as Link[]).filter((l) => !titles.has(l.title));
    return added.length ? [...(earlier as Link[]), ...added].slice(0, f.maxItems) : undefined;
  }
  if (f.kind === "list" || f.kind === "enum_list") {
    const seen = new Set(earlier as string[]);
    const added = (later as string[]).filter((v) => !seen.has(v));
    return added.length ? [...(earlier as string[]), ...added].slice(0, f.kind === "list" ? f.maxItems : f.values.length) : undefined;
  }
  if (f.kind === "text" && f.html) {
    const both = `${earlier as string}${later as string}`;
    return both.length <= f.max ? both : undefined;
  }
  return undefined;
}

/** Every source in turn: a value fills an empty field, or joins what is there where that makes sense. */
export async function prefillFor(deps: Deps, project: ProjectRef): Promise<Prefill> {
  const out: Prefill = { fields: {}, sources: {} };
  for (const source of [projectPrefill, ...deps.extensions.get("registerPrefillSources")].sort((a, b) => a.order - b.order)) {
    for (const [name, proposed] of Object.entries(await source.propose(deps, project))) {
      const f = fieldOf(name);
      const value = f && proposed !== undefined ? fitted(f, proposed) : undefined;
      if (!f || value === undefined || isEmptyValue(value)) continue;
      const key = name as FieldName;
      const earlier = out.fields[key];
      const next = isEmptyValue(earlier) ? value : joined(f, earlier!, value);
      if (next === undefined) continue;
      out.fields[key] = next;
      out.sources[key] = [...(out.sources[key] ?? []), source.labelKey];
    }
  }
  return out;
}

/** Do two field values say the same (for "this value came from …")? */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (isEmptyValue(a) || isEmptyValue(b)) return isEmptyValue(a) && isEmptyValue(b);
  return JSON.stringify(a) === JSON.stringify(b);
}
