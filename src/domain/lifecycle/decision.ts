// The owner's gate decision. A "go" is refused unless gateReadiness says ready;
// "stop" is always open to the owner and final; "adjust" keeps the phase.
// A refusal is a code; the projects feature words it (projects.gate.refused_*).
import { gateReadiness, type GateReadiness } from "./readiness.ts";
import type { GateDecision, ProjectSnapshot } from "./snapshot.ts";
import type { Phase } from "./phases.ts";

export type GateRefusalCode = "invalid_decision" | "project_final" | "not_owner" | "not_ready";

export type GateDecisionResult =
  | { ok: true; decision: GateDecision; from: Phase; to: Phase; final: boolean; readiness: GateReadiness }
  | { ok: false; code: GateRefusalCode; readiness: GateReadiness };

export const GATE_DECISIONS: readonly GateDecision[] = ["go", "adjust", "stop"];

/**
 * `actorRoles` are the roles the actor holds on this project (project roles and
 * organisation roles together). Checks run in a fixed order: decision, final
 * phase, owner, readiness.
 */
export function applyGateDecision(
  snapshot: ProjectSnapshot,
  decision: GateDecision,
  actorRoles: readonly string[],
): GateDecisionResult {
  const readiness = gateReadiness(snapshot);
  const refuse = (code: GateRefusalCode): GateDecisionResult => ({ ok: false, code, readiness });

  if (!(GATE_DECISIONS as readonly string[]).includes(decision)) return refuse("invalid_decision");
  if (readiness.transition === null) return refuse("project_final");
  if (!actorRoles.includes("owner")) return refuse("not_owner");

  const from = snapshot.phase;
  switch (decision) {
    case "stop":
      return { ok: true, decision, from, to: "stopped", final: true, readiness };
    case "adjust":
      return { ok: true, decision, from, to: from, final: false, readiness };
    case "go": {
      if (!readiness.ready) return refuse("not_ready");
      const to = readiness.transition.to;
      return { ok: true, decision, from, to, final: to === "closed", readiness };
    }
  }
}
