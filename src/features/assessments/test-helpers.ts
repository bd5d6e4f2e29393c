// Test-only helpers for the assessments tests: an organisation with a team
// and reviewers, a project in the start phase, and complete screening answers.
import { neutralScreeningAnswers, yes as yesWith } from "../../domain/screening/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { addMember, registerProject } from "../projects/service.ts";

export const yes = yesWith("toelichting");

/** A complete screening where nothing applies, with the given changes. */
export function screeningAnswers(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return neutralScreeningAnswers("Tellen van fietsen bij de stallingen.", changes);
}

/** Requires a DEPIA: two EDPB criteria and one AP item. */
export const REQUIRED = screeningAnswers({ edpb_scoring: yes, edpb_large_scale: yes, ap_processing: ["profilering"] });

export async function setting(deps: Deps, slug = "alpha") {
  const org = await organisationWith(deps, slug, { owner: [], lead: [], member: [], fg: ["fg"], iso: ["iso"], ciso: ["ciso"], privacy: ["privacy_officer"], admin: ["admin"] });
  const u = org.users;
  const lead0 = await u.lead!.actor();
  const projectId = await registerProject(deps, lead0, {
    title: "Vroegsignalering schulden",
    goal: "Inwoners met schulden eerder helpen",
    domain: "sociaal_domein",
    technologies: ["ai_algorithm"],
    dataCategories: ["personal", "financial"],
    supplierInvolved: false,
    ownerUserId: u.owner!.id,
    leadUserId: u.lead!.id,
  });
  await addMember(deps, await u.lead!.actor(), projectId, { userId: u.member!.id, role: "member" });
  await deps.db.updateTable("projects").set({ phase: "start" }).where("id", "=", projectId).execute();
  const actors = {
    owner: await u.owner!.actor(),
    lead: await u.lead!.actor(),
    member: await u.member!.actor(),
    fg: await u.fg!.actor(),
    iso: await u.iso!.actor(),
    ciso: await u.ciso!.actor(),
    privacy: await u.privacy!.actor(),
    admin: await u.admin!.actor(),
  };
  return { org, projectId, actors, users: u };
}

export async function fillScreening(deps: Deps, actor: Parameters<typeof getOrCreateResponse>[1], projectId: string, answers: Record<string, unknown> = REQUIRED): Promise<void> {
  const response = await getOrCreateResponse(deps, actor, projectId, "pre-dpia");
  await saveAnswers(deps, actor, response.id, answers);
}

export { allSections } from "./demo.ts";

export const RISK = {
  category: "privacy",
  values: ["privacy"],
  description: "Gegevens over schulden komen bij de verkeerde medewerker terecht.",
  inherentLikelihood: "medium",
  inherentImpact: "high",
  inherentJustification: "Veel medewerkers hebben toegang.",
  residualLikelihood: "low",
  residualImpact: "medium",
  residualJustification: "Toegang alleen voor het schuldhulpteam.",
};
