// Snapshots for the lifecycle tests: `readyAt(phase)` satisfies every rule of
// that phase's gate, so a test changes one thing and sees exactly one gap.
import type { ProjectSnapshot } from "./snapshot.ts";
import type { Phase } from "./phases.ts";

export function readyAt(phase: Phase): ProjectSnapshot {
  return {
    phase,
    canvas: { status: "complete" },
    expertAdvice: { status: "given", requestedOn: "2026-03-03", givenOn: "2026-03-17", recommendationsTotal: 3, recommendationsAnswered: 3 },
    latestDecision: null,
    screening: { status: "done", outcome: "required", on: "2026-04-01" },
    depia: {
      exists: true,
      currentVersion: 2,
      submittedOn: "2026-04-20",
      fg: { verdict: "acceptable", version: 2, on: "2026-04-25" },
      iso: { verdict: "acceptable", version: 2, on: "2026-04-26" },
      residualRiskAcceptance: { version: 2, on: "2026-04-28" },
      highestResidualLevel: "medium",
      apPriorConsultation: null,
    },
    supplier: { involved: true, contractSignedOff: true, signedOffOn: "2026-04-29" },
    openDeliberations: 0,
    measures: { total: 4, doneOrExplained: 4 },
    evaluation: { recorded: true, on: "2026-10-01" },
  };
}
