import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInstruments } from "./loader.ts";
import { prefillAnswers } from "./prefill.ts";
import { MINIMAL_YAML } from "./test-fixtures.ts";

const registry = loadInstruments();
const depia = registry.latest("depia")!;

describe("prefillAnswers", () => {
  it("fills DEPIA questions from the canvas and the screening", () => {
    const filled = prefillAnswers(depia, {}, {
      "ethics-canvas": { purpose: "Schulden eerder signaleren.", values_at_stake: ["rechtvaardigheid"] },
      "pre-dpia": { algorithm_affects_people: { choice: "yes", explanation: "risicoscore" } },
    });
    expect(filled.map((f) => `${f.questionId}<-${f.from.instrument}.${f.from.question}`)).toEqual([
      "proposal<-ethics-canvas.purpose",
      "uses_algorithm<-pre-dpia.algorithm_affects_people",
      "iama_goal<-ethics-canvas.purpose",
      "iama_public_values<-ethics-canvas.values_at_stake",
    ]);
  });

  it("never overwrites an answer already given, and skips empty sources", () => {
    const filled = prefillAnswers(depia, { proposal: "Eigen tekst" }, { "ethics-canvas": { purpose: "Uit canvas", alternatives: "  " } });
    expect(filled.map((f) => f.questionId)).toEqual(["iama_goal"]);
  });

  it("loading refuses a prefill between incompatible question types", () => {
    const dir = mkdtempSync(join(tmpdir(), "instruments-"));
    mkdirSync(join(dir, "sample"));
    writeFileSync(join(dir, "sample", "1.0.0.yaml"), MINIMAL_YAML + "        prefill_from: { instrument: sample, question: q1 }\n");
    expect(() => loadInstruments(dir)).toThrowError("cannot prefill a text question from 'q1', which is single_choice");
  });
});
