// The DEPIA of a project: an instrument response (instrument-responses) with
// versions submitted for review, verdicts per section and an overall advice by
// the FG, the ISO and any extra reviewers the organisation sets, the owner's
// acceptance of the residual risks and the prior consultation of the AP.
import { z } from "zod";
import type { DepiaState, ReviewVerdict, VerdictRecord } from "../../domain/lifecycle/snapshot.ts";
import { can, hasProjectRole, isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject, canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { requiresPriorConsultation } from "../../domain/risk/index.ts";
import { sectionStatus, prefillAnswers, type Instrument, type AnswerChange } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound, type FieldError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { diffVersions, findResponse, getOrCreateResponse, getVersion, prepareFreeze, saveAnswers, type ResponseView } from "../instrument-responses/service.ts";
import { createMeasure, listMeasures, type Measure } from "../measures/service.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { isValidDate, openProject, parseJsonValue, requireActive, userName } from "./common.ts";
import { highestResidual, risksOf, type Risk } from "./risks.ts";
import {
  effectiveSectionVerdicts,
  EXTRA_REVIEWER_ROLES,
  openReviewers,
  REVIEW_VERDICTS,
  REVIEWER_ROLES,
  requiredReviewers,
  sectionsNeedingVerdict,
  type EffectiveVerdict,
  type ExtraReviewerRole,
  type ReviewerRole,
  type SectionVerdictRecord,
} from "./rules.ts";
import { screeningRecordsOf } from "./screening.ts";

export const DEPIA_INSTRUMENT_ID = "depia";
export const CANVAS_INSTRUMENT_ID = "ethics-canvas";
export const DEPIA_LIMITS = { note: 500, advice: 4000, sectionNote: 2000, statement: 4000, reference: 200, outcome: 4000 } as const;

// ---------------------------------------------------------------- settings

/** Extra reviewer roles beside the FG and the ISO, per organisation. */
export async function extraReviewersOf(deps: Deps, organisationId: string): Promise<ExtraReviewerRole[]> {
  const row = await deps.db.selectFrom("assessment_settings").select("extra_reviewers_json").where("organisation_id", "=", organisationId).executeTakeFirst();
  const list = parseJsonValue<unknown[]>(row?.extra_reviewers_json, []);
  return EXTRA_REVIEWER_ROLES.filter((r) => list.includes(r));
}

export async function getAssessmentSettings(deps: Deps, actor: Actor): Promise<{ extraReviewers: ExtraReviewerRole[] }> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  return { extraReviewers: await extraReviewersOf(deps, actor.organisationId) };
}

export const SettingsInput = z.object({
  extraReviewers: z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",").filter(Boolean)))
    .pipe(z.array(z.enum(EXTRA_REVIEWER_ROLES, "field.invalid_choice")).max(EXTRA_REVIEWER_ROLES.length)),
});

/** The admin sets which extra roles (CISO, privacy officer) also review every DEPIA. */
export async function updateAssessmentSettings(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  const data = parseInput(SettingsInput, input);
  const before = await extraReviewersOf(deps, actor.organisationId);
  const after = EXTRA_REVIEWER_ROLES.filter((r) => data.extraReviewers.includes(r));
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    const existing = await tx.db.selectFrom("assessment_settings").select("organisation_id").where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (existing) await tx.db.updateTable("assessment_settings").set({ extra_reviewers_json: JSON.stringify(after), updated_by: actor.userId, updated_at: now }).where("organisation_id", "=", actor.organisationId).execute();
    else await tx.db.insertInto("assessment_settings").values({ organisation_id: actor.organisationId, extra_reviewers_json: JSON.stringify(after), updated_by: actor.userId, updated_at: now }).execute();
    await tx.audit({ action: "assessments.settings_updated", entityType: "organisation", entityId: actor.organisationId, before: { extraReviewers: before }, after: { extraReviewers: after } });
  });
}

