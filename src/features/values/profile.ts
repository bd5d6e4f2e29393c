// A project's values profile: which of the organisation's values its records
// touch, and where. Features that tag records with values (the canvas here;
// risks, advice and actions later) contribute a source (Feature.valuesSources).
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { LocalText } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { listValues } from "./queries.ts";
import type { OrgValue } from "./value-rows.ts";

/** One place where a project touches a value, e.g. "Ethisch canvas — Gegevensbronnen". */
export interface ValueTouch {
  valueKey: string;
  /** What kind of record, e.g. the canvas or the risk register. */
  source: LocalText;
  /** Which record or part of it. */
  where: LocalText;
  href?: string;
}

export interface ValuesSource {
  id: string;
  /** Only records the actor may see; the project is already checked with loadProjectForActor. */
  collect(deps: Deps, actor: Actor, project: ProjectRef): Promise<ValueTouch[]>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Records of a feature that touch the organisation's values. */
    valuesSources: ValuesSource;
  }
}

export interface ValuesProfileEntry {
  value: OrgValue;
  touches: ValueTouch[];
}

export interface ValuesProfile {
  project: ProjectRef;
  /** Values the project touches, in the order of the value set; retired values appear only when touched. */
  touched: ValuesProfileEntry[];
  /** Active values nothing in the project touches yet. */
  untouched: OrgValue[];
  /** Tags that refer to no value of the organisation (e.g. removed from an instrument's defaults). */
  unknownKeys: string[];
}

export async function valuesProfile(deps: Deps, actor: Actor, projectId: string): Promise<ValuesProfile> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const values = await listValues(deps, actor);
  const touches = (await Promise.all(deps.extensions.get("valuesSources").map((s) => s.collect(deps, actor, project)))).flat();
  const byKey = new Map<string, ValueTouch[]>();
  for (const touch of touches) byKey.set(touch.valueKey, [...(byKey.get(touch.valueKey) ?? []), touch]);
  const known = new Set(values.map((v) => v.key));
  return {
    project,
    touched: values.filter((v) => byKey.has(v.key)).map((value) => ({ value, touches: byKey.get(value.key)! })),
    untouched: values.filter((v) => v.active && !byKey.has(v.key)),
    unknownKeys: [...byKey.keys()].filter((k) => !known.has(k)).sort(),
  };
}
