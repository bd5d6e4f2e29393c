// applicableRequirements(profile, framework): the requirements that apply to a
// project, each with why. Matching follows the Algoritmekader's own filter (per
// label dimension the requirement carries, one of its values must be in the
// profile), plus what its site leaves out: the `uitzondering` and open-source
// exceptions, and the trigger notes (personal data, public body, …).
import type { Addition, Framework, Requirement, Trigger } from "../../law/algoritmekader/types.ts";
import type { AiActProfile, ProjectProfile } from "./profile.ts";

export type WhyCode = "ak.why.always" | "ak.why.trigger" | "ak.why.ai_act_labels" | "ak.why.addition";

export interface Why {
  code: WhyCode;
  trigger?: Trigger;
  addition?: Addition;
  /** For ak.why.ai_act_labels: the profile's values that matched. */
  labels?: { type: string; riskGroup: string; roles: string[]; transparency?: true; systemicRisk?: true };
}

export interface ApplicableRequirement {
  requirement: Requirement;
  why: Why[];
  /** One of the requirement's phases is a phase the project is in now. */
  inCurrentPhase: boolean;
}

export interface Applicability {
  frameworkVersion: string;
  applicable: ApplicableRequirement[];
  /** AI Act requirements that cannot be decided until the project is classified. */
  awaitingClassification: string[];
}

type Match = { applies: true; why: Why[] } | { applies: false } | { awaiting: true };

export function applicableRequirements(profile: ProjectProfile, framework: Framework): Applicability {
  const applicable: ApplicableRequirement[] = [];
  const awaitingClassification: string[] = [];
  for (const requirement of framework.requirements) {
    const match = matchRequirement(requirement, profile);
    if ("awaiting" in match) awaitingClassification.push(requirement.id);
    else if (match.applies) {
      const inCurrentPhase = requirement.phases.some((p) => profile.phases?.includes(p) ?? false);
      applicable.push({ requirement, why: match.why, inCurrentPhase });
    }
  }
  return { frameworkVersion: framework.version, applicable, awaitingClassification };
}

export function matchRequirement(requirement: Requirement, profile: ProjectProfile): Match {
  const a = requirement.applies;
  const why: Why[] = [];
  for (const trigger of a.when ?? []) {
    if (!triggerHolds(trigger, profile)) return { applies: false };
    why.push({ code: "ak.why.trigger", trigger });
  }
  if (a.always) return { applies: true, why: [{ code: "ak.why.always" }, ...why] };
  if (!a.ai_act) return { applies: true, why };
  if (!profile.aiAct) return { awaiting: true };
  const labels = matchLabels(requirement, profile.aiAct);
  if (labels) return { applies: true, why: [...why, { code: "ak.why.ai_act_labels", labels }] };
  const addition = (a.also_when ?? []).find((x) => additionHolds(x, profile.aiAct!));
  return addition ? { applies: true, why: [...why, { code: "ak.why.addition", addition }] } : { applies: false };
}

function triggerHolds(trigger: Trigger, p: ProjectProfile): boolean {
  switch (trigger) {
    case "personal_data":
      return p.personalData;
    case "public_body":
      return p.publicBody;
    case "decisions":
      return p.decisions;
    case "protected_works":
      return p.protectedWorks;
    case "third_party_databases":
      return p.thirdPartyDatabases;
    case "impactful_or_high_risk":
      return p.impactful || p.aiAct?.riskGroup === "hoog-risico-ai-systeem";
  }
}

function additionHolds(addition: Addition, p: AiActProfile): boolean {
  switch (addition) {
    case "deployer_transparency":
      return p.deployerTransparency && p.riskGroup !== "uitzondering-van-toepassing";
  }
}

function matchLabels(requirement: Requirement, p: AiActProfile): Why["labels"] | null {
  const a = requirement.applies;
  const l = a.ai_act ?? {};
  if (p.type === null) return null;
  if (a.uitzondering?.includes("risicogroep-uitzondering-van-toepassing") && p.riskGroup === "uitzondering-van-toepassing") return null;
  // Art. 2(12): an open-source system, not high-risk and without transparency duty, is out of the Act.
  if (a.open_source_exception && p.type !== "ai-model-voor-algemene-doeleinden" && p.openSource && !p.transparency && p.riskGroup === "geen-hoog-risico-ai-systeem") return null;
  if (l["soort-toepassing"] && !l["soort-toepassing"].includes(p.type)) return null;
  if (l.risicogroep && !l.risicogroep.includes(p.riskGroup)) return null;
  const roles = l["rol-ai-act"] ? p.roles.filter((r) => l["rol-ai-act"]!.includes(r)) : p.roles;
  if (l["rol-ai-act"] && roles.length === 0) return null;
  if (l.transparantieverplichting && !p.transparency) return null;
  if (l.systeemrisico && !p.systemicRisk) return null;
  return {
    type: p.type,
    riskGroup: p.riskGroup,
    roles,
    ...(l.transparantieverplichting ? { transparency: true as const } : {}),
    ...(l.systeemrisico ? { systemicRisk: true as const } : {}),
  };
}
