import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../instruments/validate-answers.ts";
import { classify } from "./classify.ts";
import { ClassificationDefinitionError } from "./fired-rules.ts";
import { aiAct, annexIii, ART5, ART50, baseline, LATER, with_ } from "./test-answers.ts";
import type { Reason } from "./types.ts";

const codes = (reasons: Reason[]) => reasons.map((r) => r.code);
const at = (answers: Record<string, unknown>, date = LATER) => classify(answers, aiAct, date);
const outcome = (answers: Record<string, unknown>, date = LATER) => at(answers, date).current?.outcome;

describe("the baseline answer set", () => {
  it("is complete and valid, and classifies as minimal for a deployer", () => {
    expect(validateAnswers(aiAct, baseline())).toEqual([]);
    const r = at(baseline());
    expect(r.state).toBe("classified");
    expect(r.current).toMatchObject({ outcome: "minimal", riskGroup: "not_high_risk", publicationCategory: "Overige algoritmes", aidConclusion: "13.0.4" });
    expect(r.duties.map((d) => d.duty)).toEqual(["ai_literacy"]);
  });

  it("declares the ten Art. 5 questions, the five Art. 50 questions and all 25 Annex III points as rules", () => {
    const rules = aiAct.law!.rules;
    expect(rules.filter((r) => r.effect === "prohibited").map((r) => r.article)).toEqual(ART5.map((q) => `5(1)(${q.slice(5)})`));
    expect(rules.filter((r) => r.effect === "transparency")).toHaveLength(6);
    const points = new Set(rules.filter((r) => r.effect === "high_risk_annex_iii").map((r) => r.annex_point));
    expect(points.size).toBe(25);
  });
});

describe("scope (Art. 2 and 3)", () => {
  it("no algorithm: outside scope, nothing to publish", () => {
    const r = at({ is_algorithm: "no" });
    expect(r.current).toMatchObject({ outcome: "outside_scope", outsideScopeBecause: "no_algorithm", publicationCategory: null, aidConclusion: "11.0" });
    expect(r.aiType).toBe("none");
    expect(r.duties).toEqual([]);
  });

  it("only human-written rules: outside scope, but an impactful algorithm is still published as B", () => {
    const r = at(with_({ ai_system: "no", impactful: "yes" }));
    expect(r.current).toMatchObject({ outcome: "outside_scope", outsideScopeBecause: "not_ai_system", publicationCategory: "Impactvolle algoritmes", aidConclusion: "11.1" });
    expect(codes(r.reasons)).toContain("ai_act.not_ai_system");
  });

  it("'unsure' asks the definition test: all three yes is an AI system, one no is not", () => {
    const unsure = with_({ ai_system: "unsure" });
    expect(at(unsure)).toMatchObject({ state: "incomplete", missing: ["def_infers", "def_autonomy", "def_influences"] });
    const yes = { ...unsure, def_infers: "yes", def_autonomy: "yes", def_influences: "yes" };
    expect(at(yes).aiType).toBe("ai_system");
    expect(at(yes).reasons.find((r) => r.code === "ai_act.ai_system")).toMatchObject({ rule: "ai_system_by_definition", questions: ["ai_system", "def_infers", "def_autonomy", "def_influences"] });
    expect(at({ ...yes, def_infers: "no" }).current?.outsideScopeBecause).toBe("not_ai_system");
  });

  it.each([
    ["national_security", "2(3)"],
    ["third_country_authority", "2(4)"],
    ["scientific_research", "2(6)"],
    ["pre_market_research", "2(8)"],
  ])("exclusion %s (Art. %s): outside scope", (exclusion, article) => {
    const r = at(with_({ exclusion: [exclusion] }));
    expect(r.current).toMatchObject({ outcome: "outside_scope", outsideScopeBecause: "excluded", aidConclusion: "11.2" });
    expect(r.reasons.find((x) => x.code === "ai_act.scope_excluded")).toMatchObject({ article, questions: ["exclusion"] });
  });

  it("personal use (Art. 2(10)) is an exclusion for a private person", () => {
    expect(at(with_({ exclusion: ["personal_use"], public_body: "no" })).current?.outsideScopeBecause).toBe("excluded");
  });

  it("an exclusion outranks a prohibited practice", () => {
    expect(outcome(with_({ exclusion: ["national_security"], art5_c: "yes" }))).toBe("outside_scope");
  });

  it("open source (Art. 2(12)) is outside scope unless high-risk, prohibited or with an Art. 50 duty", () => {
    const open = with_({ open_source: "yes" });
    expect(at(open).current).toMatchObject({ outcome: "outside_scope", outsideScopeBecause: "open_source" });
    expect(codes(at(open).reasons)).toContain("ai_act.scope.open_source");
    expect(outcome({ ...open, art50_1_interaction: "yes" })).toBe("transparency");
    expect(outcome({ ...annexIii("5a"), open_source: "yes" })).toBe("high_risk");
    expect(outcome({ ...open, art5_a: "yes" })).toBe("prohibited");
  });
});

