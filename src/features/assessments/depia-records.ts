// What is recorded about a project's DEPIA: versions, reviews with their
// verdicts per section, acceptances of the residual risks and consultations of
// the AP; read without an acting user (inside one organisation) for the gate
// snapshot, the exports and the use cases, which check the actor themselves.
import type { DepiaState, ReviewVerdict, VerdictRecord } from "../../domain/lifecycle/snapshot.ts";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { sectionStatus, type Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { getVersion } from "../instrument-responses/service.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { parseJsonValue, parseStringList } from "./common.ts";
import { highestResidual, risksOf, type Risk } from "./risk-register.ts";
import { EXTRA_REVIEWER_ROLES, openReviewers, requiredReviewers, type ExtraReviewerRole, type ReviewerRole, type SectionVerdictRecord } from "./rules.ts";

export const DEPIA_INSTRUMENT_ID = "depia";
export const CANVAS_INSTRUMENT_ID = "ethics-canvas";
export const DEPIA_LIMITS = { note: 500, advice: 4000, sectionNote: 2000, statement: 4000, reference: 200, outcome: 4000 } as const;

export interface DepiaVersion {
  number: number;
  responseVersion: number;
  changedSections: string[];
  risks: Risk[];
  note: string;
  submittedByName: string;
  submittedAt: string;
}

export interface SectionVerdict {
  sectionId: string;
  verdict: ReviewVerdict;
  note: string;
  measureId: string | null;
}

export interface DepiaReview {
  id: string;
  version: number;
  role: ReviewerRole;
  reviewerName: string;
  overall: ReviewVerdict;
  advice: string;
  givenAt: string;
  sections: SectionVerdict[];
}

export interface ResidualAcceptance {
  id: string;
  version: number;
  statement: string;
  acceptedByName: string;
  acceptedAt: string;
}

export interface ApConsultation {
  id: string;
  consultedOn: string;
  reference: string;
  outcome: string;
  recordedByName: string;
  recordedAt: string;
}

/** Everything recorded about a project's DEPIA, without an acting user. */
export interface DepiaRecords {
  id: string;
  projectId: string;
  responseId: string;
  createdAt: string;
  versions: DepiaVersion[];
  reviews: DepiaReview[];
  acceptances: ResidualAcceptance[];
  consultations: ApConsultation[];
  requiredReviewers: ReviewerRole[];
}

/** Extra reviewer roles beside the FG and the ISO, per organisation. */
export async function extraReviewersOf(deps: Deps, organisationId: string): Promise<ExtraReviewerRole[]> {
  const row = await deps.db.selectFrom("assessment_settings").select("extra_reviewers_json").where("organisation_id", "=", organisationId).executeTakeFirst();
  const list = parseStringList(row?.extra_reviewers_json);
  return EXTRA_REVIEWER_ROLES.filter((r) => list.includes(r));
}

export async function depiaIdOf(deps: Deps, organisationId: string, projectId: string): Promise<string | null> {
  const row = await deps.db.selectFrom("depias").select("id").where("organisation_id", "=", organisationId).where("project_id", "=", projectId).executeTakeFirst();
  return row?.id ?? null;
}

export async function depiaRecordsOf(deps: Deps, organisationId: string, projectId: string): Promise<DepiaRecords | null> {
  const depia = await deps.db.selectFrom("depias").selectAll().where("organisation_id", "=", organisationId).where("project_id", "=", projectId).executeTakeFirst();
  if (!depia) return null;
  const [versions, reviews, verdicts, acceptances, consultations] = await Promise.all([
    deps.db.selectFrom("depia_versions").selectAll().where("organisation_id", "=", organisationId).where("depia_id", "=", depia.id).orderBy("number").execute(),
    deps.db.selectFrom("depia_reviews").selectAll().where("organisation_id", "=", organisationId).where("depia_id", "=", depia.id).orderBy("version_number").orderBy("given_at").execute(),
    deps.db.selectFrom("depia_section_verdicts").selectAll().where("organisation_id", "=", organisationId).where("depia_id", "=", depia.id).execute(),
    deps.db.selectFrom("residual_acceptances").selectAll().where("organisation_id", "=", organisationId).where("depia_id", "=", depia.id).orderBy("accepted_at").execute(),
    deps.db.selectFrom("ap_consultations").selectAll().where("organisation_id", "=", organisationId).where("depia_id", "=", depia.id).orderBy("recorded_at").execute(),
  ]);
  return {
    id: depia.id,
    projectId: depia.project_id,
    responseId: depia.response_id,
    createdAt: depia.created_at,
    versions: versions.map((v) => ({
      number: v.number,
      responseVersion: v.response_version,
      changedSections: parseStringList(v.changed_sections_json),
      risks: parseJsonValue<Risk[]>(v.risks_json, [], Array.isArray),
      note: v.note,
      submittedByName: v.submitted_by_name,
      submittedAt: v.submitted_at,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      version: r.version_number,
      role: r.reviewer_role as ReviewerRole,
      reviewerName: r.reviewer_name,
      overall: r.overall as ReviewVerdict,
      advice: r.advice,
      givenAt: r.given_at,
      sections: verdicts.filter((v) => v.review_id === r.id).map((v) => ({ sectionId: v.section_id, verdict: v.verdict as ReviewVerdict, note: v.note, measureId: v.measure_id })),
    })),
    acceptances: acceptances.map((a) => ({ id: a.id, version: a.version_number, statement: a.statement, acceptedByName: a.accepted_by_name, acceptedAt: a.accepted_at })),
    consultations: consultations.map((c) => ({ id: c.id, consultedOn: c.consulted_on, reference: c.reference, outcome: c.outcome, recordedByName: c.recorded_by_name, recordedAt: c.recorded_at })),
    requiredReviewers: requiredReviewers(await extraReviewersOf(deps, organisationId)),
  };
}

/** The DEPIA's records for a use case that needs them; refused before the DEPIA was started. */
export async function requireRecords(deps: Deps, actor: Actor, project: ProjectRef): Promise<DepiaRecords> {
  const records = await depiaRecordsOf(deps, actor.organisationId, project.id);
  if (!records) throw new AppError("rule_refused", "assessments.depia.not_started");
  return records;
}

export function latestVersion(records: DepiaRecords): DepiaVersion | null {
  return records.versions[records.versions.length - 1] ?? null;
}

export function verdictRecords(records: DepiaRecords): SectionVerdictRecord[] {
  return records.reviews.flatMap((r) => r.sections.map((s) => ({ version: r.version, role: r.role, sectionId: s.sectionId, verdict: s.verdict, note: s.note })));
}

/** Roles still to review the latest version; empty when there is no version or every review is in. */
export function pendingReviewers(records: DepiaRecords): ReviewerRole[] {
  const latest = latestVersion(records);
  if (!latest) return [];
  return openReviewers(records.requiredReviewers, records.reviews.filter((r) => r.version === latest.number).map((r) => r.role));
}

/** The roles this actor may review the project's DEPIA in (none for the project's own team). */
export function reviewRolesOf(actor: Actor, projectId: string, required: readonly ReviewerRole[]): ReviewerRole[] {
  if (isInvolvedIn(actor, projectId)) return [];
  return required.filter((r) => actor.organisationRoles.has(r));
}

/** Whether the owner accepted the residual risks of this version and no risk changed since (a change clears the acceptance on the risks). */
export function acceptedAlready(records: DepiaRecords, version: number, risks: readonly Risk[]): boolean {
  return records.acceptances.some((a) => a.version === version) && risks.every((r) => r.accepted !== null);
}

/** The gate's view of the DEPIA: the latest verdict per role, acceptance, highest residual level, AP consultation. */
export async function depiaState(deps: Deps, organisationId: string, projectId: string): Promise<DepiaState> {
  const records = await depiaRecordsOf(deps, organisationId, projectId);
  return records ? stateOf(records, await risksOf(deps, organisationId, projectId)) : { exists: false };
}

/** The same from records and risks already read. */
export function stateOf(records: DepiaRecords | null, risks: readonly Risk[]): DepiaState {
  if (!records) return { exists: false };
  const latest = latestVersion(records);
  const verdictOf = (role: ReviewerRole): VerdictRecord | null => {
    const r = [...records.reviews].reverse().find((x) => x.role === role);
    return r ? { verdict: r.overall, version: r.version, on: r.givenAt } : null;
  };
  const acceptance = records.acceptances[records.acceptances.length - 1];
  const consultation = records.consultations[records.consultations.length - 1];
  return {
    exists: true,
    // Before the first submission the draft is to become version 1.
    currentVersion: latest?.number ?? 1,
    ...(latest ? { submittedOn: latest.submittedAt } : {}),
    fg: verdictOf("fg"),
    iso: verdictOf("iso"),
    residualRiskAcceptance: acceptance ? { version: acceptance.version, on: acceptance.acceptedAt } : null,
    highestResidualLevel: highestResidual(risks),
    apPriorConsultation: consultation ? { on: consultation.consultedOn } : null,
  };
}

export function depiaInstrument(deps: Deps, version?: string): Instrument {
  const found = version ? deps.instruments.get(DEPIA_INSTRUMENT_ID, version) : deps.instruments.latest(DEPIA_INSTRUMENT_ID);
  if (!found) throw new Error(`instrument ${DEPIA_INSTRUMENT_ID} ${version ?? "latest"} is not loaded`);
  return found;
}

/** The frozen answers of a DEPIA version. */
export function versionAnswers(deps: Deps, actor: Actor, records: DepiaRecords, version: DepiaVersion, project?: ProjectRef) {
  return getVersion(deps, actor, records.responseId, version.responseVersion, { project });
}

/** The instrument of a version and the sections that apply to its answers, in instrument order. */
export async function applicableSections(deps: Deps, actor: Actor, records: DepiaRecords, version: DepiaVersion, project?: ProjectRef): Promise<{ instrument: Instrument; sectionIds: string[] }> {
  const frozen = await versionAnswers(deps, actor, records, version, project);
  const instrument = depiaInstrument(deps, frozen.instrumentVersion);
  return { instrument, sectionIds: sectionStatus(instrument, frozen.answers).filter((s) => s.status !== "not_applicable").map((s) => s.sectionId) };
}
