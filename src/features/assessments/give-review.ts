import { z } from "zod";
import type { ReviewVerdict } from "../../domain/lifecycle/snapshot.ts";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import type { Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound, type FieldError } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { createMeasure, MEASURE_LIMITS } from "../measures/service.ts";
import { lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { DATE_MAX, isValidDate, requireActive, USER_ID_MAX, userName } from "./common.ts";
import { applicableSections, DEPIA_LIMITS, latestVersion, requireRecords, verdictRecords, type DepiaRecords, type DepiaVersion } from "./depia-records.ts";
import { effectiveSectionVerdicts, REVIEW_VERDICTS, REVIEWER_ROLES, sectionsNeedingVerdict, type EffectiveVerdict, type ReviewerRole } from "./rules.ts";
import { notify } from "../../platform/notify.ts";

const SECTION_ID_MAX = 100;

const sectionEntry = z.object({
  verdict: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.enum(REVIEW_VERDICTS, "field.invalid_choice").optional()),
  note: z.string().trim().max(DEPIA_LIMITS.sectionNote, "field.too_long").optional().default(""),
  actionOwnerUserId: z.string().trim().max(USER_ID_MAX, "field.too_long").optional().transform((v) => v || undefined),
  actionDueDate: z.string().trim().max(DATE_MAX, "field.date").optional().transform((v) => v || undefined),
});

export const ReviewInput = z.object({
  version: z.coerce.number().int("field.invalid").min(1, "field.invalid"),
  role: z.enum(REVIEWER_ROLES, "field.invalid_choice").optional(),
  overall: z.enum(REVIEW_VERDICTS, "field.invalid_choice"),
  advice: z.string().trim().min(1, "field.required").max(DEPIA_LIMITS.advice, "field.too_long"),
  sections: z.record(z.string().max(SECTION_ID_MAX), sectionEntry).optional().default({}),
});
type Review = z.infer<typeof ReviewInput>;
type SectionEntry = z.infer<typeof sectionEntry>;

/** Form bodies carry sections as `section.<id>.verdict` etc.; the API sends them nested. */
export function reviewInputFromForm(body: Record<string, string>): Record<string, unknown> {
  const sections: Record<string, Record<string, string>> = {};
  for (const [k, v] of Object.entries(body)) {
    const m = /^section\.([A-Za-z0-9_-]{1,100})\.(verdict|note|actionOwnerUserId|actionDueDate)$/.exec(k);
    if (m) (sections[m[1]!] ??= {})[m[2]!] = v;
  }
  return { version: body.version, role: body.role || undefined, overall: body.overall, advice: body.advice, sections };
}

/** The role the actor reviews in: one the organisation asks a review from and the actor holds. */
function reviewerRole(actor: Actor, records: DepiaRecords, requested: ReviewerRole | undefined): ReviewerRole {
  const mine = records.requiredReviewers.filter((r) => actor.organisationRoles.has(r));
  const role = requested ?? mine[0];
  if (!role || !mine.includes(role)) throw forbidden();
  return role;
}

/** The version reviewed must be the latest, and not yet reviewed in this role. */
function versionToReview(records: DepiaRecords, version: number, role: ReviewerRole): DepiaVersion {
  const latest = latestVersion(records);
  if (!latest || !records.versions.some((v) => v.number === version)) throw notFound();
  if (version !== latest.number) throw new AppError("rule_refused", "assessments.review.outdated_version", { params: { version, latest: latest.number } });
  // Someone in this role gave a review meanwhile (a second tab, a double click): it stands; this one is not stored.
  if (records.reviews.some((r) => r.version === latest.number && r.role === role)) throw new AppError("conflict", "assessments.review.already_given");
  return latest;
}

/** What is wrong with the verdicts: unknown or missing sections, "improvable" without an owner or date. */
async function sectionErrors(tx: Tx, actor: Actor, data: Review, sectionIds: string[], effective: Record<string, EffectiveVerdict | null>): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const at = (id: string, field: string) => `section.${id}.${field}`;
  for (const id of Object.keys(data.sections)) if (!sectionIds.includes(id)) errors.push({ field: at(id, "verdict"), messageKey: "assessments.review.unknown_section" });
  for (const id of sectionsNeedingVerdict(effective)) if (!data.sections[id]?.verdict) errors.push({ field: at(id, "verdict"), messageKey: "assessments.review.section_required" });
  const improvable = improvableSections(data);
  for (const [id, s] of improvable) {
    if (!s.actionOwnerUserId) errors.push({ field: at(id, "actionOwnerUserId"), messageKey: "assessments.review.action_owner_required" });
    if (!s.actionDueDate || !isValidDate(s.actionDueDate)) errors.push({ field: at(id, "actionDueDate"), messageKey: "assessments.review.action_date_required" });
  }
  const owners = [...new Set(improvable.map(([, s]) => s.actionOwnerUserId).filter((x): x is string => !!x))];
  if (owners.length) {
    const found = await tx.db.selectFrom("users").select("id").where("organisation_id", "=", actor.organisationId).where("active", "=", 1).where("id", "in", owners).execute();
    for (const [id, s] of improvable) if (s.actionOwnerUserId && !found.some((f) => f.id === s.actionOwnerUserId)) errors.push({ field: at(id, "actionOwnerUserId"), messageKey: "assessments.review.action_owner_unknown" });
  }
  return errors;
}

