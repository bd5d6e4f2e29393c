import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import "../../app.ts";
import { allCatalogues } from "./index.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("message catalogues", () => {
  const { nl, en } = allCatalogues();

  it("have the same keys in Dutch and English", () => {
    const missingInEn = Object.keys(nl).filter((k) => !(k in en));
    const missingInNl = Object.keys(en).filter((k) => !(k in nl));
    expect({ missingInEn, missingInNl }).toEqual({ missingInEn: [], missingInNl: [] });
  });

  it("have no empty texts and the same placeholders in both languages", () => {
    for (const key of Object.keys(nl)) {
      expect(nl[key]!.trim(), key).not.toBe("");
      expect(en[key]!.trim(), key).not.toBe("");
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key]!), key).toEqual(placeholders(nl[key]!));
    }
  });

  it("hold every key the code asks for with t(\"…\")", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, "../.."))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\("([a-z_]+\.[a-z0-9_.]+)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(/(?:messageKey|labelKey|flash)[:=]\s*"([a-z_]+\.[a-z0-9_.]+)"/g)) used.add(m[1]!);
    }
    const missing = [...used].filter((k) => !(k in nl));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });
});
