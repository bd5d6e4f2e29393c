import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../instruments/loader.ts";
import { VALUE_KEYS } from "../../instruments/test-fixtures.ts";
import { validateAnswers } from "../../instruments/validate-answers.ts";
import { evaluateScreening, SCREENING_INSTRUMENT_ID } from "./evaluate.ts";
import { EDPB_CRITERIA, neutralScreeningAnswers, yes as yesWith } from "./neutral-answers.ts";

const screening = loadInstruments(undefined, { valueKeys: VALUE_KEYS }).latest(SCREENING_INSTRUMENT_ID)!;

const EDPB = [...EDPB_CRITERIA];
const AP = [
  "heimelijk_onderzoek",
  "zwarte_lijsten",
  "fraudebestrijding",
  "creditscores",
  "financiele_situatie",
  "genetische_gegevens",
  "gezondheidsgegevens",
  "samenwerkingsverbanden",
  "cameratoezicht",
  "flexibel_cameratoezicht",
  "controle_werknemers",
  "locatiegegevens",
  "communicatiegegevens",
  "internet_of_things",
  "profilering",
  "gedragsbeinvloeding",
  "biometrische_gegevens",
];

const yes = yesWith("toelichting");

/** A complete screening where nothing applies and the score is 0. */
const baseline = () => neutralScreeningAnswers("Tellen van fietsen bij de stallingen.");

const with_ = (changes: Record<string, unknown>) => ({ ...baseline(), ...changes });
const firedIds = (answers: Record<string, unknown>) => evaluateScreening(screening, answers).fired.map((f) => `${f.kind}:${f.id}`);

