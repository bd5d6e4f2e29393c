// The AI Act's evidence for the Algoritmekader: the classification (reviewed or
// not, and its outcome), the FRIA and its notification, the EU registration.
import type { AkEvidenceSource } from "../algoritmekader/evidence.ts";
import { friaState } from "./fria.ts";
import { classificationsOf, euRegistrationOf } from "./records.ts";

export const aiActEvidence: AkEvidenceSource = async (deps, project) => {
  const [current] = await classificationsOf(deps, project.organisationId, project.id);
  const fria = await friaState(deps, project.organisationId, project.id);
  const registration = await euRegistrationOf(deps, project.organisationId, project.id);
  return {
    classification: !current ? "none" : current.review?.decision === "confirmed" ? "reviewed" : "draft",
    classificationOutcome: current?.result.eventual?.outcome ?? "none",
    fria: fria.review,
    friaNotified: fria.notified !== null,
    euRegistration: !!registration?.registration_number,
  };
};
