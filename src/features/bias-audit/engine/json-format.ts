// JSON rendering. The report object is already JSON-safe (no NaN, no
// Infinity: undefined quantities are null with status "undefined").

import type { BiasAuditReport } from "./report.ts";

export function formatJson(report: BiasAuditReport): string {
  const hasLabel = report.settings.label !== null;
  return JSON.stringify(
    report,
    (key, value: unknown) => {
      if (typeof value === "number" && !Number.isFinite(value)) return null;
      // Without a true outcome only n and pos mean something; tp/fp/fn/tn are left out.
      if (key === "counts" && !hasLabel && value && typeof value === "object") {
        const c = value as { n: number; pos: number };
        return { n: c.n, pos: c.pos };
      }
      return value;
    },
    2,
  );
}