describe("role (Art. 3(3), 3(4), 25)", () => {
  it.each([
    ["provider", ["provider"], "12.0.4"],
    ["deployer", ["deployer"], "13.0.4"],
    ["provider_and_deployer", ["provider", "deployer"], "14.0.4"],
    ["importer", ["importer"], "15.0.4"],
    ["distributor", ["distributor"], "16.0.4"],
  ])("%s", (role, roles, aid) => {
    const r = at(with_({ role, art25: role === "deployer" ? ["none"] : undefined }));
    expect(r.roles).toEqual(roles);
    expect(r.current?.aidConclusion).toBe(aid);
  });

  it("no role: outside scope (aid 11.3)", () => {
    expect(at(with_({ role: "none" })).current).toMatchObject({ outcome: "outside_scope", outsideScopeBecause: "no_role", aidConclusion: "11.3" });
  });

  it("AI literacy (Art. 4) binds providers and deployers, not distributors", () => {
    expect(at(with_({ role: "provider" })).duties.map((d) => d.duty)).toEqual(["ai_literacy"]);
    expect(at(with_({ role: "distributor" })).duties).toEqual([]);
  });

  it.each([
    ["own_name", "25(1)(a)"],
    ["substantial_modification", "25(1)(b)"],
    ["changed_purpose", "25(1)(c)"],
  ])("a deployer that does %s becomes provider of a high-risk system (Art. %s)", (act, article) => {
    const r = at(annexIii("5a", { art25: [act] }));
    expect(r.current?.roles).toEqual(["provider", "deployer"]);
    expect(r.reasons.find((x) => x.code === "ai_act.becomes_provider")).toMatchObject({ article });
    expect(codes(r.reasons)).toContain("ai_act.role.becomes_provider");
    expect(r.duties.map((d) => d.duty)).toContain("provider_duties");
    // Not high-risk: Art. 25 does not bite.
    expect(at(with_({ art25: [act] })).current?.roles).toEqual(["deployer"]);
  });
});

describe("prohibited practices (Art. 5)", () => {
  it.each(ART5.filter((q) => !["art5_d", "art5_f", "art5_g", "art5_h"].includes(q)))("%s alone: prohibited", (q) => {
    const r = at(with_({ [q]: "yes" }));
    expect(r.current).toMatchObject({ outcome: "prohibited", riskGroup: "prohibited", aidConclusion: "13.0.0", publicationCategory: "Impactvolle algoritmes" });
    expect(r.reasons.find((x) => x.code === "ai_act.prohibited")).toMatchObject({ rule: q, article: `5(1)(${q.slice(5)})`, questions: [q], inForce: true });
    expect(codes(r.reasons)).toContain("ai_act.register.prohibited");
  });

  it.each([
    ["art5_d", undefined],
    ["art5_f", "1(c)"],
    ["art5_g", "1(b)"],
    ["art5_h", "1(a)"],
  ])("%s: prohibited without its exception; with it, allowed (and high-risk at Annex III %s where the Act lists it)", (q, point) => {
    const extra = q === "art5_f" || q === "art5_g" ? { art50_3_emotion_biometric: "yes" } : {};
    const prohibited = at(with_({ [q]: "yes", [`${q}_exception`]: "no", ...extra }));
    expect(prohibited.current?.outcome).toBe("prohibited");
    expect(prohibited.reasons.find((x) => x.code === "ai_act.prohibited")?.questions).toEqual([q, `${q}_exception`]);
    const excepted = at(with_({ [q]: "yes", [`${q}_exception`]: "yes", ...extra }));
    expect(excepted.current?.outcome).not.toBe("prohibited");
    expect(excepted.reasons.find((x) => x.code === "ai_act.prohibition_exception")).toMatchObject({ rule: `${q}_exception` });
    expect(excepted.current?.annexIiiPoints).toEqual(point ? [point] : []);
  });

  it("the exception question is asked only after a yes", () => {
    expect(at(with_({ art5_d: "yes" }))).toMatchObject({ state: "incomplete", missing: ["art5_d_exception"] });
  });

  it("prohibited outranks high-risk and transparency", () => {
    expect(outcome({ ...annexIii("5a"), art5_c: "yes", art50_1_interaction: "yes" })).toBe("prohibited");
  });
});