function improvableSections(data: Review): [string, SectionEntry][] {
  return Object.entries(data.sections).filter(([, s]) => s.verdict === "improvable");
}

/** "Improvable" sections become actions: measures of the measures feature, in the review's transaction. */
async function createActions(tx: Tx, actor: Actor, project: ProjectRef, version: DepiaVersion, instrument: Instrument, data: Review, reviewId: string): Promise<Map<string, string>> {
  const sectionTitle = (id: string) => instrument.sections.find((s) => s.id === id)?.title.nl ?? id;
  const measureIds = new Map<string, string>();
  for (const [id, s] of improvableSections(data)) {
    const title = `DEPIA v${version.number}: ${sectionTitle(id)}`.slice(0, MEASURE_LIMITS.title);
    measureIds.set(id, await createMeasure(tx, actor, { projectId: project.id, title, description: s.note, ownerUserId: s.actionOwnerUserId, dueDate: s.actionDueDate, source: { type: "finding", id: reviewId } }));
  }
  return measureIds;
}

/**
 * A reviewer (FG, ISO, or an extra role the organisation set) gives verdicts
 * per section and an overall advice on the latest version. Refused for anyone
 * holding a role in the project, on an outdated version, twice for one role
 * (a conflict), with a section needing a fresh verdict left out, and with
 * "acceptable" overall while a section is "to correct". "Improvable" makes an
 * action (a measure) with owner and due date, stored with the review. The
 * project stays locked from the first read to the last write. Returns the review id.
 */
export async function giveReview(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (isInvolvedIn(actor, project.id)) throw new AppError("forbidden", "assessments.own_project");
    const data = parseInput(ReviewInput, input);
    const records = await requireRecords(tx, actor, project);
    const role = reviewerRole(actor, records, data.role);
    const latest = versionToReview(records, data.version, role);
    const { sectionIds, instrument } = await applicableSections(tx, actor, records, latest, project);
    const effective = effectiveSectionVerdicts(records.versions, verdictRecords(records), role, latest.number, sectionIds);
    const errors = await sectionErrors(tx, actor, data, sectionIds, effective);
    if (errors.length) throw invalid(errors);
    const holding = sectionIds.map((id) => data.sections[id]?.verdict ?? effective[id]?.verdict);
    if (data.overall === "acceptable" && holding.includes("to_correct")) throw invalid([{ field: "overall", messageKey: "assessments.review.acceptable_with_to_correct" }]);

    const reviewId = tx.newId();
    const measureIds = await createActions(tx, actor, project, latest, instrument, data, reviewId);
    const given = Object.entries(data.sections).filter((e): e is [string, SectionEntry & { verdict: ReviewVerdict }] => !!e[1].verdict);
    await tx.db
      .insertInto("depia_reviews")
      .values({ id: reviewId, organisation_id: actor.organisationId, depia_id: records.id, version_number: latest.number, reviewer_role: role, reviewer_id: actor.userId, reviewer_name: await userName(tx, actor), overall: data.overall, advice: data.advice, given_at: tx.now().toISOString() })
      .execute();
    for (const [sectionId, s] of given) {
      await tx.db
        .insertInto("depia_section_verdicts")
        .values({ id: tx.newId(), organisation_id: actor.organisationId, review_id: reviewId, depia_id: records.id, version_number: latest.number, reviewer_role: role, section_id: sectionId, verdict: s.verdict, note: s.note, measure_id: measureIds.get(sectionId) ?? null })
        .execute();
    }
    await tx.audit({
      action: "depia.review_given",
      entityType: "project",
      entityId: project.id,
      after: { depiaId: records.id, version: latest.number, role, overall: data.overall, advice: data.advice, sections: Object.fromEntries(given.map(([id, s]) => [id, s.verdict])), actions: Object.fromEntries(measureIds) },
    });
    await notify(tx, { organisationId: actor.organisationId, projectId: project.id, projectRoles: ["owner", "lead"], kind: "outcome", key: `depia-review:${reviewId}`, message: { key: "notifications.event.review_given" }, href: `/projects/${encodeURIComponent(project.id)}/depia` });
    return reviewId;
  });
}
