// The default project phases (DESIGN §3). `stopped` can follow any active
// phase and, like `closed`, is final. Their names are catalogue texts
// (projects.phase.*).

export type Phase = "pre_start" | "start" | "execution" | "evaluation" | "closed" | "stopped";

export const PHASES: readonly Phase[] = ["pre_start", "start", "execution", "evaluation", "closed", "stopped"];

const NEXT: Record<Phase, Phase | null> = {
  pre_start: "start",
  start: "execution",
  execution: "evaluation",
  evaluation: "closed",
  closed: null,
  stopped: null,
};

export interface Transition {
  from: Phase;
  to: Phase;
}

export function nextPhase(phase: Phase): Phase | null {
  return NEXT[phase];
}

export function isFinal(phase: Phase): boolean {
  return NEXT[phase] === null;
}

/** The gate a project in this phase stands before; null once the project is closed or stopped. */
export function gateFor(phase: Phase): Transition | null {
  const to = NEXT[phase];
  return to === null ? null : { from: phase, to };
}

export function isPhase(value: unknown): value is Phase {
  return typeof value === "string" && (PHASES as readonly string[]).includes(value);
}
