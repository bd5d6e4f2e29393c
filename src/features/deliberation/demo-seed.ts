import type { Deps } from "../../platform/deps.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import { demoProjects } from "../expert-table/demo.ts";
import { recordActivity } from "./awareness.ts";
import { addAction, addParticipant, addPosition, closeDeliberation, escalateDeliberation, openDeliberation, saveRecord, saveStep } from "./service.ts";

/** Fictional deliberations: one closed, one escalated to the committee; and a year of awareness activities. */
export async function seedDeliberationDemo(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const advisorId = people.get("ethics_advisor");
  if (!advisorId) return;
  const advisor = (await loadActor(deps.db, advisorId))!;
  const projects = await demoProjects(deps, organisationId);
  const project = projects.find((p) => p.key === "meldingen") ?? projects.find((p) => p.phase !== "stopped" && p.phase !== "closed");
  const year = deps.now().toISOString().slice(0, 4);

  const closed = await openDeliberation(deps, advisor, {
    title: "Huisbezoek na een signaal uit het model",
    caseDescription: "Een medewerker twijfelt of zij op huisbezoek moet gaan bij een gezin dat het model als 'hoog risico' aanwijst, terwijl zij zelf geen zorgen heeft.",
    method: "deliberation-utrecht",
    heldOn: `${year}-01-20`,
  });
  await addParticipant(deps, advisor, closed, { name: "Casusinbrenger wijkteam", role: "case_holder" });
  await addParticipant(deps, advisor, closed, { name: "Notulist", role: "scribe" });
  await saveStep(deps, advisor, closed, "step_1_facts_question", {
    facts: "Het model geeft een hoge score. De medewerker kent het gezin en ziet geen reden tot zorg.",
    moral_question: "Moet de medewerker het signaal van het model volgen, ook als zij het er niet mee eens is?",
  });
  await saveRecord(deps, advisor, closed, {
    moralQuestion: "Moet de medewerker het signaal van het model volgen, ook als zij het er niet mee eens is?",
    stakeholders: "Het gezin, de medewerker, het wijkteam, de gemeente.",
    values: ["autonomie", "menselijke_waardigheid", "controle_over_technologie"],
    options: "Huisbezoek afleggen; eerst bellen; het signaal met reden terzijde leggen.",
    conclusion: "De medewerker beslist, niet het model. Zij legt vast waarom zij afwijkt; het team bespreekt zulke afwijkingen elk kwartaal.",
  });
  await addAction(deps, advisor, closed, { title: "Afwijkingen van het model vastleggen met reden" });
  await closeDeliberation(deps, advisor, closed);

  const escalated = await openDeliberation(deps, advisor, {
    title: "Wijkgerichte inzet op basis van voorspelde overlast",
    caseDescription: "Het model voorspelt in welke wijken meer overlast komt. Bewoners van die wijken kunnen zich gestigmatiseerd voelen.",
    method: "deliberation-dilemma",
    heldOn: `${year}-02-10`,
    projectId: project?.id,
  });
  await addParticipant(deps, advisor, escalated, { name: "Wijkregisseur", role: "case_holder" });
  await addParticipant(deps, advisor, escalated, { name: "Bewonersvertegenwoordiger", role: "participant" });
  await addPosition(deps, advisor, escalated, { holder: "Wijkregisseur", position: "Inzetten", arguments: "We kunnen eerder helpen en overlast voorkomen." });
  await addPosition(deps, advisor, escalated, { holder: "Bewonersvertegenwoordiger", position: "Niet inzetten", arguments: "De wijk krijgt een stempel; bewoners worden vaker gecontroleerd." });
  await saveRecord(deps, advisor, escalated, {
    moralQuestion: "Mogen we wijken extra aandacht geven op basis van een voorspelling, als bewoners zich daardoor gestigmatiseerd voelen?",
    stakeholders: "Bewoners, wijkteams, handhaving, gemeenteraad.",
    values: ["rechtvaardigheid", "menselijke_waardigheid", "veiligheid"],
    options: "Wel inzetten; alleen inzetten met bewoners samen; niet inzetten.",
    conclusion: "De groep komt er niet uit: de afweging tussen veiligheid en stigmatisering vraagt om een onafhankelijk oordeel.",
  });
  await escalateDeliberation(deps, advisor, escalated);

  await recordActivity(deps, advisor, { kind: "training", date: `${year}-01-15`, topic: "Data-ethiek voor projectleiders", participantNames: ["Projectleider A", "Projectleider B", "Projectleider C"] });
  await recordActivity(deps, advisor, { kind: "presentation", date: `${year}-02-05`, topic: "Wat doet de ethische commissie?", participantNames: ["Managementteam (8 personen)"] });
  await recordActivity(deps, advisor, { kind: "session", date: `${year}-02-10`, topic: "Moreel beraad: voorspelde overlast", participantNames: ["Wijkregisseur", "Bewonersvertegenwoordiger"], deliberationId: escalated });
}
