import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import { classificationImplications } from "./implications.ts";
import { aiAct, annexIii, LATER, with_ } from "./test-answers.ts";

const implications = (answers: Record<string, unknown>, date = LATER) => classificationImplications(classify(answers, aiAct, date));

describe("what the outcome means for the gates", () => {
  it("a prohibited practice stops the project at its next gate", () => {
    expect(implications(with_({ art5_c: "yes", impactful: "yes" })).stop).toEqual({ from: LATER, inForce: true });
  });

  it("a practice prohibited from a later date also stops it, marked as not yet in force", () => {
    expect(implications(with_({ art5_ba: "yes" }), "2026-09-01").stop).toEqual({ from: "2026-12-02", inForce: false });
  });

  it("high-risk at Annex III 5(a), deployed by a municipality: FRIA and EU registration before execution", () => {
    const r = implications(annexIii("5a"));
    expect(r.stop).toBeNull();
    expect(r.requiredBeforeExecution).toEqual([
      { duty: "fria", article: "27", appliesFrom: "2027-12-02" },
      { duty: "eu_registration_deployer", article: "26(8), 49(3)", appliesFrom: "2027-12-02" },
    ]);
    expect(r.publicationCategory).toBe("Hoog-risico AI-systeem");
  });

  it("points 1, 6 and 7 register in the non-public section", () => {
    const r = classify(annexIii("6a"), aiAct, LATER);
    expect(r.duties.find((d) => d.duty === "eu_registration_deployer")?.nonPublicSection).toBe(true);
    expect(classify(annexIii("5a"), aiAct, LATER).duties.find((d) => d.duty === "eu_registration_deployer")?.nonPublicSection).toBe(false);
  });

  it("critical infrastructure (point 2): no FRIA, national registration instead", () => {
    const r = implications(annexIii("2"));
    expect(r.requiredBeforeExecution.map((x) => x.duty)).toEqual(["national_registration"]);
  });

  it("a private deployer needs a FRIA only for credit scoring and insurance pricing (5(b), 5(c))", () => {
    expect(implications(annexIii("5a", { public_body: "no" })).requiredBeforeExecution).toEqual([]);
    expect(implications(annexIii("5b", { public_body: "no" })).requiredBeforeExecution.map((x) => x.duty)).toEqual(["fria"]);
    expect(implications(annexIii("5c", { public_body: "no" })).requiredBeforeExecution.map((x) => x.duty)).toEqual(["fria"]);
  });

  it("a municipality that builds and uses it registers as provider and as deployer", () => {
    const r = implications(annexIii("5a", { role: "provider_and_deployer", art25: undefined }));
    expect(r.requiredBeforeExecution.map((x) => x.duty)).toEqual(["fria", "eu_registration_provider", "eu_registration_deployer"]);
  });

  it("employment points bring the duty to inform workers; decisions about people the duties to inform and explain", () => {
    const duties = classify(annexIii("4a"), aiAct, LATER).duties.map((d) => d.duty);
    expect(duties).toEqual(expect.arrayContaining(["inform_workers", "inform_affected_persons", "explanation_on_request", "deployer_duties"]));
  });

  it("nothing while the answers are incomplete or contradictory", () => {
    expect(implications({ is_algorithm: "yes" })).toEqual({ stop: null, requiredBeforeExecution: [], upcoming: [], publicationCategory: null });
  });
});
