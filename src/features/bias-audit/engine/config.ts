// What the user asks for (AuditConfig) and how it is resolved against the
// file's header into a serialisable ScanPlan for the scanner workers.

import type { Correction } from "../../../domain/fairness/multiple-testing.ts";
import type { ReferenceConvention, SmallCellRule } from "../../../domain/fairness/disparity.ts";
import type { HbacOptions } from "../../../domain/fairness/hbac/hbac.ts";
import type { Favourable } from "../../../domain/fairness/summary.ts";
import { BiasAuditError } from "./errors.ts";

export interface GroupSpec {
  column: string;
  /** Numeric cut points: [25] gives "< 25" and ">= 25". Applied while scanning. */
  bins?: number[];
  /** Rename / merge values after scanning, e.g. { White: "White" } with otherValue "not-White". */
  map?: Record<string, string>;
  /** Value for everything not in map (default: keep the value). */
  otherValue?: string;
}

export type BiasVariable = "auto" | "fp" | "fn" | "error" | "unfavourable";

export interface AuditConfig {
  groups: (string | GroupSpec)[];
  prediction: string;
  /** Score column: predicted positive when score >= threshold. */
  threshold?: number;
  label?: string;
  /**
   * Which prediction value is favourable for the people concerned.
   * With a threshold or a 0/1 column: "1"/"true"/"positive" or "0"/"false"/"negative".
   * Any other value makes the prediction column categorical: positive = equals this value
   * (and then the positive outcome is the favourable one).
   */
  favourable?: string;
  reference?: ReferenceConvention;
  /** Extra categorical columns used only by the bias scan (not reported as groups). */
  scanFeatures?: (string | GroupSpec)[];
  /** Single byte; detected from the first lines when absent. */
  delimiter?: string;
  maxBytes?: number;
  alpha?: number;
  correction?: Correction;
  smallCell?: SmallCellRule;
  /** Intersections of group attributes (default true). */
  intersections?: boolean;
  /** false disables the bias scan. */
  scan?: false | (Partial<HbacOptions> & { biasVariable?: BiasVariable });
  /** Scanner threads (default: 2 for files over 32 MB when available, else 1). */
  threads?: number;
  /** Maximum distinct values per group column (default 10000). */
  maxDistinctValues?: number;
}

export type PredictionRule =
  | { mode: "threshold"; threshold: number }
  | { mode: "binary" }
  | { mode: "category"; value: string };

export interface KeyColumnPlan {
  name: string;
  index: number;
  bins: number[] | null;
}

/** Everything the scanner needs; plain data so it can be posted to a worker. */
export interface ScanPlan {
  delimiter: number;
  columnCount: number;
  columnNames: string[];
  keys: KeyColumnPlan[];
  prediction: { name: string; index: number; rule: PredictionRule };
  label: { name: string; index: number } | null;
  maxDistinctValues: number;
}

const TRUE_WORDS = new Set(["1", "true", "yes", "ja", "positive", "positief", "high", "above"]);
const FALSE_WORDS = new Set(["0", "false", "no", "nee", "negative", "negatief", "low", "below"]);

export interface ResolvedFavourable {
  rule: PredictionRule;
  favourable: Favourable;
}

export function resolvePrediction(config: AuditConfig): ResolvedFavourable {
  const fav = config.favourable?.trim();
  const word = fav?.toLowerCase();
  if (config.threshold !== undefined) {
    if (!Number.isFinite(config.threshold))
      throw new BiasAuditError("bad-config", { reason: "threshold" });
    const rule: PredictionRule = { mode: "threshold", threshold: config.threshold };
    if (word === undefined) return { rule, favourable: "unspecified" };
    if (TRUE_WORDS.has(word)) return { rule, favourable: "positive" };
    if (FALSE_WORDS.has(word)) return { rule, favourable: "negative" };
    throw new BiasAuditError("bad-config", { reason: "favourable", value: fav as string });
  }
  if (word === undefined) return { rule: { mode: "binary" }, favourable: "unspecified" };
  if (TRUE_WORDS.has(word)) return { rule: { mode: "binary" }, favourable: "positive" };
  if (FALSE_WORDS.has(word)) return { rule: { mode: "binary" }, favourable: "negative" };
  return { rule: { mode: "category", value: fav as string }, favourable: "positive" };
}

export function normaliseGroup(g: string | GroupSpec): GroupSpec {
  return typeof g === "string" ? { column: g } : g;
}

export function buildPlan(config: AuditConfig, columnNames: string[], delimiter: number): ScanPlan {
  const find = (name: string): number => {
    const i = columnNames.indexOf(name);
    if (i < 0) throw new BiasAuditError("missing-column", { column: name, available: columnNames.join(", ") });
    return i;
  };
  const groups = config.groups.map(normaliseGroup);
  if (groups.length === 0)
    throw new BiasAuditError("bad-config", { reason: "groups" });
  const features = (config.scanFeatures ?? []).map(normaliseGroup);
  const keys = [...groups, ...features].map((g) => {
    if (g.bins && (g.bins.length === 0 || g.bins.some((b) => !Number.isFinite(b))))
      throw new BiasAuditError("bad-config", { reason: "bins", column: g.column });
    return { name: g.column, index: find(g.column), bins: g.bins ? [...g.bins].sort((a, b) => a - b) : null };
  });
  const { rule } = resolvePrediction(config);
  const predIndex = find(config.prediction);
  const labelIndex = config.label ? find(config.label) : -1;
  const used = new Set(keys.map((k) => k.index));
  if (used.size !== keys.length || used.has(predIndex) || used.has(labelIndex) || predIndex === labelIndex)
    throw new BiasAuditError("bad-config", { reason: "columns" });
  return {
    delimiter,
    columnCount: columnNames.length,
    columnNames,
    keys,
    prediction: { name: config.prediction, index: predIndex, rule },
    label: config.label ? { name: config.label, index: labelIndex } : null,
    maxDistinctValues: config.maxDistinctValues ?? 10_000,
  };
}

/** Display label of bin i for sorted cut points (shared with the scanner: scan-core.mjs). */
export { binLabel } from "./scan-core.mjs";

/** Shown for empty group values: missing values are a group of their own, openly. */
export const MISSING_VALUE = "(leeg)";
