import { describe, expect, it } from "vitest";
import { gateReadiness, type MissingItem } from "./readiness.ts";
import { readyAt } from "./test-snapshots.ts";
import type { DepiaState, ProjectSnapshot } from "./snapshot.ts";
import { PHASES, gateFor, isFinal, nextPhase } from "./phases.ts";

const depia = (s: ProjectSnapshot) => s.depia as Extract<DepiaState, { exists: true }>;
const missing = (s: ProjectSnapshot) => gateReadiness(s).missing;
const keys = (s: ProjectSnapshot) => missing(s).map((m) => `${m.key}/${m.who}`);
const only = (s: ProjectSnapshot): MissingItem => {
  const items = missing(s);
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe("phases", () => {
  it("run pre_start → start → execution → evaluation → closed", () => {
    expect(PHASES.map(nextPhase)).toEqual(["start", "execution", "evaluation", "closed", null, null]);
    expect(PHASES.filter(isFinal)).toEqual(["closed", "stopped"]);
    expect(gateFor("start")).toEqual({ from: "start", to: "execution" });
    expect(gateFor("stopped")).toBeNull();
  });
});

describe("gateReadiness: every phase is ready when nothing is missing", () => {
  it.each(["pre_start", "start", "execution", "evaluation"] as const)("%s", (phase) => {
    const r = gateReadiness(readyAt(phase));
    expect(r.ready).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.transition).toEqual({ from: phase, to: nextPhase(phase) });
    expect(r.summary).toEqual({ code: "ready", params: { to: nextPhase(phase) } });
  });
});

describe("pre_start → start", () => {
  const base = () => readyAt("pre_start");

  it("needs a complete canvas, from the lead", () => {
    expect(only({ ...base(), canvas: { status: "not_started" } })).toMatchObject({
      key: "canvas",
      who: "lead",
      message: { code: "canvas_not_started" },
    });
    expect(only({ ...base(), canvas: { status: "in_progress" } }).message).toEqual({ code: "canvas_in_progress" });
  });

  it("needs the expert table's advice to be requested", () => {
    expect(only({ ...base(), expertAdvice: { status: "none" } })).toMatchObject({
      key: "expert_advice_request",
      who: "lead",
      message: { code: "advice_not_requested" },
    });
  });

  it("waits for the expert table, since the request", () => {
    expect(only({ ...base(), expertAdvice: { status: "requested", requestedOn: "2026-03-03" } })).toEqual({
      key: "expert_advice",
      who: "expert_table",
      since: "2026-03-03",
      message: { code: "advice_not_given", params: { requestedOn: "2026-03-03" } },
    });
  });

  it("needs a response to every recommendation", () => {
    const item = only({ ...base(), expertAdvice: { status: "given", givenOn: "2026-03-17", recommendationsTotal: 5, recommendationsAnswered: 2 } });
    expect(item).toMatchObject({ key: "advice_responses", who: "lead", since: "2026-03-17" });
    expect(item.message).toEqual({ code: "advice_responses", params: { answered: 2, total: 5 } });
  });

  it("accepts advice without recommendations", () => {
    expect(missing({ ...base(), expertAdvice: { status: "given", givenOn: "2026-03-17", recommendationsTotal: 0, recommendationsAnswered: 0 } })).toEqual([]);
  });

  it("does not ask for start-phase records yet", () => {
    expect(missing({ ...base(), screening: { status: "not_done" }, depia: { exists: false }, openDeliberations: 3 })).toEqual([]);
  });

  it("lists several gaps together, and counts them in the summary", () => {
    const r = gateReadiness({ ...base(), canvas: { status: "in_progress" }, expertAdvice: { status: "none" } });
    expect(r.missing.map((m) => m.key)).toEqual(["canvas", "expert_advice_request"]);
    expect(r.summary).toEqual({ code: "not_ready", params: { count: 2, to: "start" } });
  });
});

