import type { Deps } from "../../platform/deps.ts";

export interface DemoSeedStep {
  name: string;
  /** people: demo person key (see people.ts) → user id. */
  run(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** A feature's demo records (projects, canvases, advice …), run in the order the features are listed. */
    demoSteps: DemoSeedStep;
  }
}
