import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INSTRUMENTS_DIR, loadInstruments, parseInstrumentFile } from "./loader.ts";
import { InstrumentLoadError } from "./errors.ts";
import { MINIMAL_YAML, VALUE_KEYS } from "./test-fixtures.ts";

const FILE = "instruments/sample/1.0.0.yaml";

function problemOf(text: string, options: Parameters<typeof parseInstrumentFile>[2] = {}): string {
  try {
    parseInstrumentFile(text, FILE, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InstrumentLoadError);
    return (error as Error).message;
  }
  throw new Error("expected the file to be refused");
}

function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

describe("the repository's instruments", () => {
  const registry = loadInstruments(INSTRUMENTS_DIR, { valueKeys: VALUE_KEYS });

  it("all load against the schema and the organisation's default values", () => {
    expect(registry.list().map((i) => i.id)).toEqual([
      "ai-act-classification",
      "deliberation-dilemma",
      "deliberation-guidance-ethics",
      "deliberation-socratic",
      "deliberation-utrecht",
      "depia",
      "depia",
      "ethics-canvas",
      "periodic-evaluation",
      "pre-dpia",
      "procurement-clauses",
    ]);
  });

  it("the canvas has 15 areas in the groups know, explore, plan, integrate, each tagged with values but the actions note", () => {
    const canvas = registry.get("ethics-canvas", "1.0.0")!;
    expect(canvas.sections).toHaveLength(15);
    expect(canvas.groups?.map((g) => g.title.nl)).toEqual(["Weten", "Verkennen", "Plannen", "Borgen"]);
    const perGroup = canvas.sections.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.group!]: (acc[s.group!] ?? 0) + 1 }), {});
    expect(perGroup).toEqual({ know: 4, explore: 4, plan: 4, integrate: 3 });
    expect(canvas.sections.filter((s) => !s.values?.length).map((s) => s.id)).toEqual(["actions"]);
    expect(canvas.licence.id).toBe("CC-BY-SA-4.0");
  });

  it("the deliberation methods have one section per step", () => {
    expect(registry.latest("deliberation-dilemma")!.sections).toHaveLength(10);
    expect(registry.latest("deliberation-utrecht")!.sections).toHaveLength(6);
    expect(registry.latest("deliberation-socratic")!.sections).toHaveLength(8);
  });

  it("the DEPIA follows Model DPIA parts A-D (17 sections plus summary) and IAMA parts 1-5", () => {
    const depia = registry.latest("depia")!;
    expect(depia.sections.filter((s) => s.group?.startsWith("privacy_"))).toHaveLength(17);
    expect(depia.sections.filter((s) => s.group === "ethics")).toHaveLength(5);
    expect(depia.sections[0]!.id).toBe("management_summary");
    const prefilled = depia.sections.flatMap((s) => s.questions).filter((q) => q.prefill_from);
    expect(prefilled.length).toBeGreaterThan(10);
  });

  it("every text exists in Dutch and English", () => {
    for (const instrument of registry.list()) {
      for (const s of instrument.sections) {
        for (const q of s.questions) expect(q.label.nl && q.label.en, `${instrument.id}/${q.id}`).toBeTruthy();
      }
    }
  });
});

describe("registry", () => {
  it("gets an exact version, the latest, and lists all versions", () => {
    const dir = mkdtempSync(join(tmpdir(), "instruments-"));
    mkdirSync(join(dir, "sample"));
    writeFileSync(join(dir, "sample", "1.0.0.yaml"), MINIMAL_YAML);
    writeFileSync(join(dir, "sample", "1.10.0.yaml"), MINIMAL_YAML.replace("version: 1.0.0", "version: 1.10.0"));
    writeFileSync(join(dir, "sample", "1.2.0.yaml"), MINIMAL_YAML.replace("version: 1.0.0", "version: 1.2.0"));
    writeFileSync(join(dir, "README.md"), "not an instrument");
    const registry = loadInstruments(dir);
    expect(registry.get("sample", "1.2.0")?.version).toBe("1.2.0");
    expect(registry.get("sample", "9.9.9")).toBeUndefined();
    expect(registry.latest("sample")?.version).toBe("1.10.0");
    expect(registry.latest("missing")).toBeUndefined();
    expect(registry.versions("sample")).toEqual(["1.0.0", "1.2.0", "1.10.0"]);
    expect(registry.list()).toHaveLength(3);
  });
});