describe("pre-DPIA screening", () => {
  it("the baseline is a complete and valid response", () => {
    expect(validateAnswers(screening, baseline())).toEqual([]);
    expect(evaluateScreening(screening, baseline()).complete).toBe(true);
  });

  it("declares all nine EDPB criteria and all seventeen AP items", () => {
    const criteria = screening.outcomes?.criteria ?? [];
    expect(criteria.filter((c) => c.group === "edpb").map((c) => c.id)).toEqual(EDPB);
    expect(criteria.filter((c) => c.group === "ap").map((c) => c.id)).toEqual(AP.map((a) => `ap_${a}`));
  });

  describe("EDPB criteria thresholds", () => {
    it("0 criteria: not required, with the default explanation", () => {
      const result = evaluateScreening(screening, baseline());
      expect(result.outcome).toBe("not_required");
      expect(result.fired).toEqual([]);
      expect(result.explanation?.nl).toContain("Een DEPIA is niet nodig");
      expect(result.outcomeLabel).toEqual({ nl: "DEPIA niet nodig", en: "DEPIA not required" });
    });

    it.each(EDPB)("1 criterion (%s): recommended, naming the criterion", (id) => {
      const result = evaluateScreening(screening, with_({ [id]: yes }));
      expect(result.outcome).toBe("recommended");
      expect(result.fired.map((f) => `${f.kind}:${f.id}`)).toEqual(["rule:edpb_exactly_one", `criterion:${id}`]);
      expect(result.fired[1]?.explanation.nl).toContain("negen criteria");
    });

    it("2 criteria: required", () => {
      expect(firedIds(with_({ edpb_scoring: yes, edpb_large_scale: yes }))).toEqual([
        "rule:edpb_two_or_more",
        "criterion:edpb_scoring",
        "criterion:edpb_large_scale",
      ]);
      expect(evaluateScreening(screening, with_({ edpb_scoring: yes, edpb_large_scale: yes })).outcome).toBe("required");
    });

    it("all 9 criteria: required", () => {
      const result = evaluateScreening(screening, with_(Object.fromEntries(EDPB.map((id) => [id, yes]))));
      expect(result.outcome).toBe("required");
      expect(result.fired.filter((f) => f.group === "edpb")).toHaveLength(9);
    });
  });

  describe("AP list", () => {
    it.each(AP)("one item (%s): required", (item) => {
      const result = evaluateScreening(screening, with_({ ap_processing: [item] }));
      expect(result.outcome).toBe("required");
      expect(result.fired.map((f) => `${f.kind}:${f.id}`)).toEqual(["rule:ap_list", `criterion:ap_${item}`]);
      expect(result.fired[0]?.explanation.nl).toContain("Autoriteit Persoonsgegevens");
    });

    it("one AP item outranks a single EDPB criterion", () => {
      const result = evaluateScreening(screening, with_({ ap_processing: ["profilering"], edpb_scoring: yes }));
      expect(result.outcome).toBe("required");
      expect(result.fired.filter((f) => f.kind === "rule").map((f) => [f.id, f.result])).toEqual([
        ["ap_list", "required"],
        ["edpb_exactly_one", "recommended"],
      ]);
    });

    it("'none of these' cannot be combined with an item", () => {
      expect(validateAnswers(screening, with_({ ap_processing: ["none", "profilering"] })).map((e) => e.code)).toEqual([
        "exclusive_option",
      ]);
    });
  });

  describe("new legislation", () => {
    it("alone makes a DEPIA required", () => {
      const result = evaluateScreening(screening, with_({ new_legislation: yes }));
      expect(result.outcome).toBe("required");
      expect(firedIds(with_({ new_legislation: yes }))).toEqual(["rule:new_legislation", "criterion:new_legislation"]);
    });

    it("needs an explanation when answered yes", () => {
      expect(validateAnswers(screening, with_({ new_legislation: { choice: "yes" } })).map((e) => e.path)).toEqual([
        "new_legislation.explanation",
      ]);
    });
  });

  describe("weighted risk score", () => {
    // weights: people ×2, sensitivity ×3, impact ×3, automation ×2; threshold 15 of 30
    it("reports value, maximum and threshold", () => {
      const result = evaluateScreening(screening, with_({ risk_people: 1, risk_sensitivity: 2 }));
      expect(result.score).toEqual({ value: 8, max: 30, threshold: 15, aboveThreshold: false, unanswered: [] });
    });

    it("exactly at the threshold (15): not required", () => {
      const answers = with_({ risk_sensitivity: 3, risk_impact: 2 }); // 9 + 6
      expect(evaluateScreening(screening, answers).score.value).toBe(15);
      expect(evaluateScreening(screening, answers).outcome).toBe("not_required");
    });

    it("just above the threshold (16): required", () => {
      const answers = with_({ risk_people: 2, risk_sensitivity: 2, risk_impact: 2 }); // 4 + 6 + 6
      const result = evaluateScreening(screening, answers);
      expect(result.score.value).toBe(16);
      expect(result.outcome).toBe("required");
      expect(firedIds(answers)).toEqual(["rule:risk_score_above_threshold"]);
    });

    it("maximum score (30): required", () => {
      const answers = with_({ risk_people: 3, risk_sensitivity: 3, risk_impact: 3, risk_automation: 3 });
      expect(evaluateScreening(screening, answers).score).toMatchObject({ value: 30, aboveThreshold: true });
    });

    it("an incomplete screening is provisional and lists unanswered score questions", () => {
      const answers = baseline();
      delete answers.risk_impact;
      const result = evaluateScreening(screening, answers);
      expect(result.complete).toBe(false);
      expect(result.score.unanswered).toEqual(["risk_impact"]);
    });
  });

  describe("signals", () => {
    it("raises none on the baseline", () => {
      const { signals } = evaluateScreening(screening, baseline());
      expect(signals).toEqual({ iama: { needed: false, reasons: [] }, dtia: { needed: false, reasons: [] }, kia: { needed: false, reasons: [] } });
    });

    it("IAMA for an algorithm that affects people, or automated decisions", () => {
      expect(evaluateScreening(screening, with_({ algorithm_affects_people: yes })).signals.iama.needed).toBe(true);
      const viaEdpb = evaluateScreening(screening, with_({ edpb_automated_decision: yes })).signals.iama;
      expect(viaEdpb.needed).toBe(true);
      expect(viaEdpb.reasons[0]?.nl).toContain("IAMA");
    });

    it("DTIA for a transfer outside the EEA", () => {
      const { signals } = evaluateScreening(screening, with_({ transfer_outside_eu: yes }));
      expect(signals.dtia.needed).toBe(true);
      expect(signals.iama.needed).toBe(false);
    });

    it("KIA when children are affected", () => {
      expect(evaluateScreening(screening, with_({ children: yes })).signals.kia).toEqual({
        needed: true,
        reasons: [expect.objectContaining({ nl: expect.stringContaining("kinderrechtentoets") })],
      });
    });

    it("signals do not change the DEPIA outcome", () => {
      expect(evaluateScreening(screening, with_({ children: yes, transfer_outside_eu: yes })).outcome).toBe("not_required");
    });
  });
});
