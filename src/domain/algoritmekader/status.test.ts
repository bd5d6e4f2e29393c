import { describe, expect, it } from "vitest";
import type { EvidenceFacts } from "../../law/algoritmekader/types.ts";
import { applicableRequirements } from "./applicable.ts";
import { NO_EVIDENCE, requirementStatus, validateOverride } from "./status.ts";
import { code, framework, highRiskDeployer, urn } from "./test-profiles.ts";

const requirement = (c: string) => framework.requirements.find((r) => r.id === urn(c))!;
const status = (c: string, facts: Partial<EvidenceFacts>, override?: Parameters<typeof requirementStatus>[3]) =>
  requirementStatus(requirement(c), framework, { ...NO_EVIDENCE, ...facts }, override);

describe("a requirement's status follows its linked evidence", () => {
  it("the DPIA requirement (avg-13): met by an accepted DEPIA, not yet when its reviews reopened", () => {
    expect(status("avg-13", { depia: "accepted" })).toMatchObject({ status: "met", source: "evidence", metBy: ["depia_accepted"], linked: ["depia_accepted", "screening_no_depia_needed"] });
    expect(status("avg-13", { depia: "reviews_reopened" })).toMatchObject({ status: "not_yet", source: "evidence", metBy: [] });
    expect(status("avg-13", { depia: "in_progress" }).status).toBe("not_yet");
  });

  it("avg-13 is also met when the screening found no DEPIA needed", () => {
    expect(status("avg-13", { screening: "depia_not_required" })).toMatchObject({ status: "met", metBy: ["screening_no_depia_needed"] });
    expect(status("avg-13", { screening: "depia_required" }).status).toBe("not_yet");
  });

  it.each([
    ["aia-27", { fria: "accepted", friaNotified: true }, { fria: "accepted", friaNotified: false }],
    ["aia-25", { euRegistration: true }, { euRegistration: false }],
    ["bzk-01", { registerPublished: true }, {}],
    ["woo-01", { registerPublished: true }, {}],
    ["grw-02", { biasAudits: 1 }, { biasAudits: 0 }],
    ["aut-01", { contractSignedOff: true }, {}],
    ["dat-01", { contractSignedOff: true }, {}],
    ["aia-01", { aiLiteracyCovered: true }, {}],
    ["awb-01", { canvasComplete: true, expertAdviceAnswered: true }, { canvasComplete: true }],
    ["aia-00", { classification: "reviewed", classificationOutcome: "high_risk" }, { classification: "reviewed", classificationOutcome: "prohibited" }],
    ["aia-02", { classification: "reviewed", euRegistration: true }, { classification: "draft", euRegistration: true }],
    ["grw-01", { fria: "accepted" }, { fria: "reviews_reopened" }],
  ] as const)("%s: met with its evidence, not yet without", (c, met, notMet) => {
    expect(status(c, met as Partial<EvidenceFacts>).status).toBe("met");
    expect(status(c, notMet as Partial<EvidenceFacts>).status).toBe("not_yet");
  });

  it("a requirement without linked evidence is not yet met until someone marks it", () => {
    expect(status("aia-20", {})).toMatchObject({ status: "not_yet", source: "none", linked: [] });
    expect(status("aia-20", {}, { status: "met", reason: "Gebruiksaanwijzing opgenomen in de werkinstructie (zaak 2026-114)." })).toMatchObject({ status: "met", source: "override" });
  });

  it("several requirements of a high-risk deployment are met by earlier work", () => {
    const facts: EvidenceFacts = { ...NO_EVIDENCE, screening: "depia_required", depia: "accepted", biasAudits: 2, canvasComplete: true, expertAdviceAnswered: true, classification: "reviewed", classificationOutcome: "high_risk" };
    const applicable = applicableRequirements(highRiskDeployer(), framework).applicable;
    const met = applicable.map((a) => requirementStatus(a.requirement, framework, facts)).filter((s) => s.status === "met").map((s) => code(s.requirementId));
    expect(met).toEqual(["avg-01", "avg-02", "avg-03", "avg-04", "avg-06", "avg-08", "avg-09", "avg-12", "avg-13", "awb-01", "grw-01", "grw-02"]);
  });
});

describe("manual overrides", () => {
  it("not applicable, with a reason", () => {
    expect(status("arc-01", {}, { status: "not_applicable", reason: " Geen archiefbescheiden: alleen tellingen. " })).toMatchObject({ status: "not_applicable", source: "override", reason: "Geen archiefbescheiden: alleen tellingen.", errors: [] });
  });

  it("not applicable wins over linked evidence", () => {
    expect(status("avg-13", { depia: "accepted" }, { status: "not_applicable", reason: "Geen persoonsgegevens meer na herontwerp." }).status).toBe("not_applicable");
  });

  it.each([undefined, null, "", "   "])("not applicable without a reason (%j) is refused with a code, and the status stays as the evidence says", (reason) => {
    const r = status("avg-13", { depia: "accepted" }, { status: "not_applicable", reason });
    expect(r.errors).toEqual([{ code: "ak.override.reason_required", requirementId: urn("avg-13"), status: "not_applicable" }]);
    expect(r).toMatchObject({ status: "met", source: "evidence" });
  });

  it("a manual 'met' where the framework links evidence is refused: the evidence decides", () => {
    const r = status("avg-13", { depia: "reviews_reopened" }, { status: "met", reason: "Oude DPIA uit 2023." });
    expect(r.errors.map((e) => e.code)).toEqual(["ak.override.evidence_decides"]);
    expect(r.status).toBe("not_yet");
  });

  it("a manual 'met' needs to say what shows it", () => {
    expect(validateOverride(requirement("aia-20"), { status: "met" }).map((e) => e.code)).toEqual(["ak.override.reason_required"]);
    expect(validateOverride(requirement("aia-20"), { status: "met", reason: "Werkinstructie v2." })).toEqual([]);
  });
});
