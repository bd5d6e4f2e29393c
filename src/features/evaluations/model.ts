// The rhythm of periodic evaluations, from a project's risk level, and when the next one is due. Pure.
import type { ProjectSnapshot } from "../../domain/lifecycle/index.ts";

export const INSTRUMENT_ID = "periodic-evaluation";
export const CADENCES = [3, 6, 12, 24] as const;
export type Cadence = (typeof CADENCES)[number];
export const CHANGE_KINDS = ["new_data_source", "new_purpose", "new_supplier", "new_technology", "new_data_category"] as const;

/** High residual risk: every 3 months; a DEPIA was needed: every 6; otherwise yearly. */
export function defaultCadence(s: Pick<ProjectSnapshot, "screening" | "depia">): Cadence {
  if (s.depia.exists && s.depia.highestResidualLevel === "high") return 3;
  if (s.screening.status === "done" && s.screening.outcome === "required") return 6;
  return 12;
}

/** A calendar date months after a date (the 31st becomes the month's last day). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The answers that ask for attention: a measure or assumption that no longer works, an event, doubt about the need. */
export function needsAttention(a: Record<string, unknown>): boolean {
  return a.measures_work !== "yes" || a.assumptions_hold !== "yes" || a.incidents === "yes" || a.complaints === "yes" || a.objections === "yes" || a.still_needed !== "yes";
}
