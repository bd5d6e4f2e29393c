// Evidence for risks that other features keep (a bias audit linked to a risk).
// The assessments feature shows it on the risk register without knowing those
// features: they contribute a source (Feature.riskEvidenceSources).
import type { MessageKey } from "../../platform/i18n/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";

export interface RiskEvidence {
  href: string;
  /** Catalogue key of the link text, with its parameters. */
  labelKey: MessageKey;
  params: Record<string, string | number>;
}

/** Evidence per risk id, for the risks of one project the actor may see. */
export type RiskEvidenceSource = (deps: Deps, actor: Actor, projectId: string, riskIds: readonly string[]) => Promise<Map<string, RiskEvidence[]>>;

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Evidence another feature keeps for DEPIA risks. */
    riskEvidenceSources: RiskEvidenceSource;
  }
}

export async function evidenceForRisks(deps: Deps, actor: Actor, projectId: string, riskIds: readonly string[]): Promise<Record<string, RiskEvidence[]>> {
  const result: Record<string, RiskEvidence[]> = Object.fromEntries(riskIds.map((id) => [id, []]));
  if (riskIds.length === 0) return result;
  for (const source of deps.extensions.get("riskEvidenceSources")) {
    for (const [riskId, items] of await source(deps, actor, projectId, riskIds)) result[riskId]?.push(...items);
  }
  return result;
}
