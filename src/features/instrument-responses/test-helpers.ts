// Test-only helpers: a project with a team, made directly in the tables so
// these tests do not depend on how the projects feature registers projects
// (the expert table's helper does the writing).
import type { ProjectRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { makeProject as makeProjectRow } from "../expert-table/test-helpers.ts";

export async function makeProject(deps: Deps, organisationId: string, options: { title?: string; phase?: string; team?: Record<string, ProjectRole> } = {}): Promise<string> {
  const roles = Object.entries(options.team ?? {}).map(([userId, role]) => ({ userId, role: role as "owner" | "lead" | "member" }));
  return makeProjectRow(deps, organisationId, { title: options.title ?? "Vroegsignalering schulden", phase: options.phase, technologies: [], roles });
}