describe("high-risk through Annex III (Art. 6(2))", () => {
  const POINTS = ["1a", "1b", "1c", "2", "3a", "3b", "3c", "3d", "4a", "4b", "5a", "5b", "5c", "5d", "6a", "6b", "6c", "6d", "6e", "7a", "7b", "7c", "7d", "8a", "8b"];

  it.each(POINTS)("point %s: high-risk, naming the point", (point) => {
    const r = at(annexIii(point));
    const annexPoint = point === "2" ? "2" : `${point[0]}(${point[1]})`;
    expect(r.current).toMatchObject({ outcome: "high_risk", riskGroup: "high_risk", annexIiiPoints: [annexPoint], highRiskBasis: ["annex_iii"], publicationCategory: "Hoog-risico AI-systeem" });
    expect(r.reasons.find((x) => x.code === "ai_act.high_risk_annex_iii")).toMatchObject({ annexPoint, provision: "high_risk_annex_iii", appliesFrom: "2027-12-02", inForce: true });
  });

  it("'none of these' within a chosen area is not high-risk", () => {
    expect(outcome(with_({ annex_iii_areas: ["education"], annex_iii_3: ["none"], profiling: "no", art6_3_conditions: ["none"] }))).toBe("minimal");
  });

  it("several points are all named", () => {
    const r = at(with_({ annex_iii_areas: ["education", "essential_services"], annex_iii_3: ["point_3a"], annex_iii_5: ["point_5a", "point_5d"], profiling: "no", art6_3_conditions: ["none"] }));
    expect(r.current?.annexIiiPoints).toEqual(["3(a)", "5(a)", "5(d)"]);
  });

  describe("the Art. 6(3) exception", () => {
    it.each([
      ["narrow_procedural", "6(3)(a)"],
      ["improves_human_activity", "6(3)(b)"],
      ["detects_patterns", "6(3)(c)"],
      ["preparatory", "6(3)(d)"],
    ])("%s without significant risk and without profiling: not high-risk (Art. %s)", (condition, article) => {
      const r = at(annexIii("5a", { art6_3_conditions: [condition], art6_3_no_significant_risk: "yes" }));
      expect(r.current).toMatchObject({ outcome: "minimal", riskGroup: "not_high_risk", annexIiiPoints: [] });
      expect(r.reasons.find((x) => x.code === "ai_act.art_6_3_condition")).toMatchObject({ article });
      expect(codes(r.reasons)).toContain("ai_act.not_high_risk.art_6_3");
    });

    it("a condition with a significant risk: still high-risk", () => {
      const r = at(annexIii("5a", { art6_3_conditions: ["preparatory"], art6_3_no_significant_risk: "no" }));
      expect(r.current?.outcome).toBe("high_risk");
      expect(codes(r.reasons)).toContain("ai_act.high_risk.art_6_3_not_met");
    });

    it("profiling without the exception claimed: high-risk, and profiling is named", () => {
      const r = at(annexIii("5a", { profiling: "yes", impactful: "yes" }));
      expect(r.current?.outcome).toBe("high_risk");
      expect(codes(r.reasons)).toEqual(expect.arrayContaining(["ai_act.profiling", "ai_act.high_risk.profiling_always"]));
    });

    it("profiling with the exception claimed: the answers contradict each other", () => {
      const r = at(annexIii("5a", { profiling: "yes", impactful: "yes", art6_3_conditions: ["narrow_procedural"], art6_3_no_significant_risk: "yes" }));
      expect(r).toMatchObject({ state: "contradictory", current: null, errors: [{ code: "ai_act.contradictory_answers", contradiction: "art6_3_with_profiling", questions: ["profiling", "art6_3_conditions"] }] });
    });

    it("profiling defeats the exception in the rules themselves, not only through the contradiction check", () => {
      const withoutChecks = { ...aiAct, law: { ...aiAct.law!, contradictions: [] } };
      const r = classify(annexIii("5a", { profiling: "yes", impactful: "yes", art6_3_conditions: ["narrow_procedural"], art6_3_no_significant_risk: "yes" }), withoutChecks, LATER);
      expect(r.current).toMatchObject({ outcome: "high_risk", annexIiiPoints: ["5(a)"] });
      expect(codes(r.reasons)).toContain("ai_act.high_risk.profiling_always");
      expect(codes(r.reasons)).not.toContain("ai_act.not_high_risk.art_6_3");
    });

    it("a provider relying on the exception must document and register it (Art. 6(4), 49(2))", () => {
      const r = at(annexIii("5a", { role: "provider", art25: undefined, art6_3_conditions: ["preparatory"], art6_3_no_significant_risk: "yes" }));
      expect(r.duties.map((d) => d.duty)).toContain("not_high_risk_documentation");
    });
  });
});

