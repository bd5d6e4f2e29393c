import type { DepiaStartedHook } from "../assessments/start-depia.ts";
import { markFriaInDepia } from "./fria.ts";
import { classificationsOf, gateDuties } from "./records.ts";

/** A DEPIA started after a classification that asks for a FRIA opens with the FRIA section on. */
export const switchFriaOnAtStart: DepiaStartedHook = async (tx, actor, project) => {
  const [current] = await classificationsOf(tx, actor.organisationId, project.id);
  if (current && gateDuties(current).fria) await markFriaInDepia(tx, actor, project);
};
