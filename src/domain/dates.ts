// Calendar dates as the application stores and forms send them: 2026-04-15.

/** A real calendar date in YYYY-MM-DD form; 2026-02-30 and 2026-4-5 are not. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
