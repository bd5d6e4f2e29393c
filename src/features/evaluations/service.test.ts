import { expect, it } from "vitest";
import { forgetMemos } from "../../platform/request-memo.ts";
import { describeEachEngine } from "../../../test/support/database.ts";
import { gateReadiness } from "../../domain/lifecycle/index.ts";
import { rowCounts } from "../../platform/db/tables.ts";
import type { Deps } from "../../platform/deps.ts";
import { codeOf, procurementSetting, screenWithoutDepia } from "../procurement/test-helpers.ts";
import { buildSnapshot } from "../projects/build-snapshot.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { addMonths } from "./model.ts";
import { evaluationOverview } from "./queries.ts";
import { recordPeriodicEvaluation } from "./record-periodic-evaluation.ts";
import { setEvaluationCadence } from "./set-cadence.ts";

const ALL_WELL = { measures_work: "yes", assumptions_hold: "yes", incidents: "no", complaints: "no", objections: "no", still_needed: "yes", material_change: "none" };

async function inExecution(deps: Deps, slug: string) {
  const s = await procurementSetting(deps, slug);
  await screenWithoutDepia(deps, s.actors, s.projectId);
  await deps.db.updateTable("projects").set({ phase: "execution" }).where("id", "=", s.projectId).execute();
  return s;
}

async function missingKeys(deps: Deps, s: Awaited<ReturnType<typeof inExecution>>) {
  const project = await loadProjectForActor(deps.db, s.actors.lead, s.projectId);
  return gateReadiness(await buildSnapshot(deps, project)).missing.map((m) => m.key);
}

describeEachEngine("periodic evaluations", (get) => {
  it("refuses incomplete answers in Dutch and stores nothing; a complete one sets the next due date from the rhythm the lead may change", async () => {
    const { deps, db } = get();
    const s = await inExecution(deps, "evalueren");
    const before = await rowCounts(db, deps.engine);
    expect(await codeOf(recordPeriodicEvaluation(deps, s.actors.lead, s.projectId, { answers: { ...ALL_WELL, measures_work: "partly" } }))).toBe("validation:evaluations.answer.required");
    expect(await codeOf(recordPeriodicEvaluation(deps, s.actors.lead, s.projectId, { answers: { ...ALL_WELL, still_needed: "misschien" } }))).toBe("validation:evaluations.answer.invalid_option");
    expect(await codeOf(recordPeriodicEvaluation(deps, s.actors.lead, s.projectId, { answers: { ...ALL_WELL, extra: "x" } }))).toBe("validation:evaluations.answer.unknown");
    expect(await codeOf(recordPeriodicEvaluation(deps, s.actors.fg, s.projectId, { answers: ALL_WELL }))).toBe("forbidden:evaluations.only_team");
    expect(await codeOf(recordPeriodicEvaluation(deps, s.actors.admin, s.projectId, { answers: ALL_WELL }))).toBe("not_found:error.not_found");
    expect(await rowCounts(db, deps.engine)).toEqual(before);

    let o = await evaluationOverview(deps, s.actors.lead, s.projectId);
    expect(o.cadence).toEqual({ months: 12, fromRisk: 12, chosen: false });
    expect(o.items).toEqual([]);
    await recordPeriodicEvaluation(deps, s.actors.member, s.projectId, { answers: { ...ALL_WELL, complaints: "yes", complaints_note: "Twee klachten over de telling bij het station." } });
    o = await evaluationOverview(deps, s.actors.fg, s.projectId);
    expect(o.items.length).toBe(1);
    expect(o.items[0]!.needsAttention).toBe(true);
    expect(o.nextDue).toBe(addMonths(o.items[0]!.recordedAt, 12));
    expect(o.overdue).toBe(false);
    expect(await codeOf(setEvaluationCadence(deps, s.actors.member, s.projectId, { months: 3 }))).toBe("forbidden:evaluations.only_lead");
    expect(await codeOf(setEvaluationCadence(deps, s.actors.lead, s.projectId, { months: 5 }))).toBe("validation:evaluations.cadence_invalid");
    await setEvaluationCadence(deps, s.actors.lead, s.projectId, { months: "3" });
    o = await evaluationOverview(deps, s.actors.lead, s.projectId);
    expect(o.cadence).toEqual({ months: 3, fromRisk: 12, chosen: true });
    expect(o.nextDue).toBe(addMonths(o.items[0]!.recordedAt, 3));
    const later = { ...deps, now: () => new Date(Date.parse(o.items[0]!.recordedAt) + 120 * 86_400_000) };
    expect((await evaluationOverview(later, s.actors.lead, s.projectId)).overdue).toBe(true);
  });

  it("the gate execution → evaluation waits for a periodic evaluation; a reported material change re-opens the screening; one in the evaluation phase lets the project close", async () => {
    const { deps, db } = get();
    const s = await inExecution(deps, "poort");
    expect(await missingKeys(deps, s)).toContain("periodic_evaluation");
    await recordPeriodicEvaluation(deps, s.actors.lead, s.projectId, { answers: { ...ALL_WELL, material_change: "new_data_source", material_change_note: "Ook de tellingen van de NS." } });
    expect(await missingKeys(deps, s)).toEqual(["screening_redo"]);
    const changes = await db.selectFrom("material_changes").select(["kind", "description"]).where("project_id", "=", s.projectId).execute();
    expect(changes).toEqual([{ kind: "new_data_source", description: "Ook de tellingen van de NS." }]);

    const t = await inExecution(deps, "sluiten");
    await recordPeriodicEvaluation(deps, t.actors.lead, t.projectId, { answers: ALL_WELL });
    expect(await missingKeys(deps, t)).toEqual([]);
    await deps.db.updateTable("projects").set({ phase: "evaluation" }).where("id", "=", t.projectId).execute();
    forgetMemos(); // written past the use cases: what an actor read before is stale
    expect(await missingKeys(deps, t)).toEqual(["evaluation"]);
    await recordPeriodicEvaluation(deps, t.actors.lead, t.projectId, { answers: ALL_WELL });
    expect(await missingKeys(deps, t)).toEqual([]);
    await deps.db.updateTable("projects").set({ phase: "closed" }).where("id", "=", t.projectId).execute();
    forgetMemos();
    expect(await codeOf(recordPeriodicEvaluation(deps, t.actors.lead, t.projectId, { answers: ALL_WELL }))).toBe("rule_refused:evaluations.wrong_phase");
  });
});
