import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditCsv, auditSource, BiasAuditError, type AuditConfig } from "./engine/index.ts";
import { runWorker } from "./engine/run-worker.ts";
import { looksLikeParquet, PARQUET_AUDIT_WORKER, ParquetSource } from "./parquet-source.ts";
import { COMPAS, compasParquet } from "./test-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "afw-parquet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config: AuditConfig = { groups: ["race", "sex"], prediction: "score", label: "label_value", favourable: "0" };

describe("Parquet source", () => {
  it("gives the same report as the CSV scanner, reading row group after row group", async () => {
    const file = join(dir, "compas.parquet");
    await compasParquet(file, { rowGroupSize: 1000 });
    expect(await looksLikeParquet(file)).toBe(true);
    expect(await looksLikeParquet(COMPAS)).toBe(false);
    const source = new ParquetSource(file);
    expect(await source.describe()).toMatchObject({ format: "parquet", columns: ["entity_id", "score", "label_value", "race", "sex", "age_cat"] });
    const progress: number[] = [];
    const fromParquet = await auditSource(source, config, { displayName: "compas.parquet", onProgress: (p) => progress.push(p.bytesRead) });
    const fromCsv = await auditCsv(COMPAS, config);
    expect(progress.length).toBeGreaterThanOrEqual(8); // one step per row group
    expect(fromParquet.input.format).toBe("parquet");
    expect(fromParquet.input.rowsUsed).toBe(fromCsv.input.rowsUsed);
    expect(fromParquet.breakdowns).toEqual(fromCsv.breakdowns);
    expect(fromParquet.summary).toEqual(fromCsv.summary);
  });

  it("uses a threshold on a numeric score, bins numbers and counts missing predictions openly, in a worker thread", async () => {
    const file = join(dir, "compas-nulls.parquet");
    await compasParquet(file, { nullScores: 5 });
    const report = await runWorker(PARQUET_AUDIT_WORKER, { filePath: file, config: { groups: [{ column: "entity_id", bins: [5000] }], prediction: "score", threshold: 0.5, scan: false } });
    expect(report.input.rowsExcluded.missingPrediction).toBe(5);
    expect(report.breakdowns[0]!.groups.map((g) => g.label)).toEqual(["< 5000", ">= 5000"]);
  });

  it("answers a missing column and a damaged file with the engine's clear messages", async () => {
    const file = join(dir, "compas2.parquet");
    await compasParquet(file);
    const missing = await auditSource(new ParquetSource(file), { groups: ["wijk"], prediction: "score" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(BiasAuditError);
    expect((missing as BiasAuditError).messageIn("nl")).toContain('De kolom "wijk" bestaat niet');
    const broken = join(dir, "broken.parquet");
    writeFileSync(broken, "PAR1 dit is geen echt parquet-bestand");
    const e = await new ParquetSource(broken).describe().catch((x: unknown) => x);
    expect((e as BiasAuditError).messageIn("nl")).toContain("Parquet-bestand is niet te lezen");
  });
});
