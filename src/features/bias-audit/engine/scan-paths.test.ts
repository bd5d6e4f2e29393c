// The scanner's fast path (unquoted records, byte tries, inline score parsing)
// and its general path (any CSV) must give identical count tables, whatever
// the data, the read-buffer size, or where a file is split between workers.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../domain/fairness/hbac/prng.ts";
import { auditCsv } from "./audit.ts";
import { type AuditConfig, buildPlan, type ScanPlan } from "./config.ts";
import { type CountTableData, mergeTables } from "./count-table.ts";
import { type RangeOutcome, scanRange } from "./range-scan.ts";
import { ScanError } from "./scanner.ts";
import { readHead } from "./sniff.ts";

const dir = mkdtempSync(path.join(tmpdir(), "bias-audit-paths-"));
let fileNo = 0;
function file(content: string): string {
  const p = path.join(dir, `p${fileNo++}.csv`);
  writeFileSync(p, content);
  return p;
}

interface DataOptions {
  rows: number;
  seed: number;
  quotes: boolean;
  delimiter: string;
}

/** A messy but valid decisions file: BOM, mixed LF / CR LF, blank lines, spaces, empty values, odd numbers, UTF-8. */
function messyCsv({ rows, seed, quotes, delimiter: d }: DataOptions): string {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const groups = ["Noord", "Zuid", "Oost west", " Noord", "Noord ", "", "Súdwest-Fryslân", "'s-Hertogenbosch", "N"];
  const quotedGroups = ['"Noord"', `"Zuid${d} oost"`, '"Zuid ""west""\nregio"', '"multi\r\nline"', '""'];
  const ages = ["18", "29", "30", "45", " 45", "64.5", "65", "90", "007"];
  const scores = ["0.1234", ".5", "0.5", "1", "0", "0.4999999", "5.", "5e-1", " 0.7 ", "-0.1", "+0.9", "0.12345678901234567", "", "0.500000"];
  const labels = ["0", "1", "1", "0", " 1", "true", "false", "ja", "nee", "", "1.0"];
  const extras = ["x", "y", "", "x ", "xx"];
  const quotedExtras = [`"a${d}b"`, '"line\nbreak"', '"x"'];
  const lines: string[] = [["id", "grp", "age", "score", "label", "extra"].join(d)];
  for (let i = 0; i < rows; i++) {
    const q = quotes && rand() < 0.15;
    const grp = q ? pick(quotedGroups) : pick(groups);
    const score = quotes && rand() < 0.05 ? '"0.8"' : pick(scores);
    const label = quotes && rand() < 0.05 ? '"1"' : pick(labels);
    const extra = quotes && rand() < 0.1 ? pick(quotedExtras) : pick(extras);
    lines.push([String(i), grp, pick(ages), score, label, extra].join(d));
    if (rand() < 0.03) lines.push(""); // blank line
  }
  let text = "\uFEFF";
  for (const line of lines) text += line + (rand() < 0.3 ? "\r\n" : "\n");
  // Sometimes no line end after the last record.
  return rand() < 0.5 ? text.replace(/\r?\n$/, "") : text;
}

const CONFIGS: Record<string, AuditConfig> = {
  "threshold score, label, binned age": {
    groups: ["grp", { column: "age", bins: [30, 50, 65] }],
    prediction: "score",
    threshold: 0.5,
    label: "label",
  },
  "0/1 prediction column, no label": { groups: ["grp", "extra"], prediction: "label" },
  "categorical prediction": { groups: ["age", "grp"], prediction: "extra", favourable: "x", label: "label" },
};

async function planFor(filePath: string, config: AuditConfig): Promise<{ plan: ScanPlan; dataStart: number; size: number }> {
  const head = await readHead(filePath);
  return { plan: buildPlan(config, head.columns, head.delimiter), dataStart: head.dataStart, size: head.size };
}

function table(o: RangeOutcome): CountTableData & { fastRows: number; generalRecords: number } {
  if (o.kind !== "table") throw new Error("unexpected quote-found");
  return { ...o.table, fastRows: o.stats?.fastRows ?? 0, generalRecords: o.stats?.generalRecords ?? 0 };
}

/** Independent of the order in which values and cells were first seen. */
function canonical(t: CountTableData) {
  const w = t.keyNames.length;
  const cells: string[] = [];
  for (let c = 0; c < t.cellCount; c++) {
    const key = Array.from({ length: w }, (_, k) => t.dictionaries[k]![t.keys[c * w + k]!]).join("\u241f");
    cells.push(`${key} => ${Array.from(t.counts.subarray(c * 4, c * 4 + 4)).join(",")}`);
  }
  return { rows: t.rows, excluded: t.excluded, lineFeeds: t.lineFeeds, sawQuote: t.sawQuote, cells: cells.sort() };
}

async function scanWhole(filePath: string, plan: ScanPlan, dataStart: number, size: number, fastPath: boolean, chunkBytes?: number) {
  return table(await scanRange({ filePath, plan, start: dataStart, end: size, alignToLine: false, abortOnQuote: false, fastPath, chunkBytes }));
}

