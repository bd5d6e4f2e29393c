// Small helpers shared by the assessments use cases.
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import "./schema.ts";

export function openProject(deps: Deps, actor: Actor, projectId: string): Promise<ProjectRef> {
  return loadProjectForActor(deps.db, actor, projectId);
}

/** Stopped and closed projects keep their records as they are. */
export function requireActive(project: ProjectRef): void {
  if (isPhase(project.phase) && isFinal(project.phase)) throw new AppError("rule_refused", "assessments.project_final");
}

export function parseJsonValue<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export async function userName(deps: Deps, actor: Actor): Promise<string> {
  const row = await deps.db.selectFrom("users").select("name").where("id", "=", actor.userId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  return row?.name ?? actor.name;
}

export function isoDay(iso: string): string {
  return iso.slice(0, 10);
}

export function isValidDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