// ---------------------------------------------------------------- reading

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
      changedSections: parseJsonValue<string[]>(v.changed_sections_json, []),
      risks: parseJsonValue<Risk[]>(v.risks_json, []),
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

export function latestVersion(records: DepiaRecords): DepiaVersion | null {
  return records.versions[records.versions.length - 1] ?? null;
}

function verdictRecords(records: DepiaRecords): SectionVerdictRecord[] {
  return records.reviews.flatMap((r) => r.sections.map((s) => ({ version: r.version, role: r.role, sectionId: s.sectionId, verdict: s.verdict, note: s.note })));
}

/** Roles still to review the latest version; empty when there is no version or every review is in. */
export function pendingReviewers(records: DepiaRecords): ReviewerRole[] {
  const latest = latestVersion(records);
  if (!latest) return [];
  return openReviewers(records.requiredReviewers, records.reviews.filter((r) => r.version === latest.number).map((r) => r.role));
}

/** The gate's view of the DEPIA: the latest verdict per role, acceptance, highest residual level, AP consultation. */
export async function depiaState(deps: Deps, organisationId: string, projectId: string): Promise<DepiaState> {
  const records = await depiaRecordsOf(deps, organisationId, projectId);
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
    highestResidualLevel: highestResidual(await risksOf(deps, organisationId, projectId)),
    apPriorConsultation: consultation ? { on: consultation.consultedOn } : null,
  };
}

// ---------------------------------------------------------------- starting

function depiaInstrument(deps: Deps, version?: string): Instrument {
  const found = version ? deps.instruments.get(DEPIA_INSTRUMENT_ID, version) : deps.instruments.latest(DEPIA_INSTRUMENT_ID);
  if (!found) throw new Error(`instrument ${DEPIA_INSTRUMENT_ID} ${version ?? "latest"} is not loaded`);
  return found;
}

/**
 * Starts the project's DEPIA (team): the depia response of instrument-responses,
 * with empty questions pre-filled from the canvas and the screening where the
 * instrument says `prefill_from`. Starting twice opens the existing one.
 */
export async function startDepia(deps: Deps, actor: Actor, projectId: string): Promise<string> {
  const project = await openProject(deps, actor, projectId);
  requireActive(project);
  if (!canWorkOnProject(actor, project.id)) throw forbidden();
  const existing = await deps.db.selectFrom("depias").select("id").where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).executeTakeFirst();
  if (existing) return existing.id;
  const response = await getOrCreateResponse(deps, actor, project.id, DEPIA_INSTRUMENT_ID);
  await prefill(deps, actor, project, response);
  const id = deps.newId();
  try {
    await inTransaction(deps, actor, async (tx) => {
      await tx.db.insertInto("depias").values({ id, organisation_id: actor.organisationId, project_id: project.id, response_id: response.id, created_by: actor.userId, created_at: deps.now().toISOString() }).execute();
      await tx.audit({ action: "depia.started", entityType: "project", entityId: project.id, after: { depiaId: id, responseId: response.id } });
    });
  } catch (e) {
    const raced = await deps.db.selectFrom("depias").select("id").where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).executeTakeFirst();
    if (raced) return raced.id;
    throw e;
  }
  return id;
}

async function prefill(deps: Deps, actor: Actor, project: ProjectRef, response: ResponseView): Promise<void> {
  const canvas = await findResponse(deps, actor, project.id, CANVAS_INSTRUMENT_ID).catch(() => null);
  const [screening] = await screeningRecordsOf(deps, actor.organisationId, project.id);
  const screeningAnswers = screening
    ? (await getVersion(deps, actor, screening.responseId, screening.responseVersion)).answers
    : ((await findResponse(deps, actor, project.id, "pre-dpia").catch(() => null))?.answers ?? undefined);
  const filled = prefillAnswers(depiaInstrument(deps, response.instrumentVersion), response.answers, { [CANVAS_INSTRUMENT_ID]: canvas?.answers, "pre-dpia": screeningAnswers });
  if (!filled.length) return;
  try {
    await saveAnswers(deps, actor, response.id, Object.fromEntries(filled.map((f) => [f.questionId, f.value])));
  } catch {
    // One answer that does not fit must not cost the others: save them one by one.
    for (const f of filled) await saveAnswers(deps, actor, response.id, { [f.questionId]: f.value }).catch(() => undefined);
  }
}

