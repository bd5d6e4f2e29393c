import type { Deps } from "../../platform/deps.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import { adoptAdvice, castVote, createCase, decidePublication, publishAdvice, recordBoardResponse, saveCommitteeAdvice } from "./service.ts";

/** Fictional committee work: a public advice the board answered, and a confidential advice. */
export async function seedCommitteeDemo(deps: Deps, _organisationId: string, people: Map<string, string>): Promise<void> {
  const load = async (key: string) => {
    const id = people.get(key);
    return id ? loadActor(deps.db, id) : null;
  };
  const [chair, member, secretary, board] = await Promise.all([load("committee_chair"), load("committee_member"), load("committee_secretary"), load("board_member")]);
  if (!chair || !member || !secretary || !board) return;

  const publicCase = await createCase(deps, board, {
    title: "Slimme camera's op het Stationsplein",
    question: "Mogen wij camera's met beeldherkenning inzetten om drukte op het Stationsplein te meten, en onder welke voorwaarden?",
    origin: "board",
    values: ["privacy", "autonomie", "veiligheid"],
    technologies: ["camera", "ai"],
    domain: "Openbare ruimte",
  });
  await saveCommitteeAdvice(deps, secretary, publicCase, {
    text:
      "De commissie vindt het doel, drukte meten voor de veiligheid, waardevol. Herkenning van gezichten is daarvoor niet nodig. " +
      "Advies: tel alleen mensen, bewaar geen beelden, zet een bord bij het plein en laat de werking jaarlijks controleren.",
  });
  await castVote(deps, member, publicCase, { vote: "for" });
  await castVote(deps, chair, publicCase, { vote: "for" });
  await adoptAdvice(deps, chair, publicCase);
  await decidePublication(deps, chair, publicCase, { publication: "public" });
  await publishAdvice(deps, secretary, publicCase);
  await recordBoardResponse(deps, board, publicCase, {
    decision: "deviate",
    reasons: "Het college volgt het advies, behalve de jaarlijkse controle: die doen we elke twee jaar, omdat de leverancier geen wijzigingen mag maken zonder onze toestemming.",
  });

  const confidentialCase = await createCase(deps, member, {
    title: "Gegevens delen met woningcorporaties",
    question: "Mag de gemeente signalen over betalingsachterstanden delen met woningcorporaties om huisuitzetting te voorkomen?",
    origin: "own_initiative",
    values: ["privacy", "menselijke_waardigheid", "rechtvaardigheid"],
    technologies: ["data linkage"],
    domain: "Sociaal domein",
  });
  await saveCommitteeAdvice(deps, member, confidentialCase, {
    text: "Delen kan helpen, maar alleen met toestemming van de inwoner en met een vaste contactpersoon. Zonder toestemming raadt de commissie het af.",
  });
  await castVote(deps, member, confidentialCase, { vote: "for" });
  await castVote(deps, chair, confidentialCase, { vote: "for" });
  await adoptAdvice(deps, chair, confidentialCase);
  await decidePublication(deps, chair, confidentialCase, { publication: "confidential" });
}
