// The organisation's view: per requirement, across all projects, how many meet
// it and where the gaps are.
import type { RequirementStatus, StatusResult } from "./status.ts";

export interface ProjectStatuses {
  projectId: string;
  statuses: readonly StatusResult[];
}

export interface RequirementCoverage {
  requirementId: string;
  counts: Record<RequirementStatus, number>;
  /** The projects where it applies and is not yet met. */
  gaps: string[];
}

export function coverage(projects: readonly ProjectStatuses[]): RequirementCoverage[] {
  const byRequirement = new Map<string, RequirementCoverage>();
  for (const { projectId, statuses } of projects) {
    for (const s of statuses) {
      const row = byRequirement.get(s.requirementId) ?? { requirementId: s.requirementId, counts: { met: 0, not_yet: 0, not_applicable: 0 }, gaps: [] };
      row.counts[s.status]++;
      if (s.status === "not_yet") row.gaps.push(projectId);
      byRequirement.set(s.requirementId, row);
    }
  }
  return [...byRequirement.values()].sort((a, b) => a.requirementId.localeCompare(b.requirementId, "en", { numeric: true }));
}