describe("fast path and general path give identical count tables", () => {
  for (const [name, config] of Object.entries(CONFIGS)) {
    for (const quotes of [false, true]) {
      for (const delimiter of [",", ";"]) {
        it(`${name}; ${quotes ? "quoted fields with delimiters, quotes and line breaks" : "unquoted"}; delimiter ${delimiter}`, async () => {
          const p = file(messyCsv({ rows: 3000, seed: 7 + fileNo, quotes, delimiter }));
          const { plan, dataStart, size } = await planFor(p, config);
          const general = await scanWhole(p, plan, dataStart, size, false);
          expect(general.fastRows).toBe(0);
          expect(general.rows).toBeGreaterThan(1000);
          expect(general.sawQuote).toBe(quotes);
          const expected = canonical(general);
          // Read buffers from tiny (records straddle every kind of boundary, buffers grow) to the default.
          for (const chunkBytes of [64, 100, 257, 4096, undefined]) {
            const fast = await scanWhole(p, plan, dataStart, size, true, chunkBytes);
            expect(canonical(fast)).toEqual(expected);
            // The fast path did a good part of the work even in this messy file (a third of the scores are irregular).
            expect(fast.fastRows).toBeGreaterThan(fast.rows / 5);
          }
        });
      }
    }
  }

  it("scores near the threshold, with up to 17 digits, for several thresholds; many values sharing prefixes", async () => {
    const rand = mulberry32(23);
    const lines = ["g,h,score,label"];
    for (let i = 0; i < 6000; i++) {
      // Values that share prefixes ("1", "12", "123", …) make the tries split their tails again and again.
      const g = String(Math.floor(rand() * 400));
      const h = "x".repeat(Math.floor(rand() * 6));
      const digits = Math.floor(rand() * 17);
      const t = [0.1, 0.3, 1 / 3, 0.5, 0.7][i % 5]!;
      const score = rand() < 0.5 ? (t + (rand() - 0.5) * 1e-6).toFixed(digits) : t.toFixed(digits);
      lines.push(`${g},${h},${score},${i % 2}`);
    }
    const p = file(lines.join("\n") + "\n");
    for (const threshold of [0.1, 0.3, 1 / 3, 0.5, 0.7, 0, 1, -1, 1e20]) {
      const { plan, dataStart, size } = await planFor(p, { groups: ["g", "h"], prediction: "score", threshold, label: "label" });
      const general = canonical(await scanWhole(p, plan, dataStart, size, false));
      const fast = await scanWhole(p, plan, dataStart, size, true);
      expect(canonical(fast)).toEqual(general);
      expect(fast.fastRows).toBeGreaterThan(fast.rows / 5);
    }
  });

  it("CR LF, BOM and a file split at every possible worker boundary", async () => {
    const config = CONFIGS["threshold score, label, binned age"]!;
    const p = file(messyCsv({ rows: 60, seed: 3, quotes: false, delimiter: "," }));
    const { plan, dataStart, size } = await planFor(p, config);
    const whole = canonical(await scanWhole(p, plan, dataStart, size, false));
    for (const fastPath of [true, false]) {
      for (let b = dataStart + 1; b < size; b++) {
        const parts: CountTableData[] = [];
        for (const [start, end, align] of [
          [dataStart, b, false],
          [b, size, true],
        ] as const) {
          parts.push(table(await scanRange({ filePath: p, plan, start, end, alignToLine: align, abortOnQuote: true, fastPath, chunkBytes: 128 })));
        }
        const merged = canonical(mergeTables(parts));
        if (JSON.stringify(merged) !== JSON.stringify(whole)) expect({ fastPath, boundary: b, merged }).toEqual({ fastPath, boundary: b, merged: whole });
      }
    }
  }, 120_000);

  it("quoted files fall back to one pass with two threads, and give the same report", async () => {
    const p = file(messyCsv({ rows: 4000, seed: 11, quotes: true, delimiter: "," }));
    const config = CONFIGS["threshold score, label, binned age"]!;
    const one = await auditCsv(p, { ...config, threads: 1 });
    const two = await auditCsv(p, { ...config, threads: 2 });
    expect(two.breakdowns).toEqual(one.breakdowns);
    expect(two.input).toEqual(one.input);
  });

  it("errors carry the same code and line on both paths", async () => {
    const good = Array.from({ length: 500 }, (_, i) => `g${i % 3},0.${i % 10},${i % 2}`);
    const cases: [string, string][] = [
      ["ragged-row", "A,0.1"],
      ["ragged-row", "A,0.1,1,9"],
      ["non-numeric-score", "A,hoog,1"],
      ["non-numeric-score", "A,1.2.3,1"],
      ["bad-label", "A,0.3,misschien"],
    ];
    for (const [code, bad] of cases) {
      const p = file(["g,score,label", ...good.slice(0, 300), bad, ...good.slice(300)].join("\r\n") + "\r\n");
      const { plan, dataStart, size } = await planFor(p, { groups: ["g"], prediction: "score", threshold: 0.5, label: "label" });
      const errs: unknown[] = [];
      for (const fastPath of [true, false]) {
        errs.push(await scanWhole(p, plan, dataStart, size, fastPath, 1000).then(() => null, (e: unknown) => e));
      }
      for (const e of errs) {
        expect(e).toBeInstanceOf(ScanError);
        expect((e as ScanError).code).toBe(code);
        expect((e as ScanError).lineFeedsBefore).toBe(300);
      }
    }
  });
});