describe("start → execution", () => {
  const base = () => readyAt("start");

  it("needs the screening", () => {
    expect(only({ ...base(), screening: { status: "not_done" } })).toMatchObject({ key: "screening", who: "lead" });
  });

  it("needs the screening redone after a material change", () => {
    const item = only({ ...base(), screening: { status: "reopened", reason: "new_supplier", on: "2026-05-02", previousOutcome: "required" } });
    expect(item).toMatchObject({ key: "screening_redo", who: "lead", since: "2026-05-02" });
    expect(item.message).toEqual({ code: "screening_redo", params: { change: "new_supplier", since: "2026-05-02" } });
  });

  it.each(["recommended", "not_required"] as const)("asks nothing of a DEPIA when the screening says %s", (outcome) => {
    expect(missing({ ...base(), screening: { status: "done", outcome, on: "2026-04-01" }, depia: { exists: false } })).toEqual([]);
  });

  it("needs a DEPIA when the screening requires one", () => {
    expect(only({ ...base(), depia: { exists: false } })).toMatchObject({ key: "depia", who: "lead", since: "2026-04-01" });
  });

  it("needs the current version submitted before reviewers are asked", () => {
    const s = base();
    const { submittedOn: _, ...rest } = depia(s);
    expect(keys({ ...s, depia: { ...rest, currentVersion: 3 } })).toEqual([
      "depia_submission/lead",
      "residual_risk_acceptance/owner",
    ]);
  });

  it("waits for the FG and the ISO on the submitted version", () => {
    const s = base();
    const r = missing({ ...s, depia: { ...depia(s), fg: null, iso: null } });
    expect(r.map((m) => `${m.key}/${m.who}`)).toEqual(["depia_fg_review/fg", "depia_iso_review/iso"]);
    expect(r[0]?.message).toEqual({ code: "depia_review", params: { reviewer: "fg", version: 2, submittedOn: "2026-04-20" } });
    expect(r[0]?.since).toBe("2026-04-20");
  });

  it("does not count a verdict on an older version", () => {
    const s = base();
    expect(keys({ ...s, depia: { ...depia(s), fg: { verdict: "acceptable", version: 1, on: "2026-04-10" } } })).toEqual(["depia_fg_review/fg"]);
  });

  it.each(["to_correct", "improvable"] as const)("sends the lead back to work after an FG verdict '%s'", (verdict) => {
    const s = base();
    const item = only({ ...s, depia: { ...depia(s), fg: { verdict, version: 2, on: "2026-04-25" } } });
    expect(item).toMatchObject({ key: "depia_fg_review", who: "lead", since: "2026-04-25" });
    expect(item.message).toEqual({ code: "depia_rework", params: { reviewer: "fg", version: 2, verdict, on: "2026-04-25" } });
  });

  it("needs the ISO's verdict to be acceptable too", () => {
    const s = base();
    expect(only({ ...s, depia: { ...depia(s), iso: { verdict: "to_correct", version: 2, on: "2026-04-26" } } }).key).toBe("depia_iso_review");
  });

  it("needs the owner's acceptance of residual risk on the current version", () => {
    const s = base();
    expect(only({ ...s, depia: { ...depia(s), residualRiskAcceptance: null } })).toMatchObject({ key: "residual_risk_acceptance", who: "owner" });
    expect(only({ ...s, depia: { ...depia(s), residualRiskAcceptance: { version: 1, on: "2026-04-02" } } }).key).toBe("residual_risk_acceptance");
  });

  it("needs prior consultation of the AP for a high residual risk", () => {
    const s = base();
    expect(only({ ...s, depia: { ...depia(s), highestResidualLevel: "high" } })).toMatchObject({ key: "ap_prior_consultation", who: "owner" });
    expect(missing({ ...s, depia: { ...depia(s), highestResidualLevel: "high", apPriorConsultation: { on: "2026-04-27" } } })).toEqual([]);
    expect(missing({ ...s, depia: { ...depia(s), highestResidualLevel: null } })).toEqual([]);
  });

  it("needs the contract checklist signed off by the second line when a supplier is involved", () => {
    expect(only({ ...base(), supplier: { involved: true, contractSignedOff: false } })).toMatchObject({ key: "contract_signoff", who: "second_line" });
    expect(missing({ ...base(), supplier: { involved: false } })).toEqual([]);
  });

  it("needs open deliberations closed or escalated", () => {
    expect(only({ ...base(), openDeliberations: 1 }).message).toEqual({ code: "open_deliberations", params: { count: 1 } });
    expect(only({ ...base(), openDeliberations: 2 })).toMatchObject({ key: "open_deliberations", who: "facilitator" });
  });
});

describe("execution → evaluation", () => {
  it("needs every measure done or explained", () => {
    const item = only({ ...readyAt("execution"), measures: { total: 8, doneOrExplained: 5 } });
    expect(item).toMatchObject({ key: "measures", who: "lead" });
    expect(item.message).toEqual({ code: "measures", params: { open: 3, total: 8 } });
  });

  it("needs a reopened screening redone", () => {
    expect(only({ ...readyAt("execution"), screening: { status: "reopened", reason: "new_purpose", on: "2026-07-01" } }).key).toBe("screening_redo");
  });
});

describe("evaluation → closed", () => {
  it("needs the evaluation recorded", () => {
    expect(only({ ...readyAt("evaluation"), evaluation: { recorded: false } })).toMatchObject({ key: "evaluation", who: "lead" });
  });

  it("needs a reopened screening redone", () => {
    expect(only({ ...readyAt("evaluation"), screening: { status: "reopened", reason: "new_data_source", on: "2026-09-01" } }).key).toBe("screening_redo");
  });
});

describe("closed and stopped projects", () => {
  it("have no gate and are never ready", () => {
    const closed = gateReadiness(readyAt("closed"));
    expect(closed).toMatchObject({ transition: null, ready: false, missing: [], summary: { code: "closed" } });
    const stopped = gateReadiness(readyAt("stopped"));
    expect(stopped.ready).toBe(false);
    expect(stopped.summary).toEqual({ code: "stopped" });
  });
});

describe("asking about another transition", () => {
  it("is not ready when the transition does not fit the phase", () => {
    const r = gateReadiness(readyAt("start"), { from: "pre_start", to: "start" });
    expect(r.ready).toBe(false);
    expect(r.summary).toEqual({ code: "wrong_transition", params: { phase: "start" } });
    expect(gateReadiness(readyAt("start"), { from: "start", to: "execution" }).ready).toBe(true);
  });
});

describe("after an 'adjust'", () => {
  it("explains that the project is being reworked at this gate", () => {
    const r = gateReadiness({ ...readyAt("pre_start"), latestDecision: { decision: "adjust", phase: "pre_start", on: "2026-03-20" } });
    expect(r.decisionNote).toEqual({ code: "adjusted", params: { on: "2026-03-20" } });
    expect(gateReadiness({ ...readyAt("start"), latestDecision: { decision: "adjust", phase: "pre_start", on: "2026-03-20" } }).decisionNote).toBeUndefined();
  });
});
