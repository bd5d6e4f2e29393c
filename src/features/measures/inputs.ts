// What a measure may hold, and the request schemas of its use cases. The pages,
// the API's request bodies (and so its 400 answers and /api/v1/openapi.json)
// use these schemas, so every limit is written once, here.
import { isIsoDate } from "../../domain/dates.ts";
import { z } from "zod";
import { fields } from "../../platform/validation.ts";

export const MEASURE_STATUSES = ["open", "in_progress", "awaiting_signoff", "done", "explained"] as const;
/** What a person can set; awaiting_signoff follows from asking for "done". */
export const SETTABLE_STATUSES = ["open", "in_progress", "done", "explained"] as const;
export const REVIEW_CADENCES = ["none", "monthly", "quarterly", "yearly"] as const;
export const SOURCE_TYPES = ["canvas", "risk", "advice", "deliberation", "finding", "manual"] as const;

export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];
export type MeasureSourceType = (typeof SOURCE_TYPES)[number];

export const MEASURE_LIMITS = { title: 200, description: 4000, evidence: 4000, explanation: 4000, sourceId: 64, id: 64, date: 10, riskIds: 100 } as const;


const isoDate = fields.optionalDate();

const optionalId = z
  .string()
  .trim()
  .max(MEASURE_LIMITS.id, "field.too_long")
  .optional()
  .transform((v) => v || undefined);

const title = fields.text(MEASURE_LIMITS.title);
const description = z.string().trim().max(MEASURE_LIMITS.description, "field.too_long");
const reviewCadence = z.enum(REVIEW_CADENCES, "field.invalid_choice");

export const CreateMeasureInput = z.object({
  projectId: z.string().trim().min(1, "field.required").max(MEASURE_LIMITS.id, "field.too_long"),
  title,
  description: description.optional().default(""),
  ownerUserId: optionalId,
  dueDate: isoDate,
  reviewCadence: reviewCadence.optional().default("none"),
  source: z.object({ type: z.enum(SOURCE_TYPES, "field.invalid_choice"), id: z.string().trim().max(MEASURE_LIMITS.sourceId, "field.too_long").optional() }),
  riskIds: z.array(z.string().max(MEASURE_LIMITS.id, "field.too_long")).max(MEASURE_LIMITS.riskIds, "field.too_long").optional().default([]),
});

/** The API's body for a new measure: the project comes from the path, the source is "manual" unless given. */
export const NewMeasureBody = CreateMeasureInput.omit({ projectId: true }).partial({ source: true });

export const UpdateMeasureInput = CreateMeasureInput.pick({ title: true, description: true, ownerUserId: true, dueDate: true, reviewCadence: true });

const status = z.enum(SETTABLE_STATUSES, "field.invalid_choice");
const explanation = fields.optionalText(MEASURE_LIMITS.explanation);
const evidence = fields.optionalText(MEASURE_LIMITS.evidence);

function explanationWhenExplained(v: { status?: string; explanation: string | null }, ctx: z.RefinementCtx): void {
  if (v.status === "explained" && !v.explanation) ctx.addIssue({ code: "custom", path: ["explanation"], message: "measures.explanation_required" });
}

export const MeasureStatusInput = z.object({ status, explanation, evidence }).superRefine(explanationWhenExplained);

/** Fields of a measure a PATCH may change; the status change comes with it. */
export const MEASURE_FIELDS = ["title", "description", "ownerUserId", "dueDate", "reviewCadence"] as const;

/**
 * One change of a measure (the API's PATCH): any of its fields, its status, or
 * both, checked together and stored together. An absent field stays as it is;
 * null or "" clears the owner or the due date.
 */
export const ChangeMeasureInput = z
  .object({
    title: title.optional(),
    description: description.optional(),
    ownerUserId: z.string().trim().max(MEASURE_LIMITS.id, "field.too_long").nullable().optional(),
    dueDate: z
      .string()
      .trim()
      .max(MEASURE_LIMITS.date, "field.date")
      .refine((v) => v === "" || isIsoDate(v), "field.date")
      .nullable()
      .optional()
      .describe("YYYY-MM-DD"),
    reviewCadence: reviewCadence.optional(),
    status: status.optional(),
    explanation,
    evidence,
  })
  .superRefine(explanationWhenExplained);

/** With expectedStatus (the status as the signer saw it) a measure changed meanwhile is a conflict, not a second sign-off. */
export const SignOffInput = z.object({ expectedStatus: z.enum(MEASURE_STATUSES, "field.invalid_choice").optional() });
