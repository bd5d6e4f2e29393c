import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditCsv } from "./audit.ts";
import { BiasAuditError } from "./errors.ts";
import { formatJson } from "./json-format.ts";
import { formatText } from "./text-format.ts";
import { runBiasAuditInWorker } from "./run-in-worker.ts";
import { toChartData } from "./chart-data.ts";
import { COMPAS } from "./test-helpers.ts";
import { mulberry32 } from "../../../domain/fairness/hbac/prng.ts";

const dir = mkdtempSync(path.join(tmpdir(), "bias-audit-"));
let fileNo = 0;
function file(content: string | Buffer): string {
  const p = path.join(dir, `f${fileNo++}.csv`);
  writeFileSync(p, content);
  return p;
}

const compasConfig = { groups: ["race", "sex"], prediction: "score", label: "label_value" };

async function expectError(p: Promise<unknown>, code: string, params: Record<string, unknown> = {}) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(BiasAuditError);
  expect((e as BiasAuditError).code).toBe(code);
  expect((e as BiasAuditError).params).toMatchObject(params);
  return e as BiasAuditError;
}

describe("properties", async () => {
  const r = await auditCsv(COMPAS, compasConfig);
  it("counts add up to n in every breakdown; rates lie in [0, 1]", () => {
    for (const b of r.breakdowns) {
      let total = 0;
      for (const g of b.groups) {
        const c = g.counts;
        expect(c.tp + c.fp + c.fn + c.tn).toBe(c.n);
        expect(c.tp + c.fp).toBe(c.pos);
        total += c.n;
        for (const rate of Object.values(g.rates)) {
          if (rate.value === null) continue;
          expect(rate.value).toBeGreaterThanOrEqual(0);
          expect(rate.value).toBeLessThanOrEqual(1);
          expect(rate.ci95!.lower).toBeLessThanOrEqual(rate.value);
          expect(rate.ci95!.upper).toBeGreaterThanOrEqual(rate.value);
        }
      }
      expect(total).toBe(7214);
    }
  });

  it("permuting rows changes nothing", async () => {
    const lines = readFileSync(COMPAS, "utf8").trimEnd().split("\n");
    const [header, ...rows] = lines;
    const rand = mulberry32(99);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const shuffled = await auditCsv(file([header, ...rows].join("\n") + "\n"), compasConfig);
    expect(shuffled.breakdowns).toEqual(r.breakdowns);
    expect(shuffled.overall).toEqual(r.overall);
  });

  it("two scanner threads give the same table as one", async () => {
    const two = await auditCsv(COMPAS, { ...compasConfig, threads: 2 });
    expect(two.breakdowns).toEqual(r.breakdowns);
  });

  it("a group with zero denominator reports undefined, never NaN, in JSON and text", async () => {
    const p = file("g,pred,label\nA,1,0\nA,0,0\nB,1,1\nB,0,1\nB,1,0\n");
    const rep = await auditCsv(p, { groups: ["g"], prediction: "pred", label: "label" });
    const a = rep.breakdowns[0]!.groups.find((g) => g.label === "A")!;
    expect(a.rates.tpr?.status).toBe("undefined");
    expect(a.rates.tpr?.value).toBeNull();
    const json = formatJson(rep);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(json).toContain('"status": "undefined"');
    for (const lang of ["nl", "en"] as const) {
      const text = formatText(rep, lang);
      expect(text).not.toMatch(/NaN|Infinity/);
      expect(text).toContain(lang === "nl" ? "onbepaald" : "undefined");
    }
  });

  it("a group with one row is flagged as a small cell, not an error", async () => {
    const p = file("g,pred\nA,1\nA,0\nA,1\nB,1\n");
    const rep = await auditCsv(p, { groups: ["g"], prediction: "pred" });
    const b = rep.breakdowns[0]!.groups.find((g) => g.label === "B")!;
    expect(b.counts.n).toBe(1);
    expect(b.smallCell).toBe(true);
    expect(rep.overall.rates.tpr).toBeUndefined();
  });
});