// ---------------------------------------------------------------- overview

export interface ReviewerStatus {
  role: ReviewerRole;
  review: DepiaReview | null;
  /** Per section of the latest version: the verdict that holds (null: a fresh verdict is needed). */
  effective: Record<string, EffectiveVerdict | null>;
}

export interface DepiaOverview {
  project: ProjectRef;
  records: DepiaRecords | null;
  response: ResponseView | null;
  latest: DepiaVersion | null;
  risks: Risk[];
  measures: Measure[];
  reviewers: ReviewerStatus[];
  pending: ReviewerRole[];
  /** Sections that apply to the latest version, in instrument order. */
  sectionIds: string[];
  instrument: Instrument;
  /** Changes in the draft since the latest version. */
  draftChanges: AnswerChange[];
  state: DepiaState;
  can: { start: boolean; edit: boolean; submit: boolean; review: ReviewerRole[]; accept: boolean; consult: boolean };
}

/** The roles this actor may review the project's DEPIA in (none for the project's own team). */
export function reviewRolesOf(actor: Actor, projectId: string, required: readonly ReviewerRole[]): ReviewerRole[] {
  if (isInvolvedIn(actor, projectId)) return [];
  return required.filter((r) => actor.organisationRoles.has(r));
}

async function versionAnswers(deps: Deps, actor: Actor, records: DepiaRecords, version: DepiaVersion) {
  return getVersion(deps, actor, records.responseId, version.responseVersion);
}

async function applicableSections(deps: Deps, actor: Actor, records: DepiaRecords, version: DepiaVersion): Promise<{ instrument: Instrument; sectionIds: string[] }> {
  const frozen = await versionAnswers(deps, actor, records, version);
  const instrument = depiaInstrument(deps, frozen.instrumentVersion);
  return { instrument, sectionIds: sectionStatus(instrument, frozen.answers).filter((s) => s.status !== "not_applicable").map((s) => s.sectionId) };
}

export async function getDepia(deps: Deps, actor: Actor, projectId: string): Promise<DepiaOverview> {
  const project = await openProject(deps, actor, projectId);
  const records = await depiaRecordsOf(deps, actor.organisationId, project.id);
  const risks = await risksOf(deps, actor.organisationId, project.id);
  const measures = await listMeasures(deps, actor, project.id);
  const state = await depiaState(deps, actor.organisationId, project.id);
  const active = !["stopped", "closed"].includes(project.phase);
  const team = canWorkOnProject(actor, project.id);
  if (!records) {
    return {
      project, records, response: null, latest: null, risks, measures, reviewers: [], pending: [], sectionIds: [], instrument: depiaInstrument(deps), draftChanges: [], state,
      can: { start: active && team, edit: false, submit: false, review: [], accept: false, consult: false },
    };
  }
  const response = await findResponse(deps, actor, project.id, DEPIA_INSTRUMENT_ID);
  const latest = latestVersion(records);
  let sectionIds: string[] = [];
  let instrument = depiaInstrument(deps, response?.instrumentVersion);
  let draftChanges: AnswerChange[] = [];
  if (latest) {
    ({ instrument, sectionIds } = await applicableSections(deps, actor, records, latest));
    draftChanges = (await diffVersions(deps, actor, records.responseId, latest.responseVersion, "current")).changes;
  }
  const verdicts = verdictRecords(records);
  const reviewers = records.requiredReviewers.map((role) => ({
    role,
    review: latest ? (records.reviews.find((r) => r.version === latest.number && r.role === role) ?? null) : null,
    effective: latest ? effectiveSectionVerdicts(records.versions, verdicts, role, latest.number, sectionIds) : {},
  }));
  const pending = pendingReviewers(records);
  const owner = hasProjectRole(actor, project.id, ["owner"]);
  return {
    project,
    records,
    response,
    latest,
    risks,
    measures,
    reviewers,
    pending,
    sectionIds,
    instrument,
    draftChanges,
    state,
    can: {
      start: false,
      edit: active && team,
      submit: active && canEditProject(actor, project.id),
      review: latest && active ? reviewRolesOf(actor, project.id, pending) : [],
      accept: active && owner && !!latest && pending.length === 0,
      consult: active && canEditProject(actor, project.id),
    },
  };
}

