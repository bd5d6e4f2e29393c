// Test-only helpers for the projects and measures tests: a valid registration,
// and a project made ready for its gate through the real features' use cases
// (the canvas, the expert table, the screening), as people would do it.
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { neutralScreeningAnswers } from "../../domain/screening/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { bootstrapUser } from "../admin/bootstrap.ts";
import { finishScreening } from "../assessments/screening.ts";
import { addRecommendation, finaliseAdvice, requestAdvice, respondToRecommendation, saveAdvice } from "../expert-table/service.ts";
import { CANVAS_INSTRUMENT_ID } from "../instrument-responses/canvas.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { loadProjectForActor } from "./access.ts";

/** A valid registration for tests. */
export function projectInput(ownerUserId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Slimme lantaarnpalen",
    goal: "Minder energie gebruiken voor straatverlichting zonder dat straten onveilig voelen.",
    description: "Lantaarnpalen dimmen als er niemand op straat is.",
    domain: "fysiek",
    technologies: ["sensors"],
    dataCategories: ["none"],
    supplierInvolved: false,
    ownerUserId,
    ...extra,
  };
}

/** Every required question of the ethics canvas answered. */
export const COMPLETE_CANVAS: Record<string, unknown> = {
  data_sources: "Tellingen van bewegingssensoren in de lantaarnpalen.",
  legal_basis: "Geen persoonsgegevens: alleen aantallen.",
  personal_data_kind: "none",
  limitations: "Sensoren tellen ook katten en fietsers.",
  laws_and_codes: "Omgevingswet, lichtbeleid van de gemeente.",
  purpose: "Minder energie voor straatverlichting.",
  beneficiaries: "Alle inwoners.",
  positive_effects: "Minder energie en minder lichthinder.",
  negative_effects: "Straten kunnen onveilig voelen als het licht te laag staat.",
  mitigations: "Nooit helemaal uit; direct feller bij beweging.",
  engagement: "Wijkraden en de fietsersbond.",
  correction_and_appeal: "Melding openbare ruimte, binnen vijf werkdagen opgelost.",
  communication: "Bericht op de website en in de wijkkrant.",
  publication: "Beschrijving in het algoritmeregister.",
  sharing: "Nee.",
  routines: "Vast agendapunt in het teamoverleg.",
  review_plan: "Evaluatie na een jaar met de wijkraden.",
  review_frequency: "quarterly",
};

/** The lead fills in the whole canvas. */
export async function completeCanvas(deps: Deps, lead: Actor, projectId: string): Promise<void> {
  const canvas = await getOrCreateResponse(deps, lead, projectId, CANVAS_INSTRUMENT_ID);
  await saveAnswers(deps, lead, canvas.id, COMPLETE_CANVAS, { partial: false });
}

/** The lead asks the expert table for advice; returns the request's id. */
export function askExpertAdvice(deps: Deps, lead: Actor, projectId: string): Promise<string> {
  return requestAdvice(deps, lead, { projectId, question: "Mogen wij sensoren gebruiken die ook voetgangers tellen?" });
}

/** A member of the expert table who holds no role in any project. */
async function newTableMember(deps: Deps, organisationId: string): Promise<Actor> {
  const email = `experttafel-${deps.newId()}@test.example`;
  const id = await bootstrapUser(deps, { organisation: organisationId, name: "Lid van de experttafel", email, password: PASSWORD, roles: ["expert_table_member"] });
  return (await loadActor(deps.db, id))!;
}

/**
 * Does what the gate the project stands before needs, through the features'
 * own use cases: before the start the canvas completely filled in, the expert
 * table's advice asked, given with one recommendation, and that answered;
 * in the start phase a screening where nothing applies (so no DEPIA). The
 * expert table member writing the advice is made when none is given. A
 * supplier contract sign-off has no feature yet, so a project with a supplier
 * cannot be made ready for the start gate here.
 */
export async function makeReadyForGate(deps: Deps, projectId: string, people: { lead: Actor; expert?: Actor }): Promise<void> {
  const { lead } = people;
  const project = await loadProjectForActor(deps.db, lead, projectId);
  if (project.phase === "pre_start") {
    await completeCanvas(deps, lead, projectId);
    const expert = people.expert ?? (await newTableMember(deps, project.organisationId));
    const requestId = await askExpertAdvice(deps, lead, projectId);
    await saveAdvice(deps, expert, requestId, { summary: "Tel alleen aantallen, nooit herkenbare personen." });
    const recommendationId = await addRecommendation(deps, expert, requestId, { text: "Sla geen beelden op; verwerk alleen tellingen op de sensor zelf." });
    await finaliseAdvice(deps, expert, requestId);
    await respondToRecommendation(deps, lead, recommendationId, { response: "comply", text: "De sensoren tellen alleen; er worden geen beelden gemaakt." });
    return;
  }
  if (project.phase === "start") {
    if (project.supplierInvolved) throw new Error("makeReadyForGate: no feature signs a supplier contract off yet");
    const screening = await getOrCreateResponse(deps, lead, projectId, "pre-dpia");
    await saveAnswers(deps, lead, screening.id, neutralScreeningAnswers("Tellen van voorbijgangers bij de lantaarnpalen."));
    await finishScreening(deps, lead, projectId);
    return;
  }
  throw new Error(`makeReadyForGate: the gate after ${project.phase} needs the test's own records (measures, an evaluation)`);
}