describe("high-risk through Annex I (Art. 6(1))", () => {
  it("a product needing third-party assessment: high-risk from 2 Aug 2028", () => {
    const r = at(with_({ annex_i_product: "product", annex_i_third_party: "yes" }));
    expect(r.current).toMatchObject({ outcome: "high_risk", highRiskBasis: ["annex_i"], annexIiiPoints: [] });
    expect(r.reasons.find((x) => x.code === "ai_act.high_risk_annex_i")).toMatchObject({ appliesFrom: "2028-08-02" });
    expect(r.duties.map((d) => d.duty)).not.toContain("fria");
  });

  it("without third-party assessment: not high-risk", () => {
    expect(outcome(with_({ annex_i_product: "product", annex_i_third_party: "no" }))).toBe("minimal");
  });

  it("a safety component only counts when its failure endangers health or safety (Omnibus Art. 6(1a))", () => {
    const component = with_({ annex_i_product: "safety_component", annex_i_third_party: "yes" });
    expect(outcome({ ...component, annex_i_failure_endangers: "yes" })).toBe("high_risk");
    expect(outcome({ ...component, annex_i_failure_endangers: "no" })).toBe("minimal");
  });
});

describe("transparency duties (Art. 50)", () => {
  it.each([
    ["art50_1_interaction", "art50_1", "50(1)", "provider"],
    ["art50_2_synthetic", "art50_2", "50(2)", "provider"],
    ["art50_3_emotion_biometric", "art50_3", "50(3)", "deployer"],
    ["art50_4_deepfake", "art50_4_deepfake", "50(4)", "deployer"],
    ["art50_4_public_text", "art50_4_text", "50(4)", "deployer"],
  ])("%s: transparency, the duty on the %s's side", (q, rule, article, role) => {
    const answers = with_({ [q]: "yes", ...(q === "art50_2_synthetic" ? { art50_2_existing: "no" } : {}) });
    const r = at(answers);
    expect(r.current).toMatchObject({ outcome: "transparency", riskGroup: "not_high_risk", aidConclusion: "13.0.3" });
    expect(r.current?.transparencyDuties).toEqual([{ rule, article, role, bindsOrganisation: role === "deployer", appliesFrom: "2026-08-02", inForce: true }]);
    expect(at({ ...answers, role: "provider_and_deployer", art25: undefined }).current?.transparencyDuties[0]?.bindsOrganisation).toBe(true);
  });

  it("high-risk with a transparency duty stays high-risk and reports the duty beside it (aid Z=1)", () => {
    const r = at(annexIii("5a", { art50_1_interaction: "yes" }));
    expect(r.current).toMatchObject({ outcome: "high_risk", aidConclusion: "13.0.1" });
    expect(r.current?.transparencyDuties).toHaveLength(1);
  });
});

