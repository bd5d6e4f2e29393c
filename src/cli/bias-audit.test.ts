import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { biasAuditCommand } from "./bias-audit.ts";
import { ADULT, COMPAS, GERMAN } from "../features/bias-audit/engine/test-helpers.ts";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await biasAuditCommand(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const dir = mkdtempSync(path.join(tmpdir(), "bias-cli-"));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe("afweging bias-audit", () => {
  it("prints the Dutch text report for COMPAS", async () => {
    const r = await run([COMPAS, "--group", "race", "--group", "sex", "--prediction", "score", "--label", "label_value", "--favourable", "0", "--reference", "race=Caucasian"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("== race (referentie: Caucasian) ==");
    expect(r.stdout).toContain("0,5882");
    expect(r.stdout).toContain("+18,45");
    expect(r.stdout).toContain("ongunstig");
    expect(r.stdout).toContain("Holm");
    expect(r.stdout).not.toMatch(/NaN/);
  });

  it("prints documented JSON with counts and disparities per attribute and intersection", async () => {
    const r = await run([COMPAS, "--group", "race", "--group", "sex", "--prediction", "score", "--label", "label_value", "--reference", "Caucasian", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.format).toBe("afweging.bias-audit");
    const kinds = json.breakdowns.map((b: { kind: string; attributes: string[] }) => `${b.kind}:${b.attributes.join("+")}`);
    expect(kinds).toEqual(["attribute:race", "attribute:sex", "intersection:race+sex"]);
    const aa = json.breakdowns[0].groups.find((g: { label: string }) => g.label === "African-American");
    expect(aa.counts).toEqual({ n: 3696, pos: 2174, tp: 1369, fp: 805, fn: 532, tn: 990 });
    expect(aa.comparisons[0].ratio).toBeCloseTo(1.6902, 4);
    expect(json.breakdowns[0].between[0].difference).toBeCloseTo(0.4571, 4);
  });

  it("reproduces Adult and German credit via the CLI (map and bin options)", async () => {
    const adult = await run([ADULT, "--group", "race", "--map", "race:White=White", "--map", "race:*=not-White", "--prediction", "income", "--favourable", ">50K", "--reference", "White", "--format", "json", "--no-scan"]);
    expect(adult.code).toBe(0);
    const a = JSON.parse(adult.stdout).breakdowns[0].groups.find((g: { label: string }) => g.label === "not-White");
    expect(a.counts).toEqual({ n: 4229, pos: 669 });
    expect(a.comparisons[0].ratio).toBeCloseTo(0.5999, 4);
    const german = await run([GERMAN, "--group", "age", "--bin", "age:25", "--prediction", "credit_risk", "--favourable", "1", "--reference", ">= 25", "--format", "json"]);
    const young = JSON.parse(german.stdout).breakdowns[0].groups.find((g: { label: string }) => g.label === "< 25");
    expect(young.comparisons[0].test.z).toBeCloseTo(-3.16, 2);
    expect(young.comparisons[0].test.p).toBeCloseTo(0.0016, 4);
  });

  it("without --label only selection metrics", async () => {
    const r = await run([COMPAS, "--group", "race", "--prediction", "score", "--format", "json", "--no-scan"]);
    const g = JSON.parse(r.stdout).breakdowns[0].groups[0];
    expect(Object.keys(g.rates)).toEqual(["selectionRate"]);
    expect(g.counts.tp).toBeUndefined();
  });

  it("English text with --lang en", async () => {
    const r = await run([COMPAS, "--group", "sex", "--prediction", "score", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Summary");
  });

  describe("bad input exits with 2 and a clear Dutch message", () => {
    const cases: [string, () => string[], RegExp][] = [
      ["binary file", () => [file("b.csv", Buffer.from([1, 2, 0, 0, 3, 10])), "--group", "g", "--prediction", "p"], /geen CSV-bestand/],
      ["empty file", () => [file("e.csv", ""), "--group", "g", "--prediction", "p"], /leeg/],
      ["ragged row", () => [file("r.csv", "g,p\nA,1\nA,1,1\n"), "--group", "g", "--prediction", "p"], /Regel 3 heeft 3 velden/],
      ["missing column", () => [COMPAS, "--group", "ras", "--prediction", "score"], /kolom "ras" bestaat niet.*entity_id, score/],
      ["non-numeric score", () => [file("n.csv", "g,s\nA,0.3\nA,x\n"), "--group", "g", "--prediction", "s", "--threshold", "0.5"], /Regel 3: de score/],
      ["over the byte limit", () => [COMPAS, "--group", "race", "--prediction", "score", "--max-bytes", "1000"], /te groot/],
      ["file not found", () => [path.join(dir, "nope.csv"), "--group", "g", "--prediction", "p"], /bestaat niet/],
      ["no --group", () => [COMPAS, "--prediction", "score"], /--group/],
      ["unknown option", () => [COMPAS, "--group", "race", "--prediction", "score", "--colour", "x"], /Onbekende optie/],
      ["bad threshold", () => [COMPAS, "--group", "race", "--prediction", "score", "--threshold", "hoog"], /getal/],
    ];
    for (const [name, args, message] of cases) {
      it(name, async () => {
        const r = await run(args());
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stdout).toBe("");
      });
    }
    it("a group with one row is a small cell, not an error", async () => {
      const r = await run([file("one.csv", "g,p\nA,1\nA,0\nB,1\n"), "--group", "g", "--prediction", "p"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/B\s+1\s+.*klein/);
    });
  });
});
