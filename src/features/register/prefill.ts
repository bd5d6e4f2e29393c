// A new entry starts from what the platform already knows of the project. The
// project's own record gives the name, goal, status and tags; other features
// add what they hold (canvas, screening, DEPIA, measures, audits, contract)
// through the `registerPrefillSources` extension point, so this feature reads
// none of their tables.
import type { Deps } from "../../platform/deps.ts";
import { readStringList } from "../../platform/db/json-columns.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { fieldOf, isEmptyValue, type EntryFields, type FieldName } from "./fields.ts";
import { sanitiseHtml } from "./sanitise.ts";

/** What a feature proposes for a new register entry of a project; the team checks and edits it. */
export type RegisterPrefillSource = (deps: Deps, project: ProjectRef) => Promise<EntryFields>;

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Proposes field values for a project's new register entry. */
    registerPrefillSources: RegisterPrefillSource;
  }
}

const STATUS_BY_PHASE: Record<string, string> = { pre_start: "In ontwikkeling", start: "In ontwikkeling", execution: "In gebruik", evaluation: "In gebruik", closed: "Buiten gebruik", stopped: "Buiten gebruik" };

/** The project's own record: the register's first source. */
export const projectPrefill: RegisterPrefillSource = async (deps, project) => {
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
    goal: `<p>${sanitiseHtml(row.goal, false)}</p>`.slice(0, 2500),
    tags: readStringList(row.technologies_json).join(", ").slice(0, 2500),
    revision_date: year,
  };
};

/** Every source in turn; a later source fills only what is still empty, and only within the field's limit. */
export async function prefillFor(deps: Deps, project: ProjectRef): Promise<EntryFields> {
  const out: EntryFields = {};
  for (const source of [projectPrefill, ...deps.extensions.get("registerPrefillSources")]) {
    for (const [name, value] of Object.entries(await source(deps, project))) {
      const f = fieldOf(name);
      if (!f || isEmptyValue(value) || !isEmptyValue(out[name as FieldName])) continue;
      if (typeof value === "string" && "max" in f && value.length > f.max) continue;
      out[name as FieldName] = value;
    }
  }
  return out;
}
