// The framework's measures for a set of requirements: those that serve at least
// one of them, as the toolkit derives a system's tasks. A project may take them
// over as its own measures.
import type { Framework, FrameworkMeasure } from "../../law/algoritmekader/types.ts";

/** The requirement ids a measure serves, with `serves_all_except` resolved against the framework. */
export function servedRequirements(measure: FrameworkMeasure, framework: Framework): string[] {
  if (measure.serves) return measure.serves;
  const except = new Set(measure.serves_all_except ?? []);
  return framework.requirements.map((r) => r.id).filter((id) => !except.has(id));
}

export interface SuggestedMeasure {
  measure: FrameworkMeasure;
  /** Of the requirements asked about, those this measure serves. */
  serves: string[];
}

export function measuresFor(requirementIds: Iterable<string>, framework: Framework): SuggestedMeasure[] {
  const wanted = new Set(requirementIds);
  return framework.measures
    .map((measure) => ({ measure, serves: servedRequirements(measure, framework).filter((id) => wanted.has(id)) }))
    .filter((m) => m.serves.length > 0);
}
