// The outcome on one date. Precedence follows the Act: outside its scope,
// then prohibited (Art. 5), then high-risk (Art. 6), then transparency duties
// (Art. 50), else minimal. Transparency is also reported beside high-risk,
// as its own dimension.
import type { AiActOutcome, AiActRole, AiType, ClassificationView, OutsideScopeBecause, RiskGroup, TransparencyDuty } from "./types.ts";
import { inForce, type RulesOnDate } from "./fired-rules.ts";
import { aidConclusion, publicationCategory } from "./register.ts";

export interface HighRiskFinding {
  annexI: boolean;
  /** Annex III points that fired, before the Art. 6(3) exception. */
  annexIiiFired: string[];
  /** Annex III points that make it high-risk, after the exception. */
  annexIiiPoints: string[];
  exceptionClaimed: boolean;
  exceptionApplies: boolean;
  profiling: boolean;
}

export function declaredRoles(rules: RulesOnDate): AiActRole[] {
  const roles: AiActRole[] = [];
  if (rules.any("role_provider")) roles.push("provider");
  if (rules.any("role_deployer")) roles.push("deployer");
  if (rules.any("role_importer")) roles.push("importer");
  if (rules.any("role_distributor")) roles.push("distributor");
  return roles;
}

export function aiTypeOf(rules: RulesOnDate): AiType {
  if (rules.any("no_algorithm")) return "none";
  if (rules.any("gpai_model")) return "gpai_model";
  if (rules.any("gpai_system")) return "gpai_system";
  if (rules.any("ai_system")) return "ai_system";
  return "algorithm";
}

/** Scope does not depend on the date: Art. 2 and 3 have applied since the first step. */
function outsideScope(rules: RulesOnDate, aiType: AiType): OutsideScopeBecause | null {
  if (aiType === "none") return "no_algorithm";
  if (rules.any("no_role")) return "no_role";
  if (aiType === "algorithm") return "not_ai_system";
  if (rules.any("scope_excluded")) return "excluded";
  return null;
}

export function highRisk(rules: RulesOnDate): HighRiskFinding {
  const annexIiiFired = unique(rules.applying("high_risk_annex_iii").map((f) => f.rule.annex_point ?? ""));
  const profiling = rules.has("profiling");
  const exceptionClaimed = rules.has("art_6_3_condition");
  const exceptionApplies = annexIiiFired.length > 0 && exceptionClaimed && rules.has("art_6_3_no_significant_risk") && !profiling;
  return {
    annexI: rules.has("high_risk_annex_i"),
    annexIiiFired,
    annexIiiPoints: exceptionApplies ? [] : annexIiiFired,
    exceptionClaimed,
    exceptionApplies,
    profiling,
  };
}

/** `classifiedOn` is the classification's own date, against which each duty's `inForce` is reported. */
export function viewOn(rules: RulesOnDate, aiType: AiType, classifiedOn: string): ClassificationView {
  const declared = declaredRoles(rules);
  const outside = outsideScope(rules, aiType);
  const prohibited = rules.has("prohibited");
  const hr = highRisk(rules);
  const isHighRisk = hr.annexI || hr.annexIiiPoints.length > 0;
  const roles = isHighRisk && rules.has("becomes_provider") && !declared.includes("provider") ? ["provider" as const, ...declared] : declared;
  const transparencyDuties = transparencyOn(rules, roles, classifiedOn);
  const openSourceExcluded =
    rules.any("open_source") && (aiType === "ai_system" || aiType === "gpai_system") && !prohibited && !isHighRisk && transparencyDuties.length === 0;
  const because = outside ?? (openSourceExcluded ? "open_source" : null);
  const outcome: AiActOutcome =
    because !== null ? "outside_scope" : prohibited ? "prohibited" : isHighRisk ? "high_risk" : transparencyDuties.length > 0 ? "transparency" : "minimal";
  const riskGroup: RiskGroup =
    outcome === "outside_scope" ? "not_applicable" : prohibited ? "prohibited" : isHighRisk ? "high_risk" : aiType === "gpai_model" ? "not_applicable" : "not_high_risk";
  const inScope = because === null;
  return {
    outcome,
    outsideScopeBecause: because,
    riskGroup,
    annexIiiPoints: inScope ? hr.annexIiiPoints : [],
    highRiskBasis: inScope ? [...(hr.annexI ? ["annex_i" as const] : []), ...(hr.annexIiiPoints.length > 0 ? ["annex_iii" as const] : [])] : [],
    roles,
    transparencyDuties: inScope ? transparencyDuties : [],
    publicationCategory: publicationCategory(aiType, outcome, rules.any("impactful") || rules.any("profiling")),
    aidConclusion: aidConclusion({ aiType, outcome, because, roles: declared, hasTransparency: transparencyDuties.length > 0, systemicRisk: rules.any("systemic_risk"), openSource: rules.any("open_source") }),
  };
}

function transparencyOn(rules: RulesOnDate, roles: readonly AiActRole[], classifiedOn: string): TransparencyDuty[] {
  return rules.applying("transparency").map((f) => {
    const role = f.rule.role ?? "provider";
    return {
      rule: f.rule.id,
      article: f.rule.article ?? "50",
      role,
      bindsOrganisation: roles.includes(role),
      appliesFrom: f.appliesFrom ?? rules.onDate,
      inForce: inForce(f, classifiedOn),
    };
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
