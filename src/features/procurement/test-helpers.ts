// Test-only helpers for the procurement tests: an organisation with a project
// team and the 2nd line, a supplier project in the start phase with a finished
// screening, a contract, and checklist answers that complete it.
import { computeVisibility, type Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { finishScreening } from "../assessments/screening.ts";
import { fillScreening, screeningAnswers } from "../assessments/test-helpers.ts";
import { addRecommendation, finaliseAdvice, requestAdvice, saveAdvice } from "../expert-table/service.ts";
import { addMember, registerProject } from "../projects/service.ts";
import { registerContract } from "./service.ts";

export const CONTRACT = {
  supplier: "Telbedrijf Noord B.V.",
  reference: "INK-2026-014",
  subject: "Levering en beheer van tellende sensoren in fietsenstallingen",
  startDate: "2026-03-01",
  endDate: "2028-02-29",
  valueBand: "50k_to_threshold",
  procedure: "multiple_private",
};

export async function procurementSetting(deps: Deps, slug = "inkoop", options: { technologies?: string[] } = {}) {
  const org = await organisationWith(deps, slug, {
    owner: [],
    lead: [],
    member: [],
    jurist: ["jurist"],
    iso: ["iso"],
    privacy: ["privacy_officer"],
    fg: ["fg"],
    table: ["expert_table_member"],
    admin: ["admin"],
    juristInTeam: ["jurist"],
  });
  const u = org.users;
  const projectId = await registerProject(deps, await u.lead!.actor(), {
    title: "Fietsen tellen bij stallingen",
    goal: "Weten hoe vol de stallingen zijn",
    domain: "fysiek",
    technologies: options.technologies ?? ["sensors"],
    dataCategories: ["location"],
    supplierInvolved: true,
    ownerUserId: u.owner!.id,
    leadUserId: u.lead!.id,
  });
  await addMember(deps, await u.lead!.actor(), projectId, { userId: u.member!.id, role: "member" });
  await addMember(deps, await u.lead!.actor(), projectId, { userId: u.juristInTeam!.id, role: "member" });
  await deps.db.updateTable("projects").set({ phase: "start" }).where("id", "=", projectId).execute();
  const names = ["owner", "lead", "member", "jurist", "iso", "privacy", "fg", "table", "admin", "juristInTeam"] as const;
  const actors = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await u[n]!.actor()] as const))) as Record<(typeof names)[number], Awaited<ReturnType<NonNullable<(typeof u)["owner"]>["actor"]>>>;
  return { org, projectId, actors, users: u };
}

/** A screening where nothing applies: no DEPIA needed. */
export async function screenWithoutDepia(deps: Deps, actors: Awaited<ReturnType<typeof procurementSetting>>["actors"], projectId: string): Promise<void> {
  await fillScreening(deps, actors.lead, projectId, screeningAnswers());
  await finishScreening(deps, actors.lead, projectId);
}

/** Given expert-table advice on the project with these recommendations; returns their ids. */
export async function giveAdvice(deps: Deps, actors: Awaited<ReturnType<typeof procurementSetting>>["actors"], projectId: string, recommendations: string[]): Promise<string[]> {
  const requestId = await requestAdvice(deps, actors.lead, { projectId, question: "Wat moet er in het contract?" });
  await saveAdvice(deps, actors.table, requestId, { summary: "Let op de leverancier.", findings: {} });
  const ids: string[] = [];
  for (const text of recommendations) ids.push(await addRecommendation(deps, actors.table, requestId, { text }));
  await finaliseAdvice(deps, actors.table, requestId);
  return ids;
}

export async function newContract(deps: Deps, actor: Parameters<typeof registerContract>[1], projectId: string, extra: Record<string, unknown> = {}): Promise<string> {
  return registerContract(deps, actor, projectId, { ...CONTRACT, ...extra });
}

/** Answers that complete the checklist: the given scope, and every applicable topic arranged in a clause. */
export function completeAnswers(instrument: Instrument, scope: { ai_variant: string; processor_role: string } = { ai_variant: "no_ai", processor_role: "none" }): Record<string, string> {
  const answers: Record<string, string> = { ...scope };
  const visible = computeVisibility(instrument, answers);
  for (const section of instrument.sections.filter((s) => s.id !== "scope" && visible.sections.has(s.id))) {
    answers[`${section.id}_status`] = "covered";
    answers[`${section.id}_clause`] = `Artikel ${section.id.length}`;
    if (section.questions.some((q) => q.id === `${section.id}_thresholds`)) answers[`${section.id}_thresholds`] = "Verhouding tussen groepen tussen 0,8 en 1,25.";
  }
  return answers;
}

export { codeOf } from "../../../test/support/refusals.ts";
