// Evidence for risks that other features keep (a bias audit linked to a risk).
// The assessments feature shows it on the risk register without knowing those
// features: they register a source here from their index.ts.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";

export interface RiskEvidence {
  href: string;
  /** Catalogue key of the link text, with its parameters. */
  labelKey: string;
  params: Record<string, string | number>;
}

/** Evidence per risk id, for the risks of one project the actor may see. */
export type RiskEvidenceSource = (deps: Deps, actor: Actor, projectId: string, riskIds: readonly string[]) => Promise<Map<string, RiskEvidence[]>>;

const sources: RiskEvidenceSource[] = [];

export function addRiskEvidenceSource(source: RiskEvidenceSource): void {
  sources.push(source);
}

export async function evidenceForRisks(deps: Deps, actor: Actor, projectId: string, riskIds: readonly string[]): Promise<Record<string, RiskEvidence[]>> {
  const result: Record<string, RiskEvidence[]> = Object.fromEntries(riskIds.map((id) => [id, []]));
  if (riskIds.length === 0) return result;
  for (const source of sources) {
    for (const [riskId, items] of await source(deps, actor, projectId, riskIds)) result[riskId]?.push(...items);
  }
  return result;
}
