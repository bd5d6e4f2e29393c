import type { Child } from "hono/jsx";
import type { ProjectSnapshot } from "../../domain/lifecycle/snapshot.ts";
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import type { PageContext } from "../../ui/page-context.ts";

/** What other features know of a project. */
export interface ProjectRef {
  id: string;
  organisationId: string;
  title: string;
  phase: string;
  domain: string;
  supplierInvolved: boolean;
}

/**
 * Each feature that holds records the gate rules look at (canvas, advice,
 * screening, DEPIA, contract, deliberations, measures, evaluation) fills its
 * part of the snapshot. The projects feature starts from an empty snapshot and
 * asks every contributor in turn.
 */
export type SnapshotContributor = (deps: Deps, project: ProjectRef, snapshot: ProjectSnapshot) => Promise<void>;

/**
 * A section on the project page contributed by another feature (canvas,
 * measures, values profile, advice, bias audits …). Rendered in `order`.
 */
export interface ProjectPanel {
  id: string;
  order: number;
  render(args: { deps: Deps; ctx: PageContext; actor: ActorWithProfile; project: ProjectRef }): Promise<Child> | Child;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Fills a feature's part of a project's gate snapshot. */
    snapshotContributors: SnapshotContributor;
    /** A section of the project page. */
    projectPanels: ProjectPanel;
  }
}

export function projectPanels(deps: Deps): ProjectPanel[] {
  return [...deps.extensions.get("projectPanels")].sort((a, b) => a.order - b.order);
}