describe("general-purpose AI", () => {
  it("a GPAI system (an own chatbot on a hosted model) is an AI system of type 1", () => {
    const r = at(with_({ gpai: "gpai_system", art50_1_interaction: "yes", role: "provider_and_deployer", art25: undefined }));
    expect(r.aiType).toBe("gpai_system");
    expect(r.current).toMatchObject({ outcome: "transparency", aidConclusion: "14.1.3" });
  });

  it("a GPAI model: the provider's model duties (Art. 53), plus Art. 55 with systemic risk", () => {
    const model = with_({ ai_system: "no", gpai: "gpai_model", role: "provider", art25: undefined, systemic_risk: "no" });
    const plain = at(model);
    expect(plain.aiType).toBe("gpai_model");
    expect(plain.current).toMatchObject({ outcome: "minimal", riskGroup: "not_applicable", aidConclusion: "12.2.3" });
    expect(plain.duties.map((d) => d.duty)).toEqual(["ai_literacy", "gpai_model_duties"]);
    const systemic = at({ ...model, systemic_risk: "yes" });
    expect(systemic.current?.aidConclusion).toBe("12.2.1");
    expect(systemic.duties.map((d) => d.duty)).toEqual(["ai_literacy", "gpai_model_duties", "systemic_risk_duties"]);
  });

  it("an open model without systemic risk has lighter duties (Art. 53(2)) but stays in scope", () => {
    const r = at(with_({ ai_system: "no", gpai: "gpai_model", role: "provider", art25: undefined, systemic_risk: "no", open_source: "yes" }));
    expect(r.current).toMatchObject({ outcome: "minimal", aidConclusion: "12.2.2" });
    expect(codes(r.reasons)).toContain("ai_act.gpai.open_model");
  });

  it("model duties apply from 2 Aug 2025", () => {
    const model = with_({ ai_system: "no", gpai: "gpai_model", role: "provider", art25: undefined, systemic_risk: "no" });
    expect(at(model, "2025-08-01").duties.find((d) => d.duty === "gpai_model_duties")?.inForce).toBe(false);
    expect(at(model, "2025-08-02").duties.find((d) => d.duty === "gpai_model_duties")?.inForce).toBe(true);
  });
});

describe("contradictory answers", () => {
  it("not an AI system, yet a GPAI system", () => {
    expect(at(with_({ ai_system: "no", gpai: "gpai_system" })).errors.map((e) => e.contradiction)).toEqual(["not_ai_but_gpai_system"]);
    const byDefinition = with_({ ai_system: "unsure", def_infers: "no", def_autonomy: "yes", def_influences: "yes", gpai: "gpai_system" });
    expect(at(byDefinition).state).toBe("contradictory");
    // A GPAI model is not a system: no contradiction.
    expect(at(with_({ ai_system: "no", gpai: "gpai_model", systemic_risk: "no", role: "provider", art25: undefined })).state).toBe("classified");
  });

  it.each([
    ["pre_market_research_in_use", { exclusion: ["pre_market_research"], operational_status: "in_use" }],
    ["personal_use_by_public_body", { exclusion: ["personal_use"] }],
    ["biometrics_without_art50_3", { art5_f: "yes", art5_f_exception: "yes" }],
    ["model_with_no_role", { ai_system: "no", gpai: "gpai_model", systemic_risk: "no" }],
  ])("%s", (id, changes) => {
    const r = at(with_(changes));
    expect(r.state).toBe("contradictory");
    expect(r.errors.map((e) => e.contradiction)).toEqual([id]);
    expect(aiAct.law!.contradictions!.find((c) => c.id === id)?.message.nl).toBeTruthy();
  });

  it("profiling, yet not impactful", () => {
    expect(at(annexIii("5a", { profiling: "yes" })).errors.map((e) => e.contradiction)).toEqual(["not_impactful_but_profiling"]);
  });

  it("an emotion-recognition point without the Art. 50(3) answer", () => {
    expect(at(annexIii("1c", { art50_3_emotion_biometric: "no" })).errors.map((e) => e.contradiction)).toEqual(["biometrics_without_art50_3"]);
  });

  it("a hidden answer never contradicts: it does not count", () => {
    const r = at(with_({ is_algorithm: "no", gpai: "gpai_system", ai_system: "no" }));
    expect(r.state).toBe("classified");
  });
});

describe("incomplete answers and definition errors", () => {
  it("lists the required questions still open and gives no outcome", () => {
    const r = at({ is_algorithm: "yes" });
    expect(r.state).toBe("incomplete");
    expect(r.current).toBeNull();
    expect(r.missing).toEqual(expect.arrayContaining(["ai_system", "gpai", "role", "art5_a", "annex_iii_areas", "impactful"]));
  });

  it("refuses an instrument that is not a classification, and a date that is not one", () => {
    const screening = { ...aiAct, kind: "screening" as const, law: undefined };
    expect(() => classify(baseline(), screening, LATER)).toThrow(ClassificationDefinitionError);
    expect(() => classify(baseline(), aiAct, "2026-13-45")).toThrow(RangeError);
    expect(() => classify(baseline(), aiAct, "1 Feb 2026")).toThrow(RangeError);
  });
});

// Every ART50 question is covered above; keep the list and the instrument in step.
it("the Art. 50 test list matches the instrument's transparency section", () => {
  const section = aiAct.sections.find((s) => s.id === "transparency")!;
  expect(section.questions.map((q) => q.id).filter((id) => id !== "art50_2_existing")).toEqual([...ART50]);
});
