// A material change to a project (DESIGN §3: new data source, new purpose,
// new supplier) makes the earlier screening stale; it must be done again.
import type { LocalText } from "../../instruments/types.ts";
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

const CHANGES: Record<MaterialChangeKind, { material: boolean; label: LocalText }> = {
  new_data_source: { material: true, label: { nl: "er is een nieuwe gegevensbron", en: "there is a new data source" } },
  new_purpose: { material: true, label: { nl: "het doel is veranderd", en: "the purpose has changed" } },
  new_supplier: { material: true, label: { nl: "er is een nieuwe leverancier", en: "there is a new supplier" } },
  new_technology: { material: true, label: { nl: "er wordt nieuwe technologie gebruikt", en: "new technology is used" } },
  new_data_category: { material: true, label: { nl: "er worden nieuwe soorten gegevens gebruikt", en: "new kinds of data are used" } },
  description_edit: { material: false, label: { nl: "de beschrijving is aangepast", en: "the description was edited" } },
  team_change: { material: false, label: { nl: "het team is veranderd", en: "the team has changed" } },
  schedule_change: { material: false, label: { nl: "de planning is veranderd", en: "the schedule has changed" } },
};

export function isMaterialChange(kind: MaterialChangeKind): boolean {
  return CHANGES[kind].material;
}

export function changeLabel(kind: MaterialChangeKind): LocalText {
  return CHANGES[kind].label;
}

/** Says whether screening must be redone and why, in words for the project page. */
export function materialChangeEffect(kind: MaterialChangeKind): { reopenScreening: boolean; reason: LocalText } {
  const { material, label } = CHANGES[kind];
  return material
    ? {
        reopenScreening: true,
        reason: { nl: `De screening moet opnieuw: ${label.nl}.`, en: `The screening must be redone: ${label.en}.` },
      }
    : {
        reopenScreening: false,
        reason: { nl: `Geen nieuwe screening nodig: ${label.nl}.`, en: `No new screening needed: ${label.en}.` },
      };
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
