import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FRAMEWORK_DIR, FrameworkLoadError, loadFrameworks, parseFrameworkFile } from "./loader.ts";

const FILE = "law/algoritmekader/2.5.1.yaml";
const TEXT = readFileSync(join(FRAMEWORK_DIR, "2.5.1.yaml"), "utf8");

function problemOf(text: string): string {
  try {
    parseFrameworkFile(text, FILE, "2.5.1");
  } catch (error) {
    expect(error).toBeInstanceOf(FrameworkLoadError);
    return (error as Error).message;
  }
  throw new Error("expected the file to be refused");
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("the repository's Algoritmekader", () => {
  const framework = loadFrameworks().latestFramework()!;

  it("is version 2.5.1 with every one of its 63 requirements, under stable ids", () => {
    expect(framework.version).toBe("2.5.1");
    expect(framework.requirements).toHaveLength(63);
    expect(new Set(framework.requirements.map((r) => r.id)).size).toBe(63);
    const perPrefix = framework.requirements.reduce<Record<string, number>>((acc, r) => {
      const prefix = r.id.replace(/^urn:nl:ak:ver:/, "").replace(/-\d+$/, "");
      return { ...acc, [prefix]: (acc[prefix] ?? 0) + 1 };
    }, {});
    expect(perPrefix).toEqual({ aia: 40, arc: 1, aut: 1, avg: 13, awb: 2, bio: 1, bzk: 1, dat: 1, grw: 2, woo: 1 });
    expect(framework.requirements.map((r) => r.id)).toContain("urn:nl:ak:ver:aia-27");
  });

  it("holds the 40 measures of the reference, each serving requirements that exist", () => {
    expect(framework.measures).toHaveLength(40);
    expect(framework.measures.every((m) => /^urn:nl:ak:mtr:[a-z]{3}-\d{2}$/.test(m.id))).toBe(true);
    expect(framework.measures.find((m) => m.id === "urn:nl:ak:mtr:ver-03")?.serves).toContain("urn:nl:ak:ver:grw-02");
    expect(framework.measures.filter((m) => m.serves?.length === 0).map((m) => m.id)).toEqual([
      "urn:nl:ak:mtr:org-04",
      "urn:nl:ak:mtr:org-08",
      "urn:nl:ak:mtr:org-09",
    ]);
  });

  it("tags the requirements with the Algoritmekader's labels", () => {
    const byCode = (code: string) => framework.requirements.find((r) => r.id === `urn:nl:ak:ver:${code}`)!;
    expect(byCode("aia-27").applies).toEqual({
      ai_act: { "soort-toepassing": ["ai-systeem", "ai-systeem-voor-algemene-doeleinden"], risicogroep: ["hoog-risico-ai-systeem"], "rol-ai-act": ["gebruiksverantwoordelijke"] },
      uitzondering: ["risicogroep-uitzondering-van-toepassing"],
    });
    expect(byCode("aia-27").phases).toEqual(["ontwerp", "verificatie-en-validatie"]);
    expect(byCode("avg-13").applies).toEqual({ always: true, when: ["personal_data"] });
    expect(byCode("grw-02").applies).toEqual({ always: true });
    expect(byCode("bzk-01").applies).toEqual({ when: ["impactful_or_high_risk"] });
    expect(framework.requirements.filter((r) => r.applies.open_source_exception).map((r) => r.id.slice(-6))).toEqual(["aia-01", "aia-02", "aia-28", "aia-33", "aia-36", "aia-37"]);
    expect(framework.requirements.filter((r) => r.applies.uitzondering)).toHaveLength(39);
  });

  it("every title and note exists in Dutch and English", () => {
    for (const r of framework.requirements) expect(r.title.nl && r.title.en, r.id).toBeTruthy();
    for (const m of framework.measures) expect(m.title.nl && m.title.en, m.id).toBeTruthy();
  });
});

describe("a broken framework file stops loading with file, line and reason", () => {
  it("a requirement id outside the urn scheme", () => {
    const text = TEXT.replace("id: urn:nl:ak:ver:aia-05", "id: urn:nl:ak:ver:aia-5");
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "id: urn:nl:ak:ver:aia-5")}: requirements[5].id "urn:nl:ak:ver:aia-5" must match ^urn:nl:ak:ver:(aia|arc|aut|avg|awb|bio|bzk|dat|grw|woo)-\\d{2}$`);
  });

  it("an unknown AI Act label", () => {
    const text = TEXT.replace("risicogroep: [verboden-ai]", "risicogroep: [verboden]");
    expect(problemOf(text)).toMatch(new RegExp(`^${FILE}:${lineOf(text, "risicogroep: [verboden]")}: requirements\\[0\\]\\.applies\\.ai_act\\.risicogroep\\[0\\] must be one of hoog-risico-ai-systeem, `));
  });

  it("an unknown property, at its key", () => {
    const text = TEXT.replace("    phases: [organisatieverantwoordelijkheden, probleemanalyse]\n", "    phases: [organisatieverantwoordelijkheden, probleemanalyse]\n    fase: 1\n");
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "fase: 1")}: requirements[0].fase is not a known property`);
  });

  it("a missing requirement: the count of the version it names", () => {
    const start = TEXT.indexOf("  - id: urn:nl:ak:ver:woo-01");
    const text = TEXT.slice(0, start) + TEXT.slice(TEXT.indexOf("measures:\n", start));
    expect(problemOf(text)).toContain(`${FILE}:${lineOf(text, "id: urn:nl:ak:ver:aia-00")}: requirements: holds 62 requirements but version 2.5.1 has 63`);
  });

  it("a duplicate requirement id", () => {
    const text = TEXT.replace("id: urn:nl:ak:ver:aia-05", "id: urn:nl:ak:ver:aia-04");
    expect(problemOf(text)).toContain(`${FILE}:${lineOf(text, "id: urn:nl:ak:ver:aia-04") + 12}: requirements[5].id: duplicate id 'urn:nl:ak:ver:aia-04'`);
  });

  it("an evidence link, law or served requirement that does not exist", () => {
    const text = TEXT.replace("evidence: [register_published]", "evidence: [register_publishd]")
      .replace("{ law: aia, articles: [\"5\"] }", "{ law: ai_act, articles: [\"5\"] }")
      .replace("      - urn:nl:ak:ver:aia-01\n  - id: urn:nl:ak:mtr:org-02", "      - urn:nl:ak:ver:awb-99\n  - id: urn:nl:ak:mtr:org-02");
    const message = problemOf(text);
    expect(message).toContain(`${lineOf(text, "register_publishd")}: requirements[58].evidence[0]: evidence link 'register_publishd' is not declared under evidence_links`);
    expect(message).toContain(`${lineOf(text, "law: ai_act")}: requirements[0].sources[0].law: law 'ai_act' is not declared under laws`);
    expect(message).toContain(`${lineOf(text, "awb-99")}: measures[1].serves[2]: requirement 'urn:nl:ak:ver:awb-99' does not exist`);
  });

  it("an evidence condition on a value its fact does not have", () => {
    const text = TEXT.replace("{ fact: depia, equals: accepted }", "{ fact: depia, equals: approved }");
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "equals: approved")}: evidence_links[3].when: 'approved' is not a value of 'depia' (none, in_progress, accepted, reviews_reopened)`);
  });

  it("a measure without its main phase, and one serving nothing declared", () => {
    const text = TEXT.replace(
      "  - id: urn:nl:ak:mtr:pba-01\n    title: { nl: \"Het probleem beschrijven\", en: \"Describe the problem\" }\n    phases: [probleemanalyse]\n    serves:",
      "  - id: urn:nl:ak:mtr:pba-01\n    title: { nl: \"Het probleem beschrijven\", en: \"Describe the problem\" }\n    phases: [ontwerp]\n    serve:",
    );
    expect(problemOf(text)).toBe(`${FILE}:${lineOf(text, "id: urn:nl:ak:mtr:pba-01")}: measures[10] must name the requirements it serves: serves or serves_all_except, not both`);
    expect(problemOf(text.replace("    serve:", "    serves:"))).toContain("measures[10].phases: a 'pba' measure must include its main phase 'probleemanalyse'");
  });

  it("YAML that does not parse", () => {
    expect(problemOf(TEXT.replace("version: 2.5.1", "version: [2.5.1"))).toMatch(/^law\/algoritmekader\/2\.5\.1\.yaml:\d+: YAML: /);
  });

  it("a file whose version is not its name, or a name that is not a version", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "afw-law-")), "algoritmekader");
    mkdirSync(dir);
    writeFileSync(join(dir, "2.6.0.yaml"), TEXT);
    writeFileSync(join(dir, "latest.yaml"), TEXT);
    writeFileSync(join(dir, "README.md"), "not data");
    expect(() => loadFrameworks(dir)).toThrowError(FrameworkLoadError);
    try {
      loadFrameworks(dir);
    } catch (error) {
      expect((error as FrameworkLoadError).problems.map((p) => `${p.file}:${p.line}: ${p.reason}`)).toEqual([
        "afw-law-" + dir.split("afw-law-")[1]!.split("/")[0] + "/algoritmekader/2.6.0.yaml:7: version: is '2.5.1' but the file is named '2.6.0.yaml'",
        "afw-law-" + dir.split("afw-law-")[1]!.split("/")[0] + "/algoritmekader/latest.yaml:1: framework files must be named <major>.<minor>.<patch>.yaml",
      ]);
    }
  });
});
