// The demo organisation as a test seed: made once per run, each test gets a copy.
import { seedDemo } from "../../src/features/demo/seed-demo.ts";
import type { Deps } from "../../src/platform/deps.ts";
import type { TestSeed } from "./database.ts";

/** The app's own clock and ids, as in production: the demo and the journeys work in real time. */
export function realTime(deps: Deps): Deps {
  return { ...deps, now: () => new Date(), newId: () => crypto.randomUUID() };
}

export const demoSeed: TestSeed = {
  name: "demo",
  run: async (deps) => {
    await seedDemo(realTime(deps));
  },
};
