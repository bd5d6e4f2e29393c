// Standard normal distribution. Precision matters here: p-values down to 1e-10
// are reported and compared against published figures, so a 1e-7 erf
// approximation is not good enough.

const INV_SQRT_2PI = 0.3989422804014327;

/** 97.5th percentile of N(0,1): the z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Upper tail Q(x) = P(Z > x), accurate in relative terms far into the tail. */
export function normalUpperTail(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 1 - normalUpperTail(-x);
  if (x < 3) {
    // Marsaglia (2004): Phi(x) = 1/2 + pdf(x) * (x + x^3/3 + x^5/(3*5) + ...);
    // absolute error ~1e-16, ample while Q(x) > 1e-3.
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let i = 3; i < 200; i += 2) {
      term *= x2 / i;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 - normalPdf(x) * sum;
  }
  if (x > 38) return 0;
  // Continued fraction Q(x) = pdf(x) / (x + 1/(x + 2/(x + 3/(x + ...)))),
  // evaluated bottom-up; converges fast for x >= 3.
  let cf = x;
  for (let k = 120; k >= 1; k--) cf = x + k / cf;
  return normalPdf(x) / cf;
}

export function normalCdf(x: number): number {
  return normalUpperTail(-x);
}

/** Two-sided p-value for a z statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}
