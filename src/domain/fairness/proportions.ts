// Interval estimates and tests for proportions. Every function returns null
// instead of NaN when the quantity does not exist (empty denominator), so that
// callers are forced to handle "undefined" explicitly.

import { Z_95, normalUpperTail, twoSidedP } from "./normal.ts";

export interface Interval {
  lower: number;
  upper: number;
}

export function proportion(k: number, n: number): number | null {
  return n > 0 ? k / n : null;
}

/** Wilson score interval; well behaved at 0 and 1 and for small n, unlike Wald. */
export function wilson(k: number, n: number, z: number = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval (his method 10) for p1 - p2 from two
 * independent samples, built from the two Wilson intervals.
 */
export function newcombeDifference(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  z: number = Z_95,
): Interval | null {
  const w1 = wilson(k1, n1, z);
  const w2 = wilson(k2, n2, z);
  if (!w1 || !w2) return null;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const d = p1 - p2;
  return {
    lower: d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
    upper: d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
  };
}

/**
 * Interval for the ratio p1 / p2 on the log scale (Katz). Undefined when a
 * count is zero, because the log ratio is then unbounded.
 */
export function katzRatio(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  z: number = Z_95,
): Interval | null {
  if (k1 <= 0 || k2 <= 0 || n1 <= 0 || n2 <= 0) return null;
  const r = k1 / n1 / (k2 / n2);
  const se = Math.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2);
  return { lower: r * Math.exp(-z * se), upper: r * Math.exp(z * se) };
}

export interface ZTest {
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** One-sided p-value for H1: p1 > p2. */
  pGreater: number;
}

/** Two-proportion z-test with the pooled standard error (H0: p1 = p2). */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): ZTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return null;
  const z = (k1 / n1 - k2 / n2) / se;
  return { z, p: twoSidedP(z), pGreater: normalUpperTail(z) };
}