async function requireRecords(deps: Deps, actor: Actor, project: ProjectRef): Promise<DepiaRecords> {
  const records = await depiaRecordsOf(deps, actor.organisationId, project.id);
  if (!records) throw new AppError("rule_refused", "assessments.depia.not_started");
  return records;
}

// ---------------------------------------------------------------- versions

export const SubmitInput = z.object({ note: z.string().trim().max(DEPIA_LIMITS.note, "field.too_long").optional().default("") });

function risksChanged(a: readonly Risk[], b: readonly Risk[]): boolean {
  const strip = (rs: readonly Risk[]) => JSON.stringify(rs.map((r) => ({ n: r.number, c: r.category, v: r.values, d: r.description, i: r.inherent, r: r.residual, x: r.residualAboveInherentReason, m: r.measureIds })));
  return strip(a) !== strip(b);
}

/**
 * The owner or lead submits the DEPIA for review: the answers are frozen as the
 * next version, with the risk register as it stands and the sections changed
 * since the previous version (a changed register counts as a change to
 * section 16, risks). A new version can always be made; one without any change is refused.
 */
export async function submitDepiaVersion(deps: Deps, actor: Actor, projectId: string, input: unknown = {}): Promise<number> {
  const project = await openProject(deps, actor, projectId);
  requireActive(project);
  if (!canEditProject(actor, project.id)) throw forbidden();
  const { note } = parseInput(SubmitInput, input ?? {});
  const records = await requireRecords(deps, actor, project);
  const previous = latestVersion(records);
  const risks = await risksOf(deps, actor.organisationId, project.id);
  let changedSections: string[];
  if (previous) {
    const diff = await diffVersions(deps, actor, records.responseId, previous.responseVersion, "current");
    changedSections = [...diff.changedSections];
    if (risksChanged(previous.risks, risks)) {
      const riskSection = depiaInstrument(deps).sections.find((s) => s.id === "c16_risks")?.id;
      if (riskSection && !changedSections.includes(riskSection)) changedSections.push(riskSection);
    }
    if (changedSections.length === 0) throw new AppError("rule_refused", "assessments.depia.no_changes");
  } else {
    changedSections = depiaInstrument(deps).sections.map((s) => s.id);
  }
  const prepared = await prepareFreeze(deps, actor, records.responseId, `DEPIA`);
  const number = (previous?.number ?? 0) + 1;
  const now = deps.now().toISOString();
  const name = await userName(deps, actor);
  // The frozen answers and the DEPIA version are stored together or not at all.
  await inTransaction(deps, actor, async (tx) => {
    const frozen = await prepared.freeze(tx);
    await tx.db
      .insertInto("depia_versions")
      .values({
        id: deps.newId(),
        organisation_id: actor.organisationId,
        depia_id: records.id,
        number,
        response_version: frozen.number,
        risks_json: JSON.stringify(risks),
        changed_sections_json: JSON.stringify(changedSections),
        note,
        submitted_by: actor.userId,
        submitted_by_name: name,
        submitted_at: now,
      })
      .execute();
    await tx.audit({ action: "depia.version_submitted", entityType: "project", entityId: project.id, after: { depiaId: records.id, number, responseVersion: frozen.number, changedSections, note } });
  });
  return number;
}