describe("a broken instrument file stops loading with file, line and reason", () => {
  it("names the folder path and line of a wrong question type", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "afw-")), "instruments");
    mkdirSync(join(dir, "sample"), { recursive: true });
    const text = MINIMAL_YAML.replace("type: text", "type: essay");
    writeFileSync(join(dir, "sample", "1.0.0.yaml"), text);
    expect(() => loadInstruments(dir)).toThrowError(
      `instruments/sample/1.0.0.yaml:${lineOf(text, "type: essay")}: sections[0].questions[1].type must be one of text, long_text, single_choice, multiple_choice, scale, yes_no_explain, table, value_tags`,
    );
  });

  it("reports a YAML syntax error with its line", () => {
    const text = MINIMAL_YAML.replace("kind: canvas", "kind: [canvas");
    expect(problemOf(text)).toMatch(/^instruments\/sample\/1\.0\.0\.yaml:\d+: YAML: /);
  });

  it("reports a duplicate key", () => {
    expect(problemOf(MINIMAL_YAML.replace("kind: canvas", "kind: canvas\nkind: screening"))).toMatch(/:4: YAML: .*[Uu]nique|:4: YAML: .*duplicate/i);
  });

  it("reports an unknown property at its key", () => {
    const text = MINIMAL_YAML.replace("    title: { nl: Een, en: One }", "    title: { nl: Een, en: One }\n    titel: oops");
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "titel")}: sections[0].titel is not a known property`);
  });

  it("reports a missing required property", () => {
    const text = MINIMAL_YAML.replace("        label: { nl: Vraag 2, en: Question 2 }\n", "");
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "- id: q2")}: sections[0].questions[1] must have property 'label'`);
  });

  it("reports a missing English text", () => {
    const text = MINIMAL_YAML.replace("title: { nl: Een, en: One }", "title: { nl: Een }");
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "title: { nl: Een }")}: sections[0].title must have property 'en'`);
  });

  it("reports a scale without bounds", () => {
    const text = MINIMAL_YAML.replace("type: text", "type: scale");
    expect(problemOf(text)).toContain("sections[0].questions[1] must have property 'min'");
  });

  it("reports a malformed condition", () => {
    const text = MINIMAL_YAML + "        when: { question: q1, is: yes }\n";
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "when:")}: sections[0].questions[1].when must be a condition: {question, equals|not_equals|in|includes|answered|gt|gte|lt|lte}, {criterion}, {count, <comparison>}, {score, <comparison>|above_threshold}, {all: [...]}, {any: [...]} or {not: ...}`);
  });

  it("reports an invalid version string", () => {
    expect(problemOf(MINIMAL_YAML.replace("version: 1.0.0", "version: v1"))).toContain(":2: version \"v1\" must match");
  });

  it("reports a duplicate question id", () => {
    const text = MINIMAL_YAML.replace("- id: q2", "- id: q1");
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "- id: q1") + 6}: sections[0].questions[1].id: duplicate question id 'q1'`);
  });

  it("reports a condition on a question that does not exist", () => {
    const text = MINIMAL_YAML + "        when: { question: nope, equals: x }\n";
    expect(problemOf(text)).toContain("sections[0].questions[1].when.question: question 'nope' does not exist");
  });

  it("reports a condition on a later question", () => {
    const text = MINIMAL_YAML.replace(
      "        type: single_choice\n",
      "        type: single_choice\n        when: { question: q2, answered: true }\n",
    );
    expect(problemOf(text)).toContain("sections[0].questions[0].when.question: question 'q2' must come before the part it controls");
  });

  it("reports a condition value that is not an option", () => {
    const text = MINIMAL_YAML + "        when: { question: q1, equals: maybe }\n";
    expect(problemOf(text)).toContain("'maybe' is not a possible answer of 'q1' (yes, no)");
  });

  it("reports an unknown value tag", () => {
    const text = MINIMAL_YAML.replace("    title: { nl: Een, en: One }", "    title: { nl: Een, en: One }\n    values: [privacy, geluk]");
    expect(problemOf(text, { valueKeys: new Set(VALUE_KEYS) })).toBe(
      `${FILE}:${lineOf(text, "values:")}: sections[0].values[1]: value tag 'geluk' is not a known value`,
    );
  });

  it("reports an id and version that do not match the path", () => {
    const message = problemOf(MINIMAL_YAML, { expectedId: "other", expectedVersion: "2.0.0" });
    expect(message).toContain(`${FILE}:1: id: is 'sample' but the file sits in folder 'other'`);
    expect(message).toContain(`${FILE}:2: version: is '1.0.0' but the file is named '2.0.0.yaml'`);
  });

  it("reports a file name that is not a version", () => {
    const dir = mkdtempSync(join(tmpdir(), "instruments-"));
    mkdirSync(join(dir, "sample"));
    writeFileSync(join(dir, "sample", "latest.yaml"), MINIMAL_YAML);
    expect(() => loadInstruments(dir)).toThrowError(/sample\/latest\.yaml:1: instrument files must be named/);
  });

  it("reports a prefill reference to a missing instrument or question", () => {
    const dir = mkdtempSync(join(tmpdir(), "instruments-"));
    mkdirSync(join(dir, "sample"));
    const text = MINIMAL_YAML + "        prefill_from: { instrument: sample, question: q9 }\n";
    writeFileSync(join(dir, "sample", "1.0.0.yaml"), text);
    expect(() => loadInstruments(dir)).toThrowError(
      `sample/1.0.0.yaml:${lineOf(text, "prefill_from")}: sections[0].questions[1].prefill_from: instrument 'sample' has no question 'q9'`,
    );
  });

  it("reports outcome references that do not resolve", () => {
    const text =
      MINIMAL_YAML +
      `outcomes:
  decisions:
    - id: d
      label: { nl: D, en: D }
      results: [{ value: a, label: { nl: A, en: A } }]
      default: b
      default_explanation: { nl: X, en: X }
      rules:
        - { id: r, result: a, when: { count: edpb, gte: 1 }, explanation: { nl: X, en: X } }
