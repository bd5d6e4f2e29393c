import { describe, expect, it } from "vitest";
import { applyGateDecision } from "./decision.ts";
import { gateReadiness } from "./readiness.ts";
import { readyAt } from "./test-snapshots.ts";
import { nextPhase, type Phase } from "./phases.ts";
import type { GateDecision, ProjectSnapshot } from "./snapshot.ts";

const ACTIVE: Phase[] = ["pre_start", "start", "execution", "evaluation"];
const DECISIONS: GateDecision[] = ["go", "adjust", "stop"];
const OWNER = ["owner"];

/** One gap per active phase, so "go" must be refused there. */
const notReady: Record<string, ProjectSnapshot> = {
  pre_start: { ...readyAt("pre_start"), canvas: { status: "in_progress" } },
  start: { ...readyAt("start"), openDeliberations: 1 },
  execution: { ...readyAt("execution"), measures: { total: 2, doneOrExplained: 1 } },
  evaluation: { ...readyAt("evaluation"), evaluation: { recorded: false } },
};

describe("applyGateDecision", () => {
  describe.each(ACTIVE)("in phase %s", (phase) => {
    it("go when ready moves to the next phase", () => {
      const r = applyGateDecision(readyAt(phase), "go", OWNER);
      expect(r).toMatchObject({ ok: true, decision: "go", from: phase, to: nextPhase(phase), final: phase === "evaluation" });
    });

    it("go when not ready is refused with the readiness that says why", () => {
      const r = applyGateDecision(notReady[phase]!, "go", OWNER);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.code).toBe("not_ready");
      expect(r.readiness.missing).toHaveLength(1);
    });

    it("adjust keeps the phase, ready or not", () => {
      expect(applyGateDecision(readyAt(phase), "adjust", OWNER)).toMatchObject({ ok: true, from: phase, to: phase, final: false });
      expect(applyGateDecision(notReady[phase]!, "adjust", OWNER)).toMatchObject({ ok: true, to: phase });
    });

    it("stop is always allowed for the owner and final", () => {
      expect(applyGateDecision(notReady[phase]!, "stop", OWNER)).toMatchObject({ ok: true, from: phase, to: "stopped", final: true });
    });

    it.each(DECISIONS)("%s by someone who is not the owner is refused", (decision) => {
      for (const roles of [[], ["lead"], ["member"], ["fg", "cio", "admin"]]) {
        expect(applyGateDecision(readyAt(phase), decision, roles)).toMatchObject({ ok: false, code: "not_owner" });
      }
    });
  });

  describe.each(["closed", "stopped"] as const)("in the final phase %s", (phase) => {
    it.each(DECISIONS)("%s is refused", (decision) => {
      const r = applyGateDecision(readyAt(phase), decision, OWNER);
      expect(r).toMatchObject({ ok: false, code: "project_final" });
    });

    it("refuses a non-owner with the same code: nothing can happen any more", () => {
      expect(applyGateDecision(readyAt(phase), "stop", ["lead"])).toMatchObject({ ok: false, code: "project_final" });
    });
  });

  it("refuses an unknown decision", () => {
    expect(applyGateDecision(readyAt("start"), "maybe" as GateDecision, OWNER)).toMatchObject({ ok: false, code: "invalid_decision" });
  });

  it("accepts an owner who also holds other roles", () => {
    expect(applyGateDecision(readyAt("start"), "go", ["lead", "owner"]).ok).toBe(true);
  });

  it("never says ready while go is refused, nor the other way round", () => {
    const snapshots = [...ACTIVE.map(readyAt), ...Object.values(notReady), readyAt("closed"), readyAt("stopped")];
    for (const s of snapshots) {
      expect(applyGateDecision(s, "go", OWNER).ok).toBe(gateReadiness(s).ready);
    }
  });
});
