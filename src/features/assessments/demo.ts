// Demo records: screenings for the demo projects in the start and execution
// phases, and for the camera project a DEPIA with three risks, measures and
// the verdicts of the FG and the ISO.
import type { Deps } from "../../platform/deps.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import { getOrCreateResponse, saveAnswers } from "../instrument-responses/service.ts";
import { demoProjectIds } from "../projects/demo.ts";
import { giveReview, startDepia, submitDepiaVersion } from "./depia.ts";
import { addMeasureForRisk, addRisk } from "./risks.ts";
import { decideScreeningAsFg, finishScreening } from "./screening.ts";

const no = { choice: "no" };
const yes = (explanation: string) => ({ choice: "yes", explanation });
const EDPB = ["edpb_scoring", "edpb_automated_decision", "edpb_monitoring", "edpb_sensitive_data", "edpb_large_scale", "edpb_combining", "edpb_vulnerable", "edpb_innovative", "edpb_blocks_rights"];

function screeningAnswers(description: string, changes: Record<string, unknown>): Record<string, unknown> {
  return {
    processing_description: description,
    ...Object.fromEntries(EDPB.map((id) => [id, no])),
    ap_processing: ["none"],
    new_legislation: no,
    risk_people: 0,
    risk_sensitivity: 0,
    risk_impact: 0,
    risk_automation: 0,
    algorithm_affects_people: no,
    transfer_outside_eu: no,
    children: no,
    ...changes,
  };
}

export async function seedDemoAssessments(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const ids = await demoProjectIds(deps, organisationId);
  const actor = async (key: string) => {
    const id = people.get(key);
    const a = id ? await loadActor(deps.db, id) : null;
    if (!a) throw new Error(`demo person ${key} cannot act`);
    return a;
  };
  const lead = await actor("lead");

  const screen = async (projectId: string, answers: Record<string, unknown>) => {
    const response = await getOrCreateResponse(deps, lead, projectId, "pre-dpia");
    await saveAnswers(deps, lead, response.id, answers);
    await finishScreening(deps, lead, projectId);
  };

  if (ids.afvalcontainers) {
    await screen(ids.afvalcontainers, screeningAnswers("Sensoren meten hoe vol ondergrondse containers zijn. Er worden geen gegevens van inwoners gebruikt.", {}));
    await decideScreeningAsFg(deps, await actor("fg"), ids.afvalcontainers, { decision: "confirmed", reason: "Geen persoonsgegevens; een DEPIA is niet nodig." });
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
  );
  await decideScreeningAsFg(deps, await actor("fg"), parkeer, { decision: "confirmed", reason: "Camera's in de openbare ruimte staan op de lijst van de AP. Een DEPIA is verplicht." });

  await startDepia(deps, lead, parkeer);
  const risk = (category: string, description: string, values: string[], inh: [string, string, string], res: [string, string, string]) =>
    addRisk(deps, lead, parkeer, {
      category,
      description,
      values,
      inherentLikelihood: inh[0],
      inherentImpact: inh[1],
      inherentJustification: inh[2],
      residualLikelihood: res[0],
      residualImpact: res[1],
      residualJustification: res[2],
    });
  const r1 = await risk(
    "privacy",
    "Kentekens zijn terug te leiden tot personen. Als ze leesbaar worden opgeslagen, kan de gemeente zien wie waar parkeert.",
    ["privacy"],
    ["medium", "high", "Kentekens zijn persoonsgegevens en de scanauto komt overal in de binnenstad."],
    ["low", "medium", "Kentekens worden in de auto gehasht met een sleutel die elke meting wisselt."],
  );
  const r2 = await risk(
    "security",
    "Iemand breekt in bij de leverancier en haalt de ruwe beelden op.",
    ["veiligheid"],
    ["medium", "medium", "De leverancier bewaart beelden in de cloud."],
    ["low", "low", "Er worden geen beelden bewaard; alleen tellingen verlaten de auto."],
  );
  await risk(
    "ethics",
    "Inwoners voelen zich bekeken door de scanauto en weten niet wat er met de beelden gebeurt.",
    ["autonomie", "privacy"],
    ["high", "low", "Een auto met camera's valt op; er is nog niets uitgelegd."],
    ["medium", "low", "Borden en een webpagina leggen uit wat er gebeurt en wat niet."],
  );
  const dateIn = (days: number) => new Date(deps.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  await addMeasureForRisk(deps, lead, r1, { title: "Kentekens hashen met wisselende sleutel", description: "De sleutel wordt na elke meting vernietigd.", ownerUserId: people.get("lead"), dueDate: dateIn(20) });
  await addMeasureForRisk(deps, lead, r2, { title: "Geen beelden bewaren", description: "In het contract staat dat beelden de auto niet verlaten.", ownerUserId: people.get("owner"), dueDate: dateIn(30) });
  const version = await submitDepiaVersion(deps, lead, parkeer, { note: "Eerste versie voor de FG en de ISO." });
  await giveReview(deps, await actor("fg"), parkeer, {
    version,
    role: "fg",
    overall: "acceptable",
    advice: "De maatregelen zijn passend. Hashing in de auto voorkomt dat kentekens de gemeente bereiken.",
    sections: await allSections(deps, "acceptable"),
  });
  await giveReview(deps, await actor("iso"), parkeer, {
    version,
    role: "iso",
    overall: "acceptable",
    advice: "Beveiliging is voldoende; leg het wisselen van de sleutel vast in het contract.",
    sections: await allSections(deps, "acceptable"),
  });
}

async function allSections(deps: Deps, verdict: string): Promise<Record<string, { verdict: string }>> {
  const instrument = deps.instruments.latest("depia")!;
  return Object.fromEntries(instrument.sections.map((s) => [s.id, { verdict }]));
}
