import type { Deps } from "../../platform/deps.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import { demoProjects, projectRoleHolder } from "./demo.ts";
import { createMeeting } from "./meetings.ts";
import { addRecommendation, finaliseAdvice, requestAdvice, respondToRecommendation, saveAdvice, scheduleAdviceRequest } from "./service.ts";

/** Fictional expert-table advice on demo projects past the pre-start gate, answered per recommendation. */
export async function seedExpertTableDemo(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const advisorId = people.get("ethics_advisor");
  const memberId = people.get("expert_table_member");
  if (!advisorId || !memberId) return;
  const advisor = (await loadActor(deps.db, advisorId))!;
  const member = (await loadActor(deps.db, memberId))!;
  const projects = await demoProjects(deps, organisationId);
  // Projects past the pre-start gate had their advice answered in full; the chatbot (pre-start) is left for people to try.
  const byKey = (key: string) => projects.find((p) => p.key === key);
  const after = byKey("parkeerdruk") ?? projects.find((p) => p.phase !== "pre_start" && p.phase !== "stopped");
  const later = byKey("meldingen");
  const meetingId = await createMeeting(deps, advisor, "expert_table", { date: "2026-02-12", title: "Experttafel februari", notes: "Vaste overleg van de experttafel (IM-ICT) met de ethisch adviseur." });

  for (const [project, answerAll] of [[after, true], [later, true]] as const) {
    if (!project) continue;
    const lead = await projectRoleHolder(deps, organisationId, project.id, ["lead", "owner"]);
    if (!lead) continue;
    const writer = [advisor, member].find((a) => !a.projectRoles.has(project.id));
    if (!writer) continue;
    const requestId = await requestAdvice(deps, lead, {
      projectId: project.id,
      question: "Welke ethische risico's ziet de experttafel, en wat moeten we regelen voordat we starten?",
    });
    await scheduleAdviceRequest(deps, advisor, requestId, { meetingId });
    await saveAdvice(deps, writer, requestId, {
      summary:
        "Het doel is duidelijk en van maatschappelijke waarde. Let op de kans dat de gegevens bepaalde wijken of groepen benadelen, en zorg dat een medewerker altijd het laatste woord heeft.",
      findings: {
        rechtvaardigheid: "De historische gegevens kunnen scheef zijn: sommige wijken zijn vaker gecontroleerd dan andere.",
        privacy: "Gebruik alleen de gegevens die echt nodig zijn. Een DPIA lijkt nodig.",
        autonomie: "Inwoners moeten weten dat er een model meekijkt en bezwaar kunnen maken.",
        vng_5: "Publiceer het algoritme in het algoritmeregister.",
      },
    });
    const recs = [
      "Toets de uitkomsten voor de start op verschillen tussen wijken en groepen (bias-toets).",
      "Leg vast dat een medewerker elk signaal beoordeelt voordat er iets gebeurt.",
      "Vertel inwoners in gewone taal hoe het werkt, en publiceer het in het algoritmeregister.",
    ];
    for (const text of recs) await addRecommendation(deps, writer, requestId, { text });
    await finaliseAdvice(deps, writer, requestId);
    const rows = await deps.db
      .selectFrom("expert_recommendations")
      .innerJoin("expert_advice", "expert_advice.id", "expert_recommendations.advice_id")
      .select(["expert_recommendations.id", "expert_recommendations.number"])
      .where("expert_advice.request_id", "=", requestId)
      .orderBy("expert_recommendations.number")
      .execute();
    const answers = [
      { response: "comply", text: "We laten een bias-toets doen op de testgegevens, vóór de livegang." },
      { response: "comply", text: "Dit staat in de werkinstructie; het systeem kan zelf geen besluit nemen." },
      { response: "explain", text: "Publicatie in het register volgt pas na de proef; tijdens de proef informeren we de betrokken inwoners per brief." },
    ];
    for (const [i, row] of rows.entries()) {
      if (!answerAll && i >= 2) break;
      await respondToRecommendation(deps, lead, row.id, answers[i]!);
    }
  }
}
