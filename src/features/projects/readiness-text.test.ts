import { describe, expect, it } from "vitest";
import { applyGateDecision, gateReadiness, materialChangeEffect, nextPhase, type DepiaState, type MissingItem, type ProjectSnapshot } from "../../domain/lifecycle/index.ts";
import { readyAt } from "../../domain/lifecycle/test-snapshots.ts";
import { installCatalogues, translator } from "../../platform/i18n/index.ts";
import { projectsFeature } from "./index.ts";
import { changeEffectText, decisionNoteText, GATE_REFUSALS, missingText, readinessInBothLanguages, summaryText, type Words } from "./readiness-text.ts";

// What people read of the lifecycle's codes: the domain returns codes with
// parameters (src/domain/lifecycle tests those); these are the same cases
// worded by the projects catalogue, in Dutch and English.
describe("the gate's readiness, worded by the projects catalogue", () => {
  installCatalogues([projectsFeature.messages!]);
  const nl: Words = { t: translator("nl"), lang: "nl" };
  const en: Words = { t: translator("en"), lang: "en" };
  const depia = (s: ProjectSnapshot) => s.depia as Extract<DepiaState, { exists: true }>;
  const only = (s: ProjectSnapshot): MissingItem => {
    const items = gateReadiness(s).missing;
    expect(items).toHaveLength(1);
    return items[0]!;
  };

  it.each(["pre_start", "start", "execution", "evaluation"] as const)("says a ready %s gate is the owner's to decide", (phase) => {
    expect(summaryText(nl, gateReadiness(readyAt(phase)).summary)).toContain("De opdrachtgever kan nu besluiten");
    expect(nextPhase(phase)).not.toBeNull();
  });

  it("names what the step to the start phase needs", () => {
    const base = readyAt("pre_start");
    expect(missingText(nl, only({ ...base, canvas: { status: "not_started" } }))).toBe("Nog nodig: het ethisch canvas — nog niet begonnen");
    expect(missingText(en, only({ ...base, canvas: { status: "in_progress" } }))).toBe("Still needed: the ethics canvas — not finished yet");
    expect(missingText(nl, only({ ...base, expertAdvice: { status: "none" } }))).toBe("Nog nodig: advies van de experttafel — nog niet gevraagd");
    const requested = only({ ...base, expertAdvice: { status: "requested", requestedOn: "2026-03-03" } });
    expect(missingText(nl, requested)).toBe("Nog nodig: advies van de experttafel — gevraagd op 3 maart 2026, nog niet gegeven");
    expect(missingText(en, requested)).toBe("Still needed: advice from the expert table — requested on 3 March 2026, not given yet");
    const responses = only({ ...base, expertAdvice: { status: "given", givenOn: "2026-03-17", recommendationsTotal: 5, recommendationsAnswered: 2 } });
    expect(missingText(nl, responses)).toContain("2 van 5 beantwoord");
  });

  it("counts the gaps in the summary", () => {
    const r = gateReadiness({ ...readyAt("pre_start"), canvas: { status: "in_progress" }, expertAdvice: { status: "none" } });
    expect(summaryText(nl, r.summary)).toBe("Nog 2 punten nodig voor de stap naar startfase.");
    expect(summaryText(en, r.summary)).toBe("2 items still needed for the step to start.");
    expect(summaryText(nl, gateReadiness({ ...readyAt("pre_start"), canvas: { status: "in_progress" } }).summary)).toBe("Nog 1 punt nodig voor de stap naar startfase.");
  });

  it("names what the step to execution needs, with dates and versions", () => {
    const base = readyAt("start");
    const redo = only({ ...base, screening: { status: "reopened", reason: "new_supplier", on: "2026-05-02", previousOutcome: "required" } });
    expect(missingText(nl, redo)).toBe("Nog nodig: de screening (pre-DPIA) opnieuw doen — er is een nieuwe leverancier (sinds 2 mei 2026)");
    const waiting = gateReadiness({ ...base, depia: { ...depia(base), fg: null, iso: null } }).missing;
    expect(missingText(nl, waiting[0]!)).toBe("Nog nodig: oordeel van de FG over versie 2 van de DEPIA — ingediend op 20 april 2026, nog niet beoordeeld");
    for (const [verdict, label] of [["to_correct", "te corrigeren"], ["improvable", "te verbeteren"]] as const) {
      const item = only({ ...base, depia: { ...depia(base), fg: { verdict, version: 2, on: "2026-04-25" } } });
      expect(missingText(nl, item)).toBe(`Nog nodig: een nieuwe versie van de DEPIA — de FG vond versie 2 op 25 april 2026 '${label}'`);
    }
    expect(missingText(nl, only({ ...base, openDeliberations: 1 }))).toBe("Nog nodig: één moreel beraad afronden of voorleggen aan de ethische commissie");
    expect(missingText(nl, only({ ...base, openDeliberations: 2 }))).toBe("Nog nodig: 2 morele beraden afronden of voorleggen aan de ethische commissie");
  });

  it("names the open measures", () => {
    expect(missingText(nl, only({ ...readyAt("execution"), measures: { total: 8, doneOrExplained: 5 } }))).toBe("Nog nodig: 3 van 8 maatregelen afronden, of uitleggen waarom niet");
  });

  it("has a text for every code a gap can have, in both languages", () => {
    const s = readyAt("start");
    const snapshots: ProjectSnapshot[] = [
      { ...s, screening: { status: "not_done" }, supplier: { involved: true, contractSignedOff: false } },
      { ...s, depia: { exists: false } },
      (() => {
        const { submittedOn: _, ...rest } = depia(s);
        return { ...s, depia: { ...rest, currentVersion: 3, highestResidualLevel: "high" as const } };
      })(),
      { ...s, depia: { ...depia(s), iso: null } },
      { ...readyAt("evaluation"), evaluation: { recorded: false } },
    ];
    for (const snapshot of snapshots) {
      for (const item of gateReadiness(snapshot).missing) {
        for (const words of [nl, en]) expect(missingText(words, item), item.message.code).toMatch(/^(Nog nodig|Still needed): \S/);
      }
    }
  });

  it("says a closed or stopped project has no gate, and a wrong transition does not fit", () => {
    expect(summaryText(nl, gateReadiness(readyAt("closed")).summary)).toBe("Dit project is afgesloten.");
    expect(summaryText(nl, gateReadiness(readyAt("stopped")).summary)).toContain("bewuste uitkomst");
    expect(summaryText(nl, gateReadiness(readyAt("start"), { from: "pre_start", to: "start" }).summary)).toBe("Deze overgang past niet bij de fase van het project (startfase).");
  });

  it("explains an 'adjust' at this gate", () => {
    const r = gateReadiness({ ...readyAt("pre_start"), latestDecision: { decision: "adjust", phase: "pre_start", on: "2026-03-20" } });
    expect(decisionNoteText(nl, r.decisionNote!)).toBe("De opdrachtgever koos op 20 maart 2026 voor bijstellen. Pas het project aan en vraag daarna opnieuw om een besluit.");
  });

  it("words a refused go, and gives the API both languages", () => {
    const refused = applyGateDecision({ ...readyAt("pre_start"), canvas: { status: "in_progress" } }, "go", ["owner"]);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    const [code, key] = GATE_REFUSALS[refused.code];
    expect(code).toBe("rule_refused");
    expect(nl.t(key, { count: 1 })).toContain("Doorgaan kan nog niet");
    expect(readinessInBothLanguages(refused.readiness).missing[0]!.message).toEqual({
      nl: "Nog nodig: het ethisch canvas — nog niet af",
      en: "Still needed: the ethics canvas — not finished yet",
    });
  });

  it("says what a material change means for the screening", () => {
    expect(changeEffectText(nl, materialChangeEffect("new_data_source"))).toMatch(/^De screening moet opnieuw: /);
    expect(changeEffectText(nl, materialChangeEffect("team_change"))).toBe("Geen nieuwe screening nodig: het team is veranderd.");
  });
});
