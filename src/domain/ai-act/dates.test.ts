// The dates from which each rule applies: the same answers classified before
// and after a rule's date. All dates come from the instrument's provisions.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import { classificationImplications } from "./implications.ts";
import { aiAct, annexIii, with_ } from "./test-answers.ts";

const on = (answers: Record<string, unknown>, date: string) => classify(answers, aiAct, date);
const dayBefore = (date: string) => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);

describe("dates from which rules apply", () => {
  it.each([
    ["art5_a", "2025-02-02"],
    ["art5_c", "2025-02-02"],
    ["art5_ba", "2026-12-02"],
    ["art5_bb", "2026-12-02"],
  ])("%s is prohibited from %s, not the day before", (q, date) => {
    const answers = with_({ [q]: "yes", impactful: "yes" });
    const before = on(answers, dayBefore(date));
    expect(before.current?.outcome).toBe("minimal");
    expect(before.eventual?.outcome).toBe("prohibited");
    expect(before.timeline).toEqual([{ from: dayBefore(date), outcome: "minimal" }, { from: date, outcome: "prohibited" }]);
    expect(before.reasons.find((r) => r.code === "ai_act.prohibited")).toMatchObject({ appliesFrom: date, inForce: false });
    expect(before.reasons.find((r) => r.code === "ai_act.outcome.pending")).toMatchObject({ outcome: "prohibited", appliesFrom: date });
    const after = on(answers, date);
    expect(after.current?.outcome).toBe("prohibited");
    expect(after.timeline).toEqual([{ from: date, outcome: "prohibited" }]);
  });

  it("Annex III applies from 2 Dec 2027 (deferred by the Omnibus from 2 Aug 2026)", () => {
    const answers = annexIii("5a");
    const provision = aiAct.law!.provisions.find((p) => p.id === "high_risk_annex_iii")!;
    expect(provision).toMatchObject({ applies_from: "2027-12-02", previously_from: "2026-08-02", status: "reported" });
    expect(on(answers, "2026-08-02").current?.outcome).toBe("minimal");
    expect(on(answers, "2027-12-01").current).toMatchObject({ outcome: "minimal", publicationCategory: "Overige algoritmes" });
    expect(on(answers, "2027-12-02").current).toMatchObject({ outcome: "high_risk", publicationCategory: "Hoog-risico AI-systeem" });
  });

  it("Annex I applies from 2 Aug 2028", () => {
    const answers = with_({ annex_i_product: "product", annex_i_third_party: "yes" });
    expect(on(answers, "2028-08-01").current?.outcome).toBe("minimal");
    expect(on(answers, "2028-08-02").current?.outcome).toBe("high_risk");
  });

  it("Art. 50 applies from 2 Aug 2026; generative systems already on the market get until 2 Dec 2026", () => {
    const chatbot = with_({ art50_1_interaction: "yes" });
    expect(on(chatbot, "2026-08-01").current?.outcome).toBe("minimal");
    expect(on(chatbot, "2026-08-02").current?.outcome).toBe("transparency");
    const existing = with_({ art50_2_synthetic: "yes", art50_2_existing: "yes" });
    expect(on(existing, "2026-12-01").current?.outcome).toBe("minimal");
    expect(on(existing, "2026-12-02").current?.transparencyDuties).toMatchObject([{ rule: "art50_2_existing", appliesFrom: "2026-12-02" }]);
    const fresh = with_({ art50_2_synthetic: "yes", art50_2_existing: "no" });
    expect(on(fresh, "2026-08-02").current?.outcome).toBe("transparency");
  });

  it("a high-risk system with a transparency duty: transparency first, high-risk later", () => {
    const r = on(annexIii("5a", { art50_4_public_text: "yes" }), "2026-01-01");
    expect(r.timeline.map((s) => [s.from, s.outcome])).toEqual([
      ["2026-01-01", "minimal"],
      ["2026-08-02", "transparency"],
      ["2027-12-02", "high_risk"],
    ]);
    expect(r.eventual?.transparencyDuties[0]).toMatchObject({ inForce: false, appliesFrom: "2026-08-02" });
  });

  it("AI literacy (Art. 4) applies from 2 Feb 2025", () => {
    expect(on(with_({}), "2025-02-01").duties.find((d) => d.duty === "ai_literacy")?.inForce).toBe(false);
    expect(on(with_({}), "2025-02-02").duties.find((d) => d.duty === "ai_literacy")?.inForce).toBe(true);
  });

  it("the FRIA and EU registration of a public deployer are upcoming before 2 Dec 2027 and required from then", () => {
    const answers = annexIii("5a");
    const before = classificationImplications(on(answers, "2027-06-01"));
    expect(before.requiredBeforeExecution).toEqual([]);
    expect(before.upcoming.map((u) => [u.duty, u.appliesFrom])).toEqual([
      ["fria", "2027-12-02"],
      ["eu_registration_deployer", "2027-12-02"],
    ]);
    const after = classificationImplications(on(answers, "2027-12-02"));
    expect(after.requiredBeforeExecution.map((u) => u.duty)).toEqual(["fria", "eu_registration_deployer"]);
    expect(after.upcoming).toEqual([]);
  });

  it("a public authority's high-risk system already in use must comply by 2 Aug 2030 (Art. 111(2))", () => {
    const r = on(annexIii("5a", { operational_status: "in_use" }), "2028-01-01");
    expect(r.duties.find((d) => d.duty === "legacy_compliance")).toMatchObject({ article: "111(2)", appliesFrom: "2030-08-02", inForce: false });
  });

  it("scope does not depend on the date", () => {
    expect(on(with_({ exclusion: ["national_security"] }), "2024-01-01").current?.outcome).toBe("outside_scope");
  });
});
