// Test-only helpers for the projects and measures tests (and the browser journey):
// a snapshot contributor that stands in for features not built yet.
import type { ProjectSnapshot } from "../../domain/lifecycle/index.ts";
import type { Feature } from "../../platform/feature.ts";

/**
 * Projects in this map get the given parts of their snapshot filled in, after
 * every real contributor has run. Stands in for the canvas, the expert table,
 * the screening and the contract until those features exist.
 */
export const prepared = new Map<string, Partial<ProjectSnapshot> | "ready">();

/** A test-only feature whose snapshot contributor applies `prepared`; list it after the real ones. */
export const standInFeature: Feature = {
  name: "test-stand-in",
  snapshotContributors: [
    async (_deps, project, snapshot) => {
    const spec = prepared.get(project.id);
    if (!spec) return;
    if (spec === "ready") {
      snapshot.canvas = { status: "complete" };
      snapshot.expertAdvice = { status: "given", requestedOn: "2026-01-05", givenOn: "2026-01-20", recommendationsTotal: 1, recommendationsAnswered: 1 };
      snapshot.screening = { status: "done", outcome: "not_required", on: "2026-01-25" };
      if (snapshot.supplier.involved) snapshot.supplier = { involved: true, contractSignedOff: true, signedOffOn: "2026-01-26" };
      return;
    }
    Object.assign(snapshot, spec);
    },
  ],
};

/** A valid registration for tests. */
export function projectInput(ownerUserId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Slimme lantaarnpalen",
    goal: "Minder energie gebruiken voor straatverlichting zonder dat straten onveilig voelen.",
    description: "Lantaarnpalen dimmen als er niemand op straat is.",
    domain: "fysiek",
    technologies: ["sensors"],
    dataCategories: ["none"],
    supplierInvolved: false,
    ownerUserId,
    ...extra,
  };
}
