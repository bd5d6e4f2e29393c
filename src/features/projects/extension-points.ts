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
export type SnapshotContributor = SingleSnapshotContributor | BatchSnapshotContributor;

/** Fills one project's part; a list of projects calls it once per project. */
export type SingleSnapshotContributor = (deps: Deps, project: ProjectRef, snapshot: ProjectSnapshot) => Promise<void>;

/**
 * The batch form: fills the part of every given project (all of one
 * organisation) in a fixed number of statements, whatever their number, so a
 * list page costs the same at 10 projects as at 10,000. `one` serves a single
 * project (a gate decision, a project page); without it `many` is called with
 * that one project.
 */
export interface BatchSnapshotContributor {
  one?: SingleSnapshotContributor;
  many(deps: Deps, projects: readonly ProjectRef[], snapshots: ReadonlyMap<string, ProjectSnapshot>): Promise<void>;
}

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
