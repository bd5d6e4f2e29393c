// Property-based tests of the CSV reader (issue 11): for random tables written
// as CSV with every quoting rule (delimiters, quotes and line breaks inside
// fields, CRLF or LF), the counts per group are exactly those of the rows
// written; and random or broken bytes end in a BiasAuditError with a code —
// never another exception, never a silently shortened result.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditCsv } from "./audit.ts";
import { BiasAuditError } from "./errors.ts";

const dir = mkdtempSync(path.join(tmpdir(), "csv-properties-"));
let fileNo = 0;
function file(content: string | Uint8Array): string {
  const p = path.join(dir, `p${fileNo++}.csv`);
  writeFileSync(p, content);
  return p;
}

/** Group values a municipality's export may hold: words, and the characters CSV must quote. */
const groupValue = fc
  .array(fc.constantFrom("a", "B", "7", "é", "ü", "ß", "ij", ",", ";", '"', "\n", "\r\n", " ", "-", "'", "€"), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""))
  .filter((v) => v.trim() === v && v !== "");

const row = fc.record({ group: groupValue, prediction: fc.constantFrom(0, 1), label: fc.constantFrom(0, 1) });

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

const config = (delimiter: string) => ({ groups: ["groep"], prediction: "besluit", label: "uitkomst", delimiter, scan: false as const, intersections: false });

describe("the CSV reader, with random tables and random bytes", () => {
  it("counts every row of a randomly quoted table in its group, whatever the delimiter and line ending", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 2, maxLength: 40 }), fc.constantFrom(",", ";"), fc.constantFrom("\n", "\r\n"), fc.boolean(), async (rows, delimiter, eol, finalEol) => {
        const lines = [["groep", "besluit", "uitkomst"].join(delimiter), ...rows.map((r) => [quote(r.group, delimiter), r.prediction, r.label].join(delimiter))];
        const report = await auditCsv(file(lines.join(eol) + (finalEol ? eol : "")), config(delimiter));
        const expected = new Map<string, { n: number; tp: number; fp: number; fn: number; tn: number }>();
        for (const r of rows) {
          const c = expected.get(r.group) ?? { n: 0, tp: 0, fp: 0, fn: 0, tn: 0 };
          c.n++;
          if (r.prediction === 1 && r.label === 1) c.tp++;
          else if (r.prediction === 1) c.fp++;
          else if (r.label === 1) c.fn++;
          else c.tn++;
          expected.set(r.group, c);
        }
        const breakdown = report.breakdowns.find((b) => b.kind === "attribute" && b.attributes[0] === "groep")!;
        const got = new Map(breakdown.groups.map((g) => [g.values[0]!, { n: g.counts.n, tp: g.counts.tp, fp: g.counts.fp, fn: g.counts.fn, tn: g.counts.tn }]));
        expect(got).toEqual(expected);
      }),
      { seed: 20261202, numRuns: 80 },
    );
  });

  it("ends random and broken input in a BiasAuditError with a code, never another exception or a shortened result", async () => {
    const header = "groep,besluit,uitkomst\n";
    const hostile = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.string({ unit: "binary", maxLength: 300 }).map((s) => header + s),
      // An opening quote that never closes, after some good rows.
      fc.tuple(fc.array(row, { minLength: 1, maxLength: 5 }), fc.string({ maxLength: 200 })).map(([rows, tail]) => header + rows.map((r) => `${quote(r.group, ",")},${r.prediction},${r.label}`).join("\n") + `\n"${tail.replace(/"/g, "")}`),
      // Rows with the wrong number of fields, NUL and control characters.
      fc.array(fc.constantFrom("a,1", "a,1,0,9", "\u0000,1,0", "b\u0007,0,1", "c,2,0", "d,1,1"), { minLength: 1, maxLength: 8 }).map((rows) => header + rows.join("\n")),
    );
    const unexpected: string[] = [];
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (content) => {
        const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
        try {
          const report = await auditCsv(file(bytes), { groups: ["groep"], prediction: "besluit", label: "uitkomst", scan: false, intersections: false });
          // Accepted: then every data line was a complete row, and all of them were counted.
          const breakdown = report.breakdowns.find((b) => b.kind === "attribute")!;
          const counted = breakdown.groups.reduce((n, g) => n + g.counts.n, 0);
          expect(counted).toBeGreaterThan(0);
        } catch (e) {
          if (e instanceof BiasAuditError && typeof e.code === "string") refused++;
          else unexpected.push(String(e));
        }
      }),
      { seed: 20261203, numRuns: 150 },
    );
    expect(unexpected).toEqual([]);
    expect(refused).toBeGreaterThan(100);
  });

  it("refuses a quote that never closes with the line it opened on, instead of cutting the file short", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), async (rows) => {
        const good = rows.map((r) => `${quote(r.group, ",")},${r.prediction},${r.label}`);
        const content = ["groep,besluit,uitkomst", ...good, '"nooit gesloten,1,0', "x,1,0"].join("\n");
        const e = await auditCsv(file(content), config(",")).then(() => null, (x: unknown) => x);
        expect(e).toBeInstanceOf(BiasAuditError);
        const line = 2 + good.reduce((n, l) => n + l.split("\n").length, 0);
        expect((e as BiasAuditError).params.line).toBe(line);
      }),
      { seed: 20261204, numRuns: 40 },
    );
  });
});
