// A material change to a project (DESIGN §3: new data source, new purpose,
// new supplier) makes the earlier screening stale; it must be done again.
import type { IsoDate, ProjectSnapshot } from "./snapshot.ts";
import { isFinal } from "./phases.ts";

export type MaterialChangeKind =
  | "new_data_source"
  | "new_purpose"
  | "new_supplier"
  | "new_technology"
  | "new_data_category"
  | "description_edit"
  | "team_change"
  | "schedule_change";

const MATERIAL: Record<MaterialChangeKind, boolean> = {
  new_data_source: true,
  new_purpose: true,
  new_supplier: true,
  new_technology: true,
  new_data_category: true,
  description_edit: false,
  team_change: false,
  schedule_change: false,
};

export function isMaterialChange(kind: MaterialChangeKind): boolean {
  return MATERIAL[kind];
}

/** What a change means for the screening, as a code for the project page (projects.change_effect.*, projects.change_reason.*). */
export interface MaterialChangeEffect {
  reopenScreening: boolean;
  reason: { code: "screening_redo" | "no_new_screening"; params: { change: MaterialChangeKind } };
}

/** Says whether screening must be redone and why. */
export function materialChangeEffect(kind: MaterialChangeKind): MaterialChangeEffect {
  const material = isMaterialChange(kind);
  return { reopenScreening: material, reason: { code: material ? "screening_redo" : "no_new_screening", params: { change: kind } } };
}

/** The snapshot after the change: a done screening becomes reopened; nothing changes for a final project. */
export function applyMaterialChange(snapshot: ProjectSnapshot, kind: MaterialChangeKind, on: IsoDate): ProjectSnapshot {
  if (!isMaterialChange(kind) || isFinal(snapshot.phase) || snapshot.screening.status === "not_done") return snapshot;
  const previousOutcome =
    snapshot.screening.status === "done" ? snapshot.screening.outcome : snapshot.screening.previousOutcome;
  return {
    ...snapshot,
    screening: { status: "reopened", reason: kind, on, ...(previousOutcome ? { previousOutcome } : {}) },
  };
}
