import { loadActor } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { addMonths, recordSession } from "./record-session.ts";
import { addTraining } from "./trainings.ts";

/**
 * Two fictional trainings and three sessions: most people who work with AI are
 * trained, one training expires soon, and the project member has not had the
 * basics yet, so the overview shows a gap to act on.
 */
export async function seedAiLiteracyDemo(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void> {
  const cioId = people.get("cio");
  if (!cioId) return;
  const cio = (await loadActor(deps.db, cioId))!;
  const today = deps.now().toISOString().slice(0, 10);
  const ago = (months: number) => addMonths(today, -months);
  const who = (...keys: string[]) => keys.map((k) => people.get(k)).filter((x): x is string => !!x);

  const basics = await addTraining(deps, cio, {
    title: "Basistraining AI voor de gemeente",
    description: "Wat AI is, wat het wel en niet kan, en waar u op let als een systeem meebeslist over inwoners.",
    validityMonths: 24,
    audience: ["owner", "lead", "member", "cio", "privacy_officer", "fg"],
  });
  const oversight = await addTraining(deps, cio, {
    title: "Menselijk toezicht op hoog-risico-AI",
    description: "Hoe u de uitkomst van een systeem controleert, wanneer u ingrijpt en hoe u dat vastlegt.",
    validityMonths: 12,
    audience: ["lead", "cio"],
  });
  await recordSession(deps, cio, { trainingId: basics, date: ago(14), participantUserIds: who("owner", "lead", "cio", "privacy_officer", "fg"), participantNames: ["Gastspreker Hogeschool Voorbeeldstad"] });
  await recordSession(deps, cio, { trainingId: oversight, date: ago(11), participantUserIds: who("lead") });
  await recordSession(deps, cio, { trainingId: oversight, date: ago(2), participantUserIds: who("cio") });
}