describe("CSV dialects", () => {
  it("BOM, semicolons, CRLF, quoted fields with delimiters, escaped quotes and line breaks", async () => {
    const p = file(
      "\uFEFFgroep;score;label\r\n" +
        '"Noord; oost";0,9;1\r\n'.replace("0,9", "0.9") +
        '"Zuid ""west""\nregio";0.2;0\r\n' +
        "Noord; oost;0.4;1\r\n".replace("Noord; oost", '"Noord; oost"'),
    );
    const rep = await auditCsv(p, { groups: ["groep"], prediction: "score", threshold: 0.5, label: "label" });
    expect(rep.input.delimiter).toBe(";");
    const labels = rep.breakdowns[0]!.groups.map((g) => g.label).sort();
    expect(labels).toEqual(["Noord; oost", 'Zuid "west"\nregio']);
    const noord = rep.breakdowns[0]!.groups.find((g) => g.label === "Noord; oost")!;
    expect(noord.counts).toMatchObject({ n: 2, tp: 1, fn: 1 });
  });

  it("quoted line breaks in a file scanned with two threads fall back to one pass", async () => {
    const rows = ["g,pred"];
    for (let i = 0; i < 5000; i++) rows.push(i % 7 === 0 ? `"a\nb",${i % 2}` : `c,${i % 2}`);
    const p = file(rows.join("\n") + "\n");
    const one = await auditCsv(p, { groups: ["g"], prediction: "pred", threads: 1 });
    const two = await auditCsv(p, { groups: ["g"], prediction: "pred", threads: 2 });
    expect(two.breakdowns).toEqual(one.breakdowns);
    expect(one.overall.counts.n).toBe(5000);
  });

  it("CRLF line ends: a group value in the last column is the same value as without CR", async () => {
    const p = file("pred,g\r\n1,A\r\n0,A\r\n1,B\r\n0,A");
    const rep = await auditCsv(p, { groups: ["g"], prediction: "pred" });
    const a = rep.breakdowns[0]!.groups.find((g) => g.label === "A")!;
    expect(rep.breakdowns[0]!.groups).toHaveLength(2);
    expect(a.counts.n).toBe(3);
  });

  it("empty group values form their own, openly named group; rows without prediction are counted as excluded", async () => {
    const p = file("g,pred\nA,1\n,0\nA,\n");
    const rep = await auditCsv(p, { groups: ["g"], prediction: "pred" });
    expect(rep.breakdowns[0]!.groups.map((g) => g.label).sort()).toEqual(["(leeg)", "A"]);
    expect(rep.input.rowsExcluded.missingPrediction).toBe(1);
  });
});

describe("bad input", () => {
  const cfg = { groups: ["g"], prediction: "score", threshold: 0.5 };
  it("binary file", async () => {
    await expectError(auditCsv(file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3, 10])), cfg), "not-csv");
  });
  it("empty file", async () => {
    await expectError(auditCsv(file(""), cfg), "empty-file");
  });
  it("header only", async () => {
    await expectError(auditCsv(file("g,score\n"), cfg), "no-data-rows");
  });
  it("ragged row with its line number", async () => {
    const e = await expectError(auditCsv(file("g,score\nA,0.1\nB,0.2,9\n"), cfg), "ragged-row", { line: 3, found: 3, expected: 2 });
    expect(e.message).toContain("Regel 3");
  });
  it("a quote that is never closed is an error at its line, not a shorter file", async () => {
    // A header, one row, then an opening quote followed by a long tail without a closing quote.
    const tail = Array.from({ length: 20000 }, (_, i) => `B,0.${i % 10}`).join("\n");
    for (const threads of [1, 2]) {
      const e = await expectError(auditCsv(file(`g,score\nA,0.1\n"B,0.2\n${tail}\n`), { ...cfg, threads }), "unterminated-quote", { line: 3 });
      expect(e.message).toContain("regel 3");
    }
  });
  it("ragged row found by the second scanner thread gets the right line number", async () => {
    const rows = ["g,score"];
    for (let i = 0; i < 20000; i++) rows.push(i === 15000 ? "A" : `A,0.${i % 10}`);
    await expectError(auditCsv(file(rows.join("\n") + "\n"), { ...cfg, threads: 2 }), "ragged-row", { line: 15002 });
  });
  it("missing column names it and lists the available ones", async () => {
    const e = await expectError(auditCsv(file("g,score\nA,1\n"), { ...cfg, prediction: "risk" }), "missing-column", { column: "risk" });
    expect(e.message).toContain("g, score");
  });
  it("non-numeric score with a threshold reports the line", async () => {
    await expectError(auditCsv(file("g,score\nA,0.1\nA,hoog\n"), cfg), "non-numeric-score", { line: 3, value: "hoog" });
  });
  it("a file over the byte limit is refused before reading", async () => {
    await expectError(auditCsv(file("g,score\nA,0.1\n"), { ...cfg, maxBytes: 5 }), "file-too-large");
  });
  it("bad label and bad 0/1 prediction", async () => {
    await expectError(auditCsv(file("g,p,l\nA,1,misschien\n"), { groups: ["g"], prediction: "p", label: "l" }), "bad-label", { line: 2 });
    await expectError(auditCsv(file("g,p\nA,ja\nA,2\n"), { groups: ["g"], prediction: "p" }), "bad-prediction", { line: 3 });
  });
});

describe("worker API", () => {
  it("runBiasAuditInWorker reports progress and returns the same report", async () => {
    const progress: number[] = [];
    const viaWorker = await runBiasAuditInWorker(COMPAS, compasConfig, (p) => progress.push(p.bytesRead / p.totalBytes));
    const inProcess = await auditCsv(COMPAS, compasConfig);
    expect(viaWorker.breakdowns).toEqual(inProcess.breakdowns);
    expect(progress.at(-1)).toBe(1);
  });
  it("errors come back as BiasAuditError", async () => {
    await expectError(runBiasAuditInWorker(COMPAS, { ...compasConfig, prediction: "nope" }), "missing-column");
  });
  it("chart data has one bar per group with its interval", async () => {
    const rep = await auditCsv(COMPAS, compasConfig);
    const series = toChartData(rep, ["selectionRate"]);
    const race = series.find((s) => s.breakdown === "race")!;
    expect(race.bars).toHaveLength(6);
    expect(race.bars.every((b) => b.value === null || (b.lower! <= b.value && b.value <= b.upper!))).toBe(true);
  });
});
