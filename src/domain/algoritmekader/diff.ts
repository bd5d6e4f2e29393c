// What changed between two versions of the framework: in the framework as a
// whole, and for one project (what now applies to it, what changed in what
// applies, what no longer applies), as instrument upgrades show their diff.
import type { Framework, FrameworkMeasure, Requirement } from "../../law/algoritmekader/types.ts";
import { applicableRequirements } from "./applicable.ts";
import type { ProjectProfile } from "./profile.ts";
import { canonical } from "../../instruments/diff.ts";

export const REQUIREMENT_FIELDS = ["title", "sources", "phases", "applies", "evidence", "note"] as const;
export type RequirementField = (typeof REQUIREMENT_FIELDS)[number];
export const MEASURE_FIELDS = ["title", "phases", "serves", "serves_all_except"] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];

export interface Changed<F> {
  id: string;
  fields: F[];
}

export interface Delta<F> {
  added: string[];
  changed: Array<Changed<F>>;
  withdrawn: string[];
}

export interface FrameworkDiff {
  fromVersion: string;
  toVersion: string;
  requirements: Delta<RequirementField>;
  measures: Delta<MeasureField>;
}

export function diffFrameworks(from: Framework, to: Framework): FrameworkDiff {
  return {
    fromVersion: from.version,
    toVersion: to.version,
    requirements: delta<Requirement, RequirementField>(from.requirements, to.requirements, REQUIREMENT_FIELDS),
    measures: delta<FrameworkMeasure, MeasureField>(from.measures, to.measures, MEASURE_FIELDS),
  };
}

export interface ProjectFrameworkDiff {
  fromVersion: string;
  toVersion: string;
  /** Applies now and did not before: new in the framework, or newly matching the profile. */
  added: Array<{ id: string; kind: "new_in_framework" | "now_applies" }>;
  /** Applied before and still does, with changed content. */
  changed: Array<Changed<RequirementField>>;
  /** Applied before and no longer does: withdrawn from the framework, or no longer matching. */
  withdrawn: Array<{ id: string; kind: "withdrawn_from_framework" | "no_longer_applies" }>;
}

export function diffForProject(from: Framework, to: Framework, profile: ProjectProfile): ProjectFrameworkDiff {
  const before = new Set(applicableRequirements(profile, from).applicable.map((a) => a.requirement.id));
  const after = new Set(applicableRequirements(profile, to).applicable.map((a) => a.requirement.id));
  const inFrom = new Set(from.requirements.map((r) => r.id));
  const inTo = new Set(to.requirements.map((r) => r.id));
  const changed = delta<Requirement, RequirementField>(from.requirements, to.requirements, REQUIREMENT_FIELDS).changed;
  return {
    fromVersion: from.version,
    toVersion: to.version,
    added: [...after].filter((id) => !before.has(id)).map((id) => ({ id, kind: inFrom.has(id) ? "now_applies" : "new_in_framework" })),
    changed: changed.filter((c) => before.has(c.id) && after.has(c.id)),
    withdrawn: [...before].filter((id) => !after.has(id)).map((id) => ({ id, kind: inTo.has(id) ? "no_longer_applies" : "withdrawn_from_framework" })),
  };
}

function delta<T extends { id: string }, F extends string>(from: readonly T[], to: readonly T[], fields: readonly F[]): Delta<F> {
  const old = new Map(from.map((x) => [x.id, x]));
  const next = new Map(to.map((x) => [x.id, x]));
  const changed: Array<Changed<F>> = [];
  for (const [id, item] of next) {
    const was = old.get(id);
    if (!was) continue;
    const differ = fields.filter((f) => canonical((was as Record<string, unknown>)[f]) !== canonical((item as Record<string, unknown>)[f]));
    if (differ.length > 0) changed.push({ id, fields: differ });
  }
  return {
    added: [...next.keys()].filter((id) => !old.has(id)),
    changed,
    withdrawn: [...old.keys()].filter((id) => !next.has(id)),
  };
}
