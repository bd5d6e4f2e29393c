// The evidence Afweging holds for a project, as the framework's evidence links
// read it. The gate snapshot gives the screening, DEPIA, contract, canvas and
// advice; bias audits are counted; other features (the AI Act classification,
// the FRIA, the EU registration, the register, AI literacy) contribute through
// the akEvidenceSources extension point.
import { NO_EVIDENCE } from "../../domain/algoritmekader/index.ts";
import type { DepiaState } from "../../domain/lifecycle/snapshot.ts";
import type { EvidenceFacts } from "../../law/algoritmekader/index.ts";
import type { Deps } from "../../platform/deps.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { buildSnapshot } from "../projects/service.ts";

/** A feature's part of a project's evidence facts. */
export type AkEvidenceSource = (deps: Deps, project: ProjectRef) => Promise<Partial<EvidenceFacts>>;

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Facts about a project's evidence for the Algoritmekader's requirements. */
    akEvidenceSources: AkEvidenceSource;
  }
}

/** The DEPIA as a fact: accepted when the DPO and the ISO judged its current version acceptable; reopened when a later version or verdict undid that. */
export function depiaFact(d: DepiaState): EvidenceFacts["depia"] {
  if (!d.exists) return "none";
  const ok = (r: typeof d.fg) => r?.verdict === "acceptable" && r.version === d.currentVersion;
  if (ok(d.fg) && ok(d.iso)) return "accepted";
  const judged = [d.fg, d.iso].filter((r) => r !== null);
  if (judged.some((r) => r!.verdict !== "acceptable" || r!.version !== d.currentVersion)) return "reviews_reopened";
  return "in_progress";
}

export async function evidenceFacts(deps: Deps, project: ProjectRef): Promise<EvidenceFacts> {
  const s = await buildSnapshot(deps, project);
  const audits = await deps.db
    .selectFrom("bias_audits")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", project.organisationId)
    .where("project_id", "=", project.id)
    .where("status", "=", "done")
    .executeTakeFirst();
  const screening: EvidenceFacts["screening"] =
    s.screening.status !== "done" ? "none" : s.screening.outcome === "required" ? "depia_required" : s.screening.outcome === "recommended" ? "depia_recommended" : "depia_not_required";
  const facts: EvidenceFacts = {
    ...NO_EVIDENCE,
    screening,
    depia: depiaFact(s.depia),
    biasAudits: Number(audits?.n ?? 0),
    contractSignedOff: s.supplier.involved && s.supplier.contractSignedOff,
    canvasComplete: s.canvas.status === "complete",
    expertAdviceAnswered: s.expertAdvice.status === "given" && s.expertAdvice.recommendationsAnswered >= s.expertAdvice.recommendationsTotal,
  };
  for (const source of deps.extensions.get("akEvidenceSources")) Object.assign(facts, await source(deps, project));
  return facts;
}
