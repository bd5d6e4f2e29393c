// Instrument versions are plain MAJOR.MINOR.PATCH (the schema forbids more),
// so a numeric comparison per part is enough.

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export const VERSION_FILE = /^((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))\.yaml$/;
