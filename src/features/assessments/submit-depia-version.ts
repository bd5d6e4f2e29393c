import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { diffVersions, freezeAnswers } from "../instrument-responses/service.ts";
import { lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { requireActive, userName } from "./common.ts";
import { DEPIA_LIMITS, depiaInstrument, latestVersion, requireRecords, type DepiaRecords, type DepiaVersion } from "./depia-records.ts";
import { risksOf, type Risk } from "./risk-register.ts";

export const SubmitInput = z.object({ note: z.string().trim().max(DEPIA_LIMITS.note, "field.too_long").optional().default("") });

/** The section a changed risk register counts as a change to. */
const RISK_SECTION = "c16_risks";

function risksChanged(a: readonly Risk[], b: readonly Risk[]): boolean {
  const strip = (rs: readonly Risk[]) => JSON.stringify(rs.map((r) => ({ n: r.number, c: r.category, v: r.values, d: r.description, i: r.inherent, r: r.residual, x: r.residualAboveInherentReason, m: r.measureIds })));
  return strip(a) !== strip(b);
}

/** Sections changed since the previous version: every section for the first; none is refused. */
async function changedSince(tx: Tx, actor: Actor, project: ProjectRef, records: DepiaRecords, previous: DepiaVersion | null, risks: readonly Risk[]): Promise<string[]> {
  const instrument = depiaInstrument(tx);
  if (!previous) return instrument.sections.map((s) => s.id);
  const changed = [...(await diffVersions(tx, actor, records.responseId, previous.responseVersion, "current", { project })).changedSections];
  if (risksChanged(previous.risks, risks) && instrument.sections.some((s) => s.id === RISK_SECTION) && !changed.includes(RISK_SECTION)) changed.push(RISK_SECTION);
  if (changed.length === 0) throw new AppError("rule_refused", "assessments.depia.no_changes");
  return changed;
}

/**
 * The owner or lead submits the DEPIA for review: the answers are frozen as the
 * next version, with the risk register as it stands and the sections changed
 * since the previous version (a changed register counts as a change to
 * section 16, risks). A new version can always be made; one without any change
 * is refused. The project is opened once and locked: the frozen answers and the
 * DEPIA version are stored together or not at all.
 */
export async function submitDepiaVersion(deps: Deps, actor: Actor, projectId: string, input: unknown = {}): Promise<number> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (!canEditProject(actor, project.id)) throw forbidden();
    const { note } = parseInput(SubmitInput, input ?? {});
    const records = await requireRecords(tx, actor, project);
    const previous = latestVersion(records);
    const risks = await risksOf(tx, actor.organisationId, project.id);
    const changedSections = await changedSince(tx, actor, project, records, previous, risks);
    const frozen = await freezeAnswers(tx, actor, records.responseId, { note: "DEPIA", project });
    const number = (previous?.number ?? 0) + 1;
    await tx.db
      .insertInto("depia_versions")
      .values({
        id: tx.newId(),
        organisation_id: actor.organisationId,
        depia_id: records.id,
        number,
        response_version: frozen.number,
        risks_json: JSON.stringify(risks),
        changed_sections_json: JSON.stringify(changedSections),
        note,
        submitted_by: actor.userId,
        submitted_by_name: await userName(tx, actor),
        submitted_at: tx.now().toISOString(),
      })
      .execute();
    await tx.audit({ action: "depia.version_submitted", entityType: "project", entityId: project.id, after: { depiaId: records.id, number, responseVersion: frozen.number, changedSections, note } });
    return number;
  });
}
