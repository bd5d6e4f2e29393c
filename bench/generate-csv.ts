// Seeded generator of a large decisions file: three group attributes, a score
// and a true outcome, with a built-in disparity so the audit has work to do.

import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { mulberry32 } from "../src/domain/fairness/hbac/prng.ts";

export const GEMEENTEN = [
  "Amsterdam", "Rotterdam", "'s-Gravenhage", "Utrecht", "Eindhoven", "Groningen",
  "Súdwest-Fryslân", "'s-Hertogenbosch", "Westerkwartier", "Leeuwarden", "Zoetermeer", "Nijmegen",
];
export const GESLACHT = ["vrouw", "man", "anders"];
export const LEEFTIJD = ["18-25", "25-45", "45-65", "65+"];
/** Not audited: an extra column as real files have them (and it brings 20 M rows to about 1 GB). */
export const KANAAL = ["web", "balie", "post"];
/** Bump when the file's layout changes, so a cached file of an older layout is regenerated. */
export const LAYOUT_VERSION = 2;

export interface GenerateOptions {
  rows: number;
  seed: number;
  file: string;
}

export function generateCsv({ rows, seed, file }: GenerateOptions): { bytes: number; seconds: number } {
  const t0 = performance.now();
  mkdirSync(path.dirname(file), { recursive: true });
  const rand = mulberry32(seed);
  const fd = openSync(file, "w");
  writeSync(fd, "id,kanaal,gemeente,geslacht,leeftijdsgroep,score,label\n");
  const BATCH = 50_000;
  let parts: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const g = Math.floor(rand() * GEMEENTEN.length);
    const u = rand();
    const s = u < 0.49 ? 0 : u < 0.98 ? 1 : 2;
    const a = Math.floor(rand() * LEEFTIJD.length);
    // Young people and two municipalities get higher scores: a known disparity.
    const shift = (a === 0 ? 0.12 : 0) + (g === 1 || g === 6 ? 0.06 : 0) + (s === 1 ? 0.03 : 0);
    const score = Math.min(0.999999, Math.max(0, rand() * 0.8 + shift));
    const label = rand() < score * 0.8 + 0.05 ? 1 : 0;
    const k = Math.floor(rand() * KANAAL.length);
    parts.push(`${i},${KANAAL[k]},${GEMEENTEN[g]},${GESLACHT[s]},${LEEFTIJD[a]},${score.toFixed(6)},${label}\n`);
    if (parts.length === BATCH) {
      writeSync(fd, parts.join(""));
      parts = [];
    }
  }
  if (parts.length > 0) writeSync(fd, parts.join(""));
  closeSync(fd);
  return { bytes: statSync(file).size, seconds: (performance.now() - t0) / 1000 };
}

export function ensureCsv(opts: GenerateOptions, regenerate = false): { bytes: number; generatedIn: number | null } {
  const marker = `${opts.file}.${opts.rows}.${opts.seed}.v${LAYOUT_VERSION}.ok`;
  if (!regenerate && existsSync(opts.file) && existsSync(marker)) return { bytes: statSync(opts.file).size, generatedIn: null };
  const r = generateCsv(opts);
  closeSync(openSync(marker, "w"));
  return { bytes: r.bytes, generatedIn: r.seconds };
}