`;
    const message = problemOf(text);
    expect(message).toContain("outcomes.decisions[0].default: 'b' is not one of the results");
    expect(message).toContain("outcomes.decisions[0].rules[0].when.count: no criterion has group 'edpb'");
  });

  it("refuses outcome conditions in visibility", () => {
    const text = MINIMAL_YAML + "        when: { criterion: c1 }\n";
    expect(problemOf(text)).toContain("only question conditions (with all/any/not) may be used here");
  });
});

describe("the law block of a classification instrument", () => {
  const LAW = `law:
  title: { nl: Wet, en: Act }
  version: "1"
  provisions:
    - { id: p1, article: "5", label: { nl: P, en: P }, applies_from: "2025-02-02", status: confirmed }
  rules:
    - { id: r1, effect: prohibited, provision: p1, article: "5(1)(a)", when: { question: q1, equals: "yes" } }
  duties:
    - { id: ai_literacy, provision: p1, article: "4", label: { nl: D, en: D } }
  contradictions:
    - { id: c1, questions: [q1], when: { question: q1, equals: "no" }, message: { nl: M, en: M } }
`;
  const classification = MINIMAL_YAML.replace("kind: canvas", "kind: classification") + LAW;

  it("loads when every reference resolves", () => {
    expect(parseInstrumentFile(classification, FILE).instrument.law?.rules).toHaveLength(1);
  });

  it("refuses an unknown effect at its line", () => {
    const text = classification.replace("effect: prohibited", "effect: forbidden");
    expect(problemOf(text)).toMatch(new RegExp(`^${FILE.replace(/\./g, "\\.")}:${lineOf(text, "effect: forbidden")}: law\\.rules\\[0\\]\\.effect must be one of no_algorithm, `));
  });

  it("refuses a date that is not one", () => {
    expect(problemOf(classification.replace('"2025-02-02"', '"2 Feb 2025"'))).toContain("law.provisions[0].applies_from \"2 Feb 2025\" must match");
  });

  it("refuses a rule on an unknown provision or question, and a rule missing what its effect needs", () => {
    const text = classification.replace("provision: p1, article: \"5(1)(a)\", when: { question: q1", "provision: p9, when: { question: q7");
    const message = problemOf(text);
    expect(message).toContain("law.rules[0]: a rule with effect 'prohibited' must have 'article'");
    expect(message).toContain("law.rules[0].provision: provision 'p9' is not declared under law.provisions");
    expect(message).toContain("law.rules[0].when.question: question 'q7' does not exist");
  });

  it("refuses a contradiction naming an unknown question, and a duplicate provision", () => {
    const text = classification.replace("questions: [q1]", "questions: [q1, q8]").replace(
      "  rules:\n",
      '    - { id: p1, article: "6", label: { nl: P, en: P }, applies_from: "2026-01-01", status: reported }\n  rules:\n',
    );
    const message = problemOf(text);
    expect(message).toContain("law.contradictions[0].questions[1]: question 'q8' does not exist");
    expect(message).toContain("law.provisions[1].id: duplicate provision id 'p1'");
  });

  it("a law block belongs to a classification instrument, and a classification instrument needs one", () => {
    expect(problemOf(MINIMAL_YAML + LAW)).toContain("law: only a classification instrument may have a law block");
    expect(problemOf(MINIMAL_YAML.replace("kind: canvas", "kind: classification"))).toContain("kind: a classification instrument must have a law block");
  });
});
