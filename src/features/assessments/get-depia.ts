import type { DepiaState } from "../../domain/lifecycle/snapshot.ts";
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject, canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { AnswerChange, Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { diffVersions, findResponse, type ResponseView } from "../instrument-responses/service.ts";
import { listMeasures, type Measure } from "../measures/service.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { isActive, openProject } from "./common.ts";
import {
  acceptedAlready,
  applicableSections,
  DEPIA_INSTRUMENT_ID,
  depiaInstrument,
  depiaRecordsOf,
  latestVersion,
  pendingReviewers,
  reviewRolesOf,
  stateOf,
  verdictRecords,
  versionAnswers,
  type DepiaRecords,
  type DepiaReview,
  type DepiaVersion,
} from "./depia-records.ts";
import { risksOf, type Risk } from "./risk-register.ts";
import { effectiveSectionVerdicts, type EffectiveVerdict, type ReviewerRole } from "./rules.ts";

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

/** What the actor may do on the DEPIA page. */
function permissionsOn(actor: Actor, project: ProjectRef, records: DepiaRecords, risks: readonly Risk[]): DepiaOverview["can"] {
  const active = isActive(project);
  const latest = latestVersion(records);
  const pending = pendingReviewers(records);
  const owner = hasProjectRole(actor, project.id, ["owner"]);
  return {
    start: false,
    edit: active && canWorkOnProject(actor, project.id),
    submit: active && canEditProject(actor, project.id),
    review: latest && active ? reviewRolesOf(actor, project.id, pending) : [],
    accept: active && owner && !!latest && pending.length === 0 && !acceptedAlready(records, latest.number, risks),
    consult: active && canEditProject(actor, project.id),
  };
}

export async function getDepia(deps: Deps, actor: Actor, projectId: string): Promise<DepiaOverview> {
  const project = await openProject(deps, actor, projectId);
  const records = await depiaRecordsOf(deps, actor.organisationId, project.id);
  const risks = await risksOf(deps, actor.organisationId, project.id);
  const measures = await listMeasures(deps, actor, project.id);
  const state = stateOf(records, risks);
  if (!records) {
    const can = { start: isActive(project) && canWorkOnProject(actor, project.id), edit: false, submit: false, review: [], accept: false, consult: false };
    return { project, records, response: null, latest: null, risks, measures, reviewers: [], pending: [], sectionIds: [], instrument: depiaInstrument(deps), draftChanges: [], state, can };
  }
  const response = await findResponse(deps, actor, project.id, DEPIA_INSTRUMENT_ID, { project });
  const latest = latestVersion(records);
  let sectionIds: string[] = [];
  let instrument = depiaInstrument(deps, response?.instrumentVersion);
  let draftChanges: AnswerChange[] = [];
  if (latest) {
    ({ instrument, sectionIds } = await applicableSections(deps, actor, records, latest, project));
    draftChanges = (await diffVersions(deps, actor, records.responseId, latest.responseVersion, "current", { project })).changes;
  }
  const verdicts = verdictRecords(records);
  const reviewers = records.requiredReviewers.map((role) => ({
    role,
    review: latest ? (records.reviews.find((r) => r.version === latest.number && r.role === role) ?? null) : null,
    effective: latest ? effectiveSectionVerdicts(records.versions, verdicts, role, latest.number, sectionIds) : {},
  }));
  return { project, records, response, latest, risks, measures, reviewers, pending: pendingReviewers(records), sectionIds, instrument, draftChanges, state, can: permissionsOn(actor, project, records, risks) };
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
  const { records, project } = overview;
  const version = records?.versions.find((v) => v.number === number);
  if (!records || !version) throw notFound();
  const frozen = await versionAnswers(deps, actor, records, version, project);
  const previous = records.versions.find((v) => v.number === number - 1);
  const changes = previous ? (await diffVersions(deps, actor, records.responseId, previous.responseVersion, version.responseVersion, { project })).changes : [];
  const { instrument, sectionIds } = await applicableSections(deps, actor, records, version, project);
  return { overview, version, answers: frozen.answers, instrument, changes, isLatest: version.number === latestVersion(records)?.number, sectionIds };
}
