import { describe, expect, it } from "vitest";
import { runHbac } from "./hbac.ts";
import { mulberry32 } from "./prng.ts";

describe("HBAC on weighted cells", () => {
  // Feature 0 has 4 values; value 3 has a much higher bias rate.
  const cells = [0, 1, 2, 3].flatMap((a) =>
    [0, 1].map((b) => ({ features: [a, b], n: 2000, bad: a === 3 ? 800 : 200 })),
  );

  it("finds the deviating cluster and tests it on held-out rows", () => {
    const r = runHbac(cells, { seed: 1 });
    const c0 = r.clusters[0];
    expect(c0).toBeDefined();
    expect(r.test.significant).toBe(true);
    expect(r.test.z).toBeGreaterThan(3);
    const f0 = r.description?.find((d) => d.feature === 0);
    expect(f0?.significant).toBe(true);
    const v3 = f0?.values.find((v) => v.value === 3);
    expect(v3?.shareInCluster).toBeGreaterThan(v3?.shareOutside ?? 1);
  });

  it("is deterministic for a seed", () => {
    expect(runHbac(cells, { seed: 7 })).toEqual(runHbac(cells, { seed: 7 }));
  });

  it("mulberry32 is reproducible", () => {
    const a = mulberry32(3);
    const b = mulberry32(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
