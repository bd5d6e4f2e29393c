import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { createMeasure } from "../measures/service.ts";

export interface NewMeasure {
  projectId: string;
  title: string;
  description?: string;
  ownerUserId?: string;
  dueDate?: string;
  source: { type: "deliberation" | "advice"; id?: string };
}

/** Measures belong to the measures feature; advice and deliberations hand their recommendations and actions to its createMeasure. */
export function createMeasureVia(deps: Deps, actor: Actor, input: NewMeasure): Promise<string> {
  return createMeasure(deps, actor, input);
}