export interface VersionDetail {
  overview: DepiaOverview;
  version: DepiaVersion;
  answers: Record<string, unknown>;
  instrument: Instrument;
  /** Changes against the version before; empty for version 1. */
  changes: AnswerChange[];
  isLatest: boolean;
  /** For the review form: sections of this version and what holds for each role. */
  sectionIds: string[];
}

export async function getDepiaVersion(deps: Deps, actor: Actor, projectId: string, number: number): Promise<VersionDetail> {
  const overview = await getDepia(deps, actor, projectId);
  const records = overview.records;
  const version = records?.versions.find((v) => v.number === number);
  if (!records || !version) throw notFound();
  const frozen = await versionAnswers(deps, actor, records, version);
  const previous = records.versions.find((v) => v.number === number - 1);
  const changes = previous ? (await diffVersions(deps, actor, records.responseId, previous.responseVersion, version.responseVersion)).changes : [];
  const { instrument, sectionIds } = await applicableSections(deps, actor, records, version);
  return { overview, version, answers: frozen.answers, instrument, changes, isLatest: version.number === latestVersion(records)?.number, sectionIds };
}

// ---------------------------------------------------------------- reviews

const sectionEntry = z.object({
  verdict: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.enum(REVIEW_VERDICTS, "field.invalid_choice").optional()),
  note: z.string().trim().max(DEPIA_LIMITS.sectionNote, "field.too_long").optional().default(""),
  actionOwnerUserId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || undefined),
  actionDueDate: z.string().trim().max(10, "field.date").optional().transform((v) => v || undefined),
});

export const ReviewInput = z.object({
  version: z.coerce.number().int("field.invalid").min(1, "field.invalid"),
  role: z.enum(REVIEWER_ROLES, "field.invalid_choice").optional(),
  overall: z.enum(REVIEW_VERDICTS, "field.invalid_choice"),
  advice: z.string().trim().min(1, "field.required").max(DEPIA_LIMITS.advice, "field.too_long"),
  sections: z.record(z.string().max(100), sectionEntry).optional().default({}),
});

/** Form bodies carry sections as `section.<id>.verdict` etc.; the API sends them nested. */
export function reviewInputFromForm(body: Record<string, string>): Record<string, unknown> {
  const sections: Record<string, Record<string, string>> = {};
  for (const [k, v] of Object.entries(body)) {
    const m = /^section\.([A-Za-z0-9_-]{1,100})\.(verdict|note|actionOwnerUserId|actionDueDate)$/.exec(k);
    if (m) (sections[m[1]!] ??= {})[m[2]!] = v;
  }
  return { version: body.version, role: body.role || undefined, overall: body.overall, advice: body.advice, sections };
}

/**
 * A reviewer (FG, ISO, or an extra role the organisation set) gives verdicts
 * per section and an overall advice on the latest version. Refused for anyone
 * holding a role in the project, on an outdated version, twice for one role,
 * with a section needing a fresh verdict left out, and with "acceptable" overall
 * while a section is "to correct". "Improvable" makes an action (a measure)
 * with owner and due date. Returns the review id.
 */
