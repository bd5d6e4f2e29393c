import type { Deps } from "../../platform/deps.ts";

export interface DemoSeedStep {
  name: string;
  /** people: demo person key (see people.ts) → user id. */
  run(deps: Deps, organisationId: string, people: Map<string, string>): Promise<void>;
}

/** Features add their demo records (projects, canvases, advice …) as steps, run in the order added. */
const steps: DemoSeedStep[] = [];

export function addDemoSeedStep(step: DemoSeedStep): void {
  steps.push(step);
}

export function demoSeedSteps(): readonly DemoSeedStep[] {
  return steps;
}
