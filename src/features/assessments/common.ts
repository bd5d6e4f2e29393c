// Small helpers shared by the assessments use cases.
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import "./schema.ts";

export { isIsoDate as isValidDate } from "../../instruments/index.ts";

/** A date as a form's date field sends it (yyyy-mm-dd), and a user id. */
export const DATE_MAX = 10;
export const USER_ID_MAX = 64;

/** Opens a project for reading (use cases that decide lock it: lockProjectForActor). */
export function openProject(deps: Deps, actor: Actor, projectId: string): Promise<ProjectRef> {
  return loadProjectForActor(deps.db, actor, projectId);
}

/** Stopped and closed projects keep their records as they are. */
export function isActive(project: ProjectRef): boolean {
  return !(isPhase(project.phase) && isFinal(project.phase));
}

export function requireActive(project: ProjectRef): void {
  if (!isActive(project)) throw new AppError("rule_refused", "assessments.project_final");
}

/** A stored JSON value, or the fallback when there is none or it is not JSON; `accept` checks its shape. */
import { readJsonAs as parseJsonValue } from "../../platform/db/json-columns.ts";
export { parseJsonValue };

/** The strings of a stored JSON list (anything else in it is left out). */
export function parseStringList(text: string | null | undefined): string[] {
  return parseJsonValue<unknown[]>(text, [], Array.isArray).filter((x): x is string => typeof x === "string");
}

export async function userName(deps: Deps, actor: Actor): Promise<string> {
  const row = await deps.db.selectFrom("users").select("name").where("id", "=", actor.userId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  return row?.name ?? actor.name;
}