export async function giveReview(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  const project = await openProject(deps, actor, projectId);
  requireActive(project);
  if (isInvolvedIn(actor, project.id)) throw new AppError("forbidden", "assessments.own_project");
  const data = parseInput(ReviewInput, input);
  const records = await requireRecords(deps, actor, project);
  const mine = records.requiredReviewers.filter((r) => actor.organisationRoles.has(r));
  if (mine.length === 0) throw forbidden();
  const role = data.role ?? mine[0]!;
  if (!mine.includes(role)) throw forbidden();
  const latest = latestVersion(records);
  if (!latest || !records.versions.some((v) => v.number === data.version)) throw notFound();
  if (data.version !== latest.number) throw new AppError("rule_refused", "assessments.review.outdated_version", { params: { version: data.version, latest: latest.number } });
  if (records.reviews.some((r) => r.version === latest.number && r.role === role)) throw new AppError("conflict", "assessments.review.already_given");

  const { sectionIds, instrument } = await applicableSections(deps, actor, records, latest);
  const effective = effectiveSectionVerdicts(records.versions, verdictRecords(records), role, latest.number, sectionIds);
  const errors: FieldError[] = [];
  for (const id of Object.keys(data.sections)) if (!sectionIds.includes(id)) errors.push({ field: `section.${id}.verdict`, messageKey: "assessments.review.unknown_section" });
  for (const id of sectionsNeedingVerdict(effective)) if (!data.sections[id]?.verdict) errors.push({ field: `section.${id}.verdict`, messageKey: "assessments.review.section_required" });
  const improvable = Object.entries(data.sections).filter(([, s]) => s.verdict === "improvable");
  for (const [id, s] of improvable) {
    if (!s.actionOwnerUserId) errors.push({ field: `section.${id}.actionOwnerUserId`, messageKey: "assessments.review.action_owner_required" });
    if (!s.actionDueDate || !isValidDate(s.actionDueDate)) errors.push({ field: `section.${id}.actionDueDate`, messageKey: "assessments.review.action_date_required" });
  }
  const owners = [...new Set(improvable.map(([, s]) => s.actionOwnerUserId).filter((x): x is string => !!x))];
  if (owners.length) {
    const found = await deps.db.selectFrom("users").select("id").where("organisation_id", "=", actor.organisationId).where("active", "=", 1).where("id", "in", owners).execute();
    for (const [id, s] of improvable) if (s.actionOwnerUserId && !found.some((f) => f.id === s.actionOwnerUserId)) errors.push({ field: `section.${id}.actionOwnerUserId`, messageKey: "assessments.review.action_owner_unknown" });
  }
  if (errors.length) throw invalid(errors);
  const given = Object.entries(data.sections).filter((e): e is [string, typeof e[1] & { verdict: ReviewVerdict }] => !!e[1].verdict);
  const holding = sectionIds.map((id) => data.sections[id]?.verdict ?? effective[id]?.verdict);
  if (data.overall === "acceptable" && holding.includes("to_correct")) throw invalid([{ field: "overall", messageKey: "assessments.review.acceptable_with_to_correct" }]);

  // The actions are measures of the measures feature; made first, so every verdict can point at its action.
  const reviewId = deps.newId();
  const sectionTitle = (id: string) => instrument.sections.find((s) => s.id === id)?.title.nl ?? id;
  const measureIds = new Map<string, string>();
  for (const [id, s] of improvable) {
    measureIds.set(
      id,
      await createMeasure(deps, actor, {
        projectId: project.id,
        title: `DEPIA v${latest.number}: ${sectionTitle(id)}`.slice(0, 200),
        description: s.note,
        ownerUserId: s.actionOwnerUserId,
        dueDate: s.actionDueDate,
        source: { type: "finding", id: reviewId },
      }),
    );
  }
  const now = deps.now().toISOString();
  const name = await userName(deps, actor);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("depia_reviews")
      .values({ id: reviewId, organisation_id: actor.organisationId, depia_id: records.id, version_number: latest.number, reviewer_role: role, reviewer_id: actor.userId, reviewer_name: name, overall: data.overall, advice: data.advice, given_at: now })
      .execute();
    for (const [sectionId, s] of given) {
      await tx.db
        .insertInto("depia_section_verdicts")
        .values({ id: deps.newId(), organisation_id: actor.organisationId, review_id: reviewId, depia_id: records.id, version_number: latest.number, reviewer_role: role, section_id: sectionId, verdict: s.verdict, note: s.note, measure_id: measureIds.get(sectionId) ?? null })
        .execute();
    }
    await tx.audit({
      action: "depia.review_given",
      entityType: "project",
      entityId: project.id,
      after: { depiaId: records.id, version: latest.number, role, overall: data.overall, advice: data.advice, sections: Object.fromEntries(given.map(([id, s]) => [id, s.verdict])), actions: Object.fromEntries(measureIds) },
    });
  });
  return reviewId;
}

