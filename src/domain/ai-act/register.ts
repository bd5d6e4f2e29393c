// What the classification means outside the AI Act itself: the Algoritmeregister's
// publication category, and the Dutch decision aid's conclusion id for comparison.
import type { AiActOutcome, AiActRole, AiType, OutsideScopeBecause, PublicationCategory } from "./types.ts";

/**
 * Algoritmeregister v1.0: high-risk AI → A; otherwise impactful (legal or
 * significant effects, classifying or approaching people; in doubt, impactful) → B;
 * otherwise C. A prohibited practice always touches people, so it counts as
 * impactful. Without an algorithm there is nothing to publish.
 */
export function publicationCategory(aiType: AiType, outcome: AiActOutcome, impactful: boolean): PublicationCategory | null {
  if (aiType === "none") return null;
  if (outcome === "high_risk") return "Hoog-risico AI-systeem";
  if (outcome === "prohibited" || impactful) return "Impactvolle algoritmes";
  return "Overige algoritmes";
}

export interface AidInput {
  aiType: AiType;
  outcome: AiActOutcome;
  because: OutsideScopeBecause | null;
  roles: readonly AiActRole[];
  hasTransparency: boolean;
  systemicRisk: boolean;
  openSource: boolean;
}

const OUTSIDE: Record<OutsideScopeBecause, string> = {
  no_algorithm: "11.0",
  not_ai_system: "11.1",
  excluded: "11.2",
  open_source: "11.2",
  no_role: "11.3",
};

/**
 * The aid's conclusion X.Y.Z: X the role (12 provider, 13 deployer, 14 both,
 * 15 importer, 16 distributor; 11 not applicable), Y the type (0 system, 1 GPAI
 * system, 2 GPAI model), Z the risk (systems: 0 prohibited, 1 high-risk with
 * Art. 50, 2 high-risk, 3 not high-risk with Art. 50, 4 not high-risk; models:
 * 1 systemic risk, 2 open, 3 neither).
 */
export function aidConclusion(input: AidInput): string | null {
  if (input.because) return OUTSIDE[input.because];
  const x = roleDigit(input.roles);
  if (x === null) return null;
  if (input.aiType === "gpai_model") return `${x}.2.${input.systemicRisk ? 1 : input.openSource ? 2 : 3}`;
  const y = input.aiType === "gpai_system" ? 1 : 0;
  const z =
    input.outcome === "prohibited" ? 0 : input.outcome === "high_risk" ? (input.hasTransparency ? 1 : 2) : input.hasTransparency ? 3 : 4;
  return `${x}.${y}.${z}`;
}

function roleDigit(roles: readonly AiActRole[]): number | null {
  if (roles.includes("provider") && roles.includes("deployer")) return 14;
  if (roles.includes("provider")) return 12;
  if (roles.includes("deployer")) return 13;
  if (roles.includes("importer")) return 15;
  if (roles.includes("distributor")) return 16;
  return null;
}
