import { describe, expect, it } from "vitest";
import { classify } from "../ai-act/classify.ts";
import { aiAct, annexIii, with_ } from "../ai-act/test-answers.ts";
import { applicableRequirements } from "./applicable.ts";
import { aiActProfile, FRAMEWORK_PHASES } from "./profile.ts";
import { code, framework, highRiskDeployer, minimalDeployer, profileFor } from "./test-profiles.ts";

const ids = (profile: ReturnType<typeof profileFor>) => applicableRequirements(profile, framework).applicable.map((a) => code(a.requirement.id));
const BASE = ["arc-01", "avg-01", "avg-02", "avg-03", "avg-04", "avg-05", "avg-06", "avg-07", "avg-08", "avg-09", "avg-10", "avg-11", "avg-12", "avg-13", "awb-01", "awb-02", "bio-01", "grw-01", "grw-02", "woo-01"];

describe("applicableRequirements", () => {
  it("a bought high-risk system used by a municipality: the deployer's AI Act duties (aia-01, aia-20…27) plus the rows for everyone", () => {
    expect(ids(highRiskDeployer())).toEqual(["aia-01", "aia-20", "aia-21", "aia-22", "aia-23", "aia-24", "aia-25", "aia-26", "aia-27", "aia-33", "aia-36", ...BASE.slice(0, 17), "bzk-01", ...BASE.slice(17)]);
  });

  it("says why: the labels that matched, or the trigger", () => {
    const result = applicableRequirements(highRiskDeployer(), framework).applicable;
    const why = (c: string) => result.find((a) => code(a.requirement.id) === c)!.why;
    expect(why("aia-27")).toEqual([{ code: "ak.why.ai_act_labels", labels: { type: "ai-systeem", riskGroup: "hoog-risico-ai-systeem", roles: ["gebruiksverantwoordelijke"] } }]);
    expect(why("avg-13")).toEqual([{ code: "ak.why.always" }, { code: "ak.why.trigger", trigger: "personal_data" }]);
    expect(why("grw-02")).toEqual([{ code: "ak.why.always" }]);
    expect(why("bzk-01")).toEqual([{ code: "ak.why.trigger", trigger: "impactful_or_high_risk" }]);
  });

  it("a municipality that builds and uses a high-risk system also gets the provider's duties", () => {
    const both = ids(profileFor(annexIii("5a", { role: "provider_and_deployer", art25: undefined })));
    for (const c of ["aia-03", "aia-06", "aia-14", "aia-17", "aia-38", "aia-27", "aia-37"]) expect(both).toContain(c);
  });

  it("a minimal-risk AI system: only AI literacy, the sandbox rule and reporting from the AI Act", () => {
    expect(ids(minimalDeployer()).filter((c) => c.startsWith("aia"))).toEqual(["aia-01", "aia-33", "aia-36"]);
  });

  it("prohibited: aia-00 applies", () => {
    expect(ids(profileFor(with_({ art5_c: "yes", impactful: "yes" })))).toContain("aia-00");
    expect(ids(minimalDeployer())).not.toContain("aia-00");
  });

  it("the Art. 6(3) exception: the provider documents and registers (aia-02)", () => {
    const answers = annexIii("5a", { role: "provider", art25: undefined, art6_3_conditions: ["preparatory"], art6_3_no_significant_risk: "yes" });
    expect(ids(profileFor(answers))).toContain("aia-02");
    expect(ids(profileFor(answers))).not.toContain("aia-03");
  });

  it("transparency (aia-28): for providers as the Algoritmekader tags it, and for deployers with an Art. 50 duty (Afweging's addition)", () => {
    const provider = applicableRequirements(profileFor(with_({ role: "provider", art25: undefined, art50_1_interaction: "yes" })), framework).applicable;
    expect(provider.find((a) => code(a.requirement.id) === "aia-28")?.why).toEqual([
      { code: "ak.why.ai_act_labels", labels: { type: "ai-systeem", riskGroup: "geen-hoog-risico-ai-systeem", roles: ["aanbieder"], transparency: true } },
    ]);
    const deployer = applicableRequirements(profileFor(with_({ art50_4_public_text: "yes" })), framework).applicable;
    expect(deployer.find((a) => code(a.requirement.id) === "aia-28")?.why).toEqual([{ code: "ak.why.addition", addition: "deployer_transparency" }]);
    // A deployer whose only Art. 50 duty lies with the provider (a chatbot it uses): not for it.
    expect(ids(profileFor(with_({ art50_1_interaction: "yes" })))).not.toContain("aia-28");
  });

  it("GPAI models: aia-29 and aia-39; with systemic risk also aia-30…32", () => {
    const model = with_({ ai_system: "no", gpai: "gpai_model", role: "provider", art25: undefined, systemic_risk: "no" });
    const plain = ids(profileFor(model)).filter((c) => c.startsWith("aia"));
    expect(plain).toEqual(["aia-01", "aia-29", "aia-33", "aia-36", "aia-37", "aia-39"]);
    const systemic = ids(profileFor({ ...model, systemic_risk: "yes" })).filter((c) => c.startsWith("aia"));
    expect(systemic).toEqual(["aia-01", "aia-29", "aia-30", "aia-31", "aia-32", "aia-33", "aia-36", "aia-37", "aia-39"]);
  });

  it("outside the AI Act (an exclusion): no AI Act requirement, the others still apply", () => {
    const excluded = profileFor(with_({ exclusion: ["national_security"] }));
    expect(excluded.aiAct?.riskGroup).toBe("uitzondering-van-toepassing");
    expect(ids(excluded)).toEqual(BASE);
  });

  it("not an AI system: no AI Act requirement", () => {
    expect(ids(profileFor(with_({ ai_system: "no" })))).toEqual(BASE);
  });

  it("the open-source exception (Art. 2(12)) keeps AI Act requirements away, as the labels' uitzondering says", () => {
    const p = profileFor(with_({ open_source: "yes" }));
    expect(ids(p).filter((c) => c.startsWith("aia"))).toEqual([]);
    // Also when the profile is built by hand with the exception's own combination.
    const byHand = { ...minimalDeployer(), aiAct: { ...minimalDeployer().aiAct!, openSource: true } };
    expect(ids(byHand).filter((c) => c.startsWith("aia"))).toEqual([]);
  });

  it.each([
    ["personalData", ["avg-01", "avg-13"]],
    ["publicBody", ["arc-01", "bio-01", "woo-01"]],
    ["decisions", ["awb-01", "awb-02"]],
  ] as const)("without %s, its requirements do not apply", (flag, codes) => {
    const without = ids(profileFor(with_({}), { [flag]: false }));
    for (const c of codes) expect(without).not.toContain(c);
    for (const c of codes) expect(ids(profileFor(with_({})))).toContain(c);
  });

  it("protected works and third-party databases bring aut-01 and dat-01", () => {
    expect(ids(profileFor(with_({}), { protectedWorks: true, thirdPartyDatabases: true }))).toEqual(expect.arrayContaining(["aut-01", "dat-01"]));
  });

  it("impactful alone brings the register requirement (bzk-01)", () => {
    expect(ids(profileFor(with_({}), { impactful: true }))).toContain("bzk-01");
    expect(ids(minimalDeployer())).not.toContain("bzk-01");
  });

  it("before classification the AI Act requirements wait; the others already apply", () => {
    const result = applicableRequirements(profileFor(null), framework);
    expect(result.awaitingClassification).toHaveLength(40);
    expect(result.applicable.map((a) => code(a.requirement.id))).toEqual(BASE);
  });

  it("marks the requirements of the project's current phases", () => {
    const result = applicableRequirements({ ...highRiskDeployer(), phases: FRAMEWORK_PHASES.start }, framework).applicable;
    const current = (c: string) => result.find((a) => code(a.requirement.id) === c)!.inCurrentPhase;
    expect(current("aia-27")).toBe(true); // ontwerp, verificatie-en-validatie
    expect(current("aia-20")).toBe(false); // implementatie
    expect(current("aia-21")).toBe(true); // organisatieverantwoordelijkheden, always current
  });

  it("the current view plans only for what applies on the classification date", () => {
    const result = classify(annexIii("5a"), aiAct, "2026-09-01");
    expect(aiActProfile(result, "current")?.riskGroup).toBe("geen-hoog-risico-ai-systeem");
    expect(aiActProfile(result)?.riskGroup).toBe("hoog-risico-ai-systeem");
    expect(aiActProfile(classify({ is_algorithm: "yes" }, aiAct, "2026-09-01"))).toBeNull();
  });
});
