// What the ai-act pages show, gathered for the routes (which never query).
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { friaState } from "./fria.ts";
import { classificationsOf, gateDuties } from "./records.ts";
import { getRegistration } from "./registration.ts";
import type { RegistrationModel } from "./views/registration-page.tsx";

export async function registrationPage(deps: Deps, actor: Actor, projectId: string): Promise<RegistrationModel> {
  const registration = await getRegistration(deps, actor, projectId);
  const [current] = await classificationsOf(deps, actor.organisationId, registration.project.id);
  const duties = current ? gateDuties(current) : { fria: false, euRegistration: false };
  return { registration, fria: await friaState(deps, actor.organisationId, registration.project.id), friaRequired: duties.fria, registrationRequired: duties.euRegistration };
}
