// Test-only: a snapshot with nothing filled in, for contributor tests.
import type { ProjectSnapshot } from "../../domain/lifecycle/snapshot.ts";

export function emptySnapshot(): ProjectSnapshot {
  return {
    phase: "pre_start",
    canvas: { status: "not_started" },
    expertAdvice: { status: "none" },
    latestDecision: null,
    screening: { status: "not_done" },
    depia: { exists: false },
    supplier: { involved: false },
    openDeliberations: 0,
    measures: { total: 0, doneOrExplained: 0 },
    evaluation: { recorded: false },
  };
}
