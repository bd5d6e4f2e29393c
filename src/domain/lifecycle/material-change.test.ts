import { describe, expect, it } from "vitest";
import { applyMaterialChange, isMaterialChange, materialChangeEffect, type MaterialChangeKind } from "./material-change.ts";
import { readyAt } from "./test-snapshots.ts";
import { gateReadiness } from "./readiness.ts";

const MATERIAL: MaterialChangeKind[] = ["new_data_source", "new_purpose", "new_supplier", "new_technology", "new_data_category"];
const MINOR: MaterialChangeKind[] = ["description_edit", "team_change", "schedule_change"];

describe("material change", () => {
  it.each(MATERIAL)("%s reopens the screening", (kind) => {
    expect(isMaterialChange(kind)).toBe(true);
    const effect = materialChangeEffect(kind);
    expect(effect.reopenScreening).toBe(true);
    expect(effect.reason).toEqual({ code: "screening_redo", params: { change: kind } });
  });

  it.each(MINOR)("%s does not", (kind) => {
    expect(materialChangeEffect(kind)).toEqual({ reopenScreening: false, reason: { code: "no_new_screening", params: { change: kind } } });
    expect(applyMaterialChange(readyAt("execution"), kind, "2026-06-01")).toEqual(readyAt("execution"));
  });

  it("turns a done screening into a reopened one that blocks the next gate", () => {
    const after = applyMaterialChange(readyAt("execution"), "new_data_source", "2026-06-01");
    expect(after.screening).toEqual({ status: "reopened", reason: "new_data_source", on: "2026-06-01", previousOutcome: "required" });
    expect(gateReadiness(after).missing.map((m) => m.key)).toEqual(["screening_redo"]);
  });

  it("keeps the first outcome when reopened twice", () => {
    const once = applyMaterialChange(readyAt("start"), "new_purpose", "2026-06-01");
    const twice = applyMaterialChange(once, "new_supplier", "2026-06-02");
    expect(twice.screening).toEqual({ status: "reopened", reason: "new_supplier", on: "2026-06-02", previousOutcome: "required" });
  });

  it("leaves a screening that was never done, and final projects, as they are", () => {
    const fresh = { ...readyAt("pre_start"), screening: { status: "not_done" as const } };
    expect(applyMaterialChange(fresh, "new_purpose", "2026-06-01")).toBe(fresh);
    const closed = readyAt("closed");
    expect(applyMaterialChange(closed, "new_purpose", "2026-06-01")).toBe(closed);
  });
});
