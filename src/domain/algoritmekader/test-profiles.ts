// Profiles for the Algoritmekader tests, built from real classifications of the
// AI Act instrument, so the two halves are tested together.
import { loadFrameworks } from "../../law/algoritmekader/loader.ts";
import { classify } from "../ai-act/classify.ts";
import { aiAct, annexIii, LATER, with_ } from "../ai-act/test-answers.ts";
import { aiActProfile, type ProjectProfile } from "./profile.ts";

export const framework = loadFrameworks().latestFramework()!;

export const urn = (code: string) => `urn:nl:ak:ver:${code}`;
export const code = (id: string) => id.replace(/^urn:nl:ak:(ver|mtr):/, "");

/** A municipality's project with personal data and decisions, classified from these answers. */
export function profileFor(answers: Record<string, unknown> | null, extra: Partial<ProjectProfile> = {}): ProjectProfile {
  return {
    aiAct: answers ? aiActProfile(classify(answers, aiAct, LATER)) : null,
    personalData: true,
    publicBody: true,
    decisions: true,
    impactful: false,
    protectedWorks: false,
    thirdPartyDatabases: false,
    ...extra,
  };
}

export const highRiskDeployer = () => profileFor(annexIii("5a"), { impactful: true });
export const minimalDeployer = () => profileFor(with_({}));
