// A project's profile in the Algoritmekader's terms: the AI Act labels from the
// classification, and the facts the trigger notes read (personal data, public
// body, decisions, …). The framework's labels are its own Dutch tokens.
import type { Phase } from "../lifecycle/phases.ts";
import type { AiActRole, AiType, ClassificationResult, ClassificationView } from "../ai-act/types.ts";
import type { AkRiskGroup, AkRole, ApplicationType, PhaseId } from "../../law/algoritmekader/types.ts";

export interface AiActProfile {
  /** null when the system is no AI system or model: the AI Act labels then never match. */
  type: ApplicationType | null;
  riskGroup: AkRiskGroup;
  roles: AkRole[];
  transparency: boolean;
  systemicRisk: boolean;
  openSource: boolean;
  /** The organisation, as deployer, carries an Art. 50(3) or 50(4) duty (see aia-28's note). */
  deployerTransparency: boolean;
}

export interface ProjectProfile {
  /** null while the project has no classification: the AI Act requirements wait for it. */
  aiAct: AiActProfile | null;
  personalData: boolean;
  publicBody: boolean;
  /** The project leads to decisions (besluiten) in the sense of the Awb. */
  decisions: boolean;
  /** Impactful in the Algoritmeregister's sense. */
  impactful: boolean;
  protectedWorks: boolean;
  thirdPartyDatabases: boolean;
  /** The framework phases the project is in now; absent means none is marked as current. */
  phases?: readonly PhaseId[];
}

const TYPE: Record<AiType, ApplicationType | null> = {
  none: null,
  algorithm: null,
  ai_system: "ai-systeem",
  gpai_system: "ai-systeem-voor-algemene-doeleinden",
  gpai_model: "ai-model-voor-algemene-doeleinden",
};

const ROLE: Record<AiActRole, AkRole> = {
  provider: "aanbieder",
  deployer: "gebruiksverantwoordelijke",
  importer: "importeur",
  distributor: "distributeur",
};

/**
 * The AI Act labels of a classified project. `eventual` (the default) plans for
 * every rule that fired, also those that apply from a later date; `current` takes
 * the outcome on the classification date. An exclusion (Art. 2) is the
 * framework's `uitzondering-van-toepassing`.
 */
export function aiActProfile(result: ClassificationResult, which: "current" | "eventual" = "eventual"): AiActProfile | null {
  const view: ClassificationView | null = which === "current" ? result.current : result.eventual;
  if (result.state !== "classified" || !view || !result.aiType) return null;
  const excluded = view.outsideScopeBecause === "excluded" || view.outsideScopeBecause === "open_source";
  const riskGroup: AkRiskGroup = excluded
    ? "uitzondering-van-toepassing"
    : view.riskGroup === "high_risk"
      ? "hoog-risico-ai-systeem"
      : view.riskGroup === "prohibited"
        ? "verboden-ai"
        : view.riskGroup === "not_high_risk"
          ? "geen-hoog-risico-ai-systeem"
          : "niet-van-toepassing";
  return {
    type: TYPE[result.aiType],
    riskGroup,
    roles: view.roles.map((r) => ROLE[r]),
    transparency: view.transparencyDuties.length > 0,
    systemicRisk: result.systemicRisk,
    openSource: result.openSource,
    deployerTransparency: view.transparencyDuties.some((d) => d.role === "deployer" && d.bindsOrganisation),
  };
}

/** Afweging's phases in the framework's lifecycle; organisational responsibilities (phase 0) hold throughout. */
export const FRAMEWORK_PHASES: Record<Phase, readonly PhaseId[]> = {
  pre_start: ["organisatieverantwoordelijkheden", "probleemanalyse", "ontwerp"],
  start: ["organisatieverantwoordelijkheden", "ontwerp", "dataverkenning-en-datapreparatie", "ontwikkelen", "verificatie-en-validatie"],
  execution: ["organisatieverantwoordelijkheden", "implementatie", "monitoring-en-beheer"],
  evaluation: ["organisatieverantwoordelijkheden", "monitoring-en-beheer"],
  closed: ["organisatieverantwoordelijkheden", "uitfaseren"],
  stopped: ["organisatieverantwoordelijkheden", "uitfaseren"],
};