// ---------------------------------------------------------------- acceptance and AP

export const AcceptanceInput = z.object({
  version: z.coerce.number().int("field.invalid").min(1, "field.invalid").optional(),
  statement: z.string().trim().min(1, "field.required").max(DEPIA_LIMITS.statement, "field.too_long"),
});

/**
 * The owner accepts the residual risks of the latest version in a recorded
 * statement. Refused while a review of that version is open, while a reviewer
 * finds a part "to correct", while a risk has no residual score, and on an
 * outdated version.
 */
export async function acceptResidualRisks(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  const project = await openProject(deps, actor, projectId);
  requireActive(project);
  if (!hasProjectRole(actor, project.id, ["owner"])) throw forbidden();
  const data = parseInput(AcceptanceInput, input);
  const records = await requireRecords(deps, actor, project);
  const latest = latestVersion(records);
  if (!latest) throw new AppError("rule_refused", "assessments.acceptance.no_version");
  if (data.version !== undefined && data.version !== latest.number) throw new AppError("rule_refused", "assessments.acceptance.outdated_version", { params: { version: data.version, latest: latest.number } });
  if (pendingReviewers(records).length) throw new AppError("rule_refused", "assessments.acceptance.review_open");
  if (records.reviews.some((r) => r.version === latest.number && r.overall === "to_correct")) throw new AppError("rule_refused", "assessments.acceptance.to_correct");
  const risks = await risksOf(deps, actor.organisationId, project.id);
  if (risks.some((r) => !r.residual)) throw new AppError("rule_refused", "assessments.acceptance.unscored_risks");
  const id = deps.newId();
  const now = deps.now().toISOString();
  const name = await userName(deps, actor);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("residual_acceptances")
      .values({ id, organisation_id: actor.organisationId, project_id: project.id, depia_id: records.id, version_number: latest.number, statement: data.statement, accepted_by: actor.userId, accepted_by_name: name, accepted_at: now })
      .execute();
    await tx.db.updateTable("risks").set({ accepted_by: actor.userId, accepted_by_name: name, accepted_at: now }).where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).execute();
    await tx.audit({
      action: "depia.residual_risks_accepted",
      entityType: "project",
      entityId: project.id,
      after: { depiaId: records.id, version: latest.number, statement: data.statement, highestResidual: highestResidual(risks), priorConsultationNeeded: risks.some((r) => r.residual && requiresPriorConsultation(r.residual.level)) },
    });
  });
  return id;
}

export const ApConsultationInput = z.object({
  consultedOn: z.string().trim().min(1, "field.required").max(10, "field.date").refine(isValidDate, "field.date"),
  reference: z.string().trim().min(1, "field.required").max(DEPIA_LIMITS.reference, "field.too_long"),
  outcome: z.string().trim().min(1, "field.required").max(DEPIA_LIMITS.outcome, "field.too_long"),
});

/** The owner or lead records the prior consultation of the Autoriteit Persoonsgegevens (AVG art. 36). */
export async function recordApConsultation(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  const project = await openProject(deps, actor, projectId);
  requireActive(project);
  if (!canEditProject(actor, project.id)) throw forbidden();
  const data = parseInput(ApConsultationInput, input);
  const records = await requireRecords(deps, actor, project);
  const id = deps.newId();
  const now = deps.now().toISOString();
  const name = await userName(deps, actor);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("ap_consultations")
      .values({ id, organisation_id: actor.organisationId, project_id: project.id, depia_id: records.id, consulted_on: data.consultedOn, reference: data.reference, outcome: data.outcome, recorded_by: actor.userId, recorded_by_name: name, recorded_at: now })
      .execute();
    await tx.audit({ action: "depia.ap_consultation_recorded", entityType: "project", entityId: project.id, after: { depiaId: records.id, ...data } });
  });
  return id;
}
