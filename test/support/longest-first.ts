// The order in which test files start. On a clean checkout vitest has no timings
// of earlier runs and starts the largest files first; a long browser journey
// that happens to start last then runs alone at the end, on one of the two
// workers. Files known to take longest (from CI runs) start first, the rest
// in vitest's own order: the two workers finish closer together.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Longest first, as measured in CI (seconds on 2 cores): keep the list short and in order. */
const LONGEST: readonly string[] = [
  "test/e2e/keyboard-only.test.ts", // ~240
  "test/e2e/accessibility-sweep.test.ts", // ~155
  "test/security/hostile-input.test.ts", // ~105
  "src/cli/main.test.ts", // ~65
  "test/security/crash-safety.test.ts", // ~50
  "test/e2e/procurement.test.ts", // ~50
  "test/e2e/depia.test.ts", // ~45
  "test/e2e/pre-start-gate.test.ts", // ~45
  "test/e2e/projects.test.ts", // ~45
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST.findIndex((path) => f.moduleId.endsWith(path));
      return i < 0 ? LONGEST.length : i;
    };
    return rest.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
