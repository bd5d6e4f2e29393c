// The AI Act's part of the gate snapshot: the latest classification, whether it
// must be asked again, reviewed, and — for a high-risk system — whether its FRIA
// (accepted and notified) and EU registration are in place.
import type { AiActGateState } from "../../domain/lifecycle/snapshot.ts";
import type { Deps } from "../../platform/deps.ts";
import type { ProjectRef, SnapshotContributor } from "../projects/extension-points.ts";
import { friaState } from "./fria.ts";
import { classificationsOf, euRegistrationOf, gateDuties, redoNeeded } from "./records.ts";

export async function aiActGateState(deps: Deps, project: ProjectRef): Promise<AiActGateState> {
  const [current] = await classificationsOf(deps, project.organisationId, project.id);
  if (!current) return { status: "not_done" };
  const redo = await redoNeeded(deps, current);
  // A rejected classification is to be done again, like one the project outgrew.
  if (redo || current.review?.decision === "rejected") return { status: "redo", since: redo?.since ?? current.review!.at.slice(0, 10) };
  const duties = gateDuties(current);
  const fria = duties.fria ? await friaState(deps, project.organisationId, project.id) : null;
  const registration = duties.euRegistration ? await euRegistrationOf(deps, project.organisationId, project.id) : null;
  return {
    status: "done",
    on: current.completedAt.slice(0, 10),
    reviewed: current.review?.decision === "confirmed",
    stop: current.implications.stop?.inForce === true,
    fria: !duties.fria ? "not_required" : fria?.review === "accepted" && fria.notified ? "done" : "missing",
    euRegistration: !duties.euRegistration ? "not_required" : registration?.registration_number ? "done" : "missing",
  };
}

/**
 * One statement finds which of the projects were ever classified; the others are
 * "not done". A classified project's state is then read on its own (its review,
 * FRIA and registration): so a list costs one statement plus a few per
 * classified project on it, not per project.
 */
export const contributeAiAct: SnapshotContributor = {
  one: async (deps, project, snapshot) => {
    snapshot.aiAct = await aiActGateState(deps, project);
  },
  many: async (deps, projects, snapshots) => {
    if (projects.length === 0) return;
    const classified = new Set(
      (
        await deps.db
          .selectFrom("ai_act_classifications")
          .select("project_id")
          .distinct()
          .where("organisation_id", "=", projects[0]!.organisationId)
          .where("project_id", "in", projects.map((p) => p.id))
          .execute()
      ).map((r) => r.project_id),
    );
    for (const project of projects) {
      const snapshot = snapshots.get(project.id);
      if (!snapshot) continue;
      snapshot.aiAct = classified.has(project.id) ? await aiActGateState(deps, project) : { status: "not_done" };
    }
  },
};
