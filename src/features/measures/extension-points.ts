import type { Deps } from "../../platform/deps.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import type { MeasureSourceType } from "./inputs.ts";

/**
 * A feature that holds records a measure can come from (risks, advice,
 * deliberations, findings) vouches for their ids, so a measure sent through a
 * form or the API cannot point at another organisation's record, another
 * project's, or one that does not exist.
 */
export interface MeasureSource {
  type: MeasureSourceType;
  /** Of `ids`, those that are records of this kind on the project. */
  known(deps: Deps, project: ProjectRef, ids: readonly string[]): Promise<string[]>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Confirms the ids a measure refers to. */
    measureSources: MeasureSource;
  }
}

/** The ids among `ids` that no feature knows as records of `type` on the project. */
export async function unknownSourceIds(deps: Deps, project: ProjectRef, type: MeasureSourceType, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const known = new Set<string>();
  for (const source of deps.extensions.get("measureSources")) {
    if (source.type === type) for (const id of await source.known(deps, project, ids)) known.add(id);
  }
  return ids.filter((id) => !known.has(id));
}
