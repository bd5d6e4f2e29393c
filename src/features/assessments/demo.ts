// Demo records: screenings for the demo projects in the start and execution
// phases, and for the camera project a DEPIA with three risks, measures and
// the verdicts of the FG and the ISO.
import { neutralScreeningAnswers as screeningAnswers, yes } from "../../domain/screening/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { loadActor, type ActorWithProfile } from "../../platform/auth/actor.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { demoProjectIds } from "../projects/demo.ts";
import { giveReview, startDepia, submitDepiaVersion } from "./depia.ts";
import { addMeasureForRisk, addRisk } from "./risks.ts";
import { decideScreeningAsFg, finishScreening } from "./screening.ts";

type ActorOf = (key: string) => Promise<ActorWithProfile>;
type Position = [likelihood: string, impact: string, justification: string];

/** The camera project's risks: category, description, values, before and after measures. */
const PARKEER_RISKS: { category: string; description: string; values: string[]; inherent: Position; residual: Position }[] = [
  {
    category: "privacy",
    description: "Kentekens zijn terug te leiden tot personen. Als ze leesbaar worden opgeslagen, kan de gemeente zien wie waar parkeert.",
    values: ["privacy"],
    inherent: ["medium", "high", "Kentekens zijn persoonsgegevens en de scanauto komt overal in de binnenstad."],
    residual: ["low", "medium", "Kentekens worden in de auto gehasht met een sleutel die elke meting wisselt."],
  },
  {
    category: "security",
    description: "Iemand breekt in bij de leverancier en haalt de ruwe beelden op.",
    values: ["veiligheid"],
    inherent: ["medium", "medium", "De leverancier bewaart beelden in de cloud."],
    residual: ["low", "low", "Er worden geen beelden bewaard; alleen tellingen verlaten de auto."],
  },
  {
    category: "ethics",
    description: "Inwoners voelen zich bekeken door de scanauto en weten niet wat er met de beelden gebeurt.",
    values: ["autonomie", "privacy"],
    inherent: ["high", "low", "Een auto met camera's valt op; er is nog niets uitgelegd."],
    residual: ["medium", "low", "Borden en een webpagina leggen uit wat er gebeurt en wat niet."],
  },
];

/** Every section of the DEPIA with one verdict (a review that finds all of it the same). */
export function allSections(deps: Deps, verdict: string): Record<string, { verdict: string }> {
  return Object.fromEntries(deps.instruments.latest("depia")!.sections.filter((s) => !s.when).map((s) => [s.id, { verdict }]));
}

export async function seedDemoAssessments(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const ids = await demoProjectIds(deps, organisationId);
  const actor: ActorOf = async (key) => {
    const id = people.get(key);
    const a = id ? await loadActor(deps.db, id) : null;
    if (!a) throw new Error(`demo person ${key} cannot act`);
    return a;
  };
  const lead = await actor("lead");
  const screen = async (projectId: string, answers: Record<string, unknown>, fgReason: string) => {
    const response = await getOrCreateResponse(deps, lead, projectId, "pre-dpia");
    await saveAnswers(deps, lead, response.id, answers);
    await finishScreening(deps, lead, projectId);
    await decideScreeningAsFg(deps, await actor("fg"), projectId, { decision: "confirmed", reason: fgReason });
  };
  if (ids.afvalcontainers) {
    await screen(ids.afvalcontainers, screeningAnswers("Sensoren meten hoe vol ondergrondse containers zijn. Er worden geen gegevens van inwoners gebruikt."), "Geen persoonsgegevens; een DEPIA is niet nodig.");
  }
  const parkeer = ids.parkeerdruk;
  if (!parkeer) return;
  await screen(
    parkeer,
    screeningAnswers("Een scanauto telt geparkeerde auto's in de binnenstad. Kentekens worden in de auto gehasht; alleen tellingen per straat worden bewaard.", {
      edpb_monitoring: yes("De scanauto rijdt stelselmatig door openbare straten."),
      edpb_large_scale: yes("Alle geparkeerde auto's in de binnenstad, vier keer per jaar."),
      ap_processing: ["cameratoezicht", "locatiegegevens"],
      risk_people: 2,
      risk_sensitivity: 1,
      risk_impact: 1,
      risk_automation: 1,
    }),
    "Camera's in de openbare ruimte staan op de lijst van de AP. Een DEPIA is verplicht.",
  );
  await seedParkeerDepia(deps, parkeer, people, actor);
}

/** The camera project's DEPIA: three risks, two measures, version 1 and the verdicts of the FG and the ISO. */
async function seedParkeerDepia(deps: Deps, projectId: string, people: Map<string, string>, actor: ActorOf): Promise<void> {
  const lead = await actor("lead");
  await startDepia(deps, lead, projectId);
  const riskIds: string[] = [];
  for (const r of PARKEER_RISKS) {
    const [inherentLikelihood, inherentImpact, inherentJustification] = r.inherent;
    const [residualLikelihood, residualImpact, residualJustification] = r.residual;
    riskIds.push(await addRisk(deps, lead, projectId, { category: r.category, description: r.description, values: r.values, inherentLikelihood, inherentImpact, inherentJustification, residualLikelihood, residualImpact, residualJustification }));
  }
  const dateIn = (days: number) => new Date(deps.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  await addMeasureForRisk(deps, lead, riskIds[0]!, { title: "Kentekens hashen met wisselende sleutel", description: "De sleutel wordt na elke meting vernietigd.", ownerUserId: people.get("lead"), dueDate: dateIn(20) });
  await addMeasureForRisk(deps, lead, riskIds[1]!, { title: "Geen beelden bewaren", description: "In het contract staat dat beelden de auto niet verlaten.", ownerUserId: people.get("owner"), dueDate: dateIn(30) });
  const version = await submitDepiaVersion(deps, lead, projectId, { note: "Eerste versie voor de FG en de ISO." });
  const advice = {
    fg: "De maatregelen zijn passend. Hashing in de auto voorkomt dat kentekens de gemeente bereiken.",
    iso: "Beveiliging is voldoende; leg het wisselen van de sleutel vast in het contract.",
  };
  for (const role of ["fg", "iso"] as const) {
    await giveReview(deps, await actor(role), projectId, { version, role, overall: "acceptable", advice: advice[role], sections: allSections(deps, "acceptable") });
  }
}
