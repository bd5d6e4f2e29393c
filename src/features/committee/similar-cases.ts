import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { canSeeCases } from "./access.ts";
import { getCase } from "./get-case.ts";
import { similarPrecedents, type PrecedentHit } from "./precedents.ts";

/** "Vergelijkbare eerdere zaken" for a case. */
export async function similarCases(deps: Deps, actor: Actor, caseId: string): Promise<PrecedentHit[]> {
  const c = await getCase(deps, actor, caseId);
  if (!canSeeCases(actor)) return [];
  return similarPrecedents(deps, actor, {
    text: `${c.title} ${c.question}`,
    values: c.values,
    technologies: c.technologies,
    domain: c.domain,
    exclude: [...(c.advice ? [{ sourceType: "committee_advice" as const, sourceId: c.advice.id }] : []), ...(c.deliberationId ? [{ sourceType: "deliberation" as const, sourceId: c.deliberationId }] : [])],
  });
}
