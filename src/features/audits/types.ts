// The words of an audit as codes: types, statuses, severities, responses, and
// the input schemas the forms and the API share.
import { z } from "zod";
import { fields } from "../../platform/validation.ts";

export const AUDIT_TYPES = ["process", "algorithm", "data_protection", "information_security", "ethics"] as const;
/** Only forward, one step at a time. */
export const AUDIT_STATUSES = ["planned", "fieldwork", "draft_report", "final", "followed_up"] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const RESPONSES = ["agree", "explain"] as const;

export type AuditType = (typeof AUDIT_TYPES)[number];
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type FindingResponse = (typeof RESPONSES)[number];

export const LIMITS = {
  title: 200,
  planDescription: 4000,
  requirements: 4000,
  findingTitle: 200,
  findingDescription: 4000,
  evidenceText: 4000,
  link: 500,
  links: 10,
  responseText: 4000,
  scope: 50,
  auditors: 10,
} as const;

/** Audits per page in the list. */
export const PAGE_SIZE = 20;

export function nextStatus(status: AuditStatus): AuditStatus | null {
  const i = AUDIT_STATUSES.indexOf(status);
  return AUDIT_STATUSES[i + 1] ?? null;
}

export function isAuditStatus(x: string): x is AuditStatus {
  return (AUDIT_STATUSES as readonly string[]).includes(x);
}

/** Findings may be recorded while the auditors are at work and writing. */
export function findingsOpen(status: AuditStatus): boolean {
  return status === "fieldwork" || status === "draft_report";
}

const id = () => z.string().trim().min(1, "field.required").max(64, "field.too_long");
const idList = (max: number) => z.array(z.string().trim().min(1).max(64, "field.too_long")).max(max, "field.too_long");
const valueKeys = () => z.array(z.string().trim().max(40, "field.too_long")).max(100, "field.too_long").default([]);

export const YearParam = z.coerce.number().int("field.invalid").min(2000, "field.invalid").max(2100, "field.invalid");

export const SavePlanInput = z.object({
  description: fields.text(LIMITS.planDescription),
});

export const PlanAuditInput = z
  .object({
    year: YearParam,
    title: fields.text(LIMITS.title),
    type: z.enum(AUDIT_TYPES, "field.invalid_choice"),
    projectIds: idList(LIMITS.scope).min(1, "audits.scope_required"),
    criteriaValues: valueKeys(),
    requirements: z.string().trim().max(LIMITS.requirements, "field.too_long").optional().default(""),
    periodFrom: fields.date(),
    periodTo: fields.date(),
    auditorIds: idList(LIMITS.auditors).min(1, "audits.auditors_required"),
    followsAuditId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom) ctx.addIssue({ code: "custom", path: ["periodTo"], message: "audits.period_end_before_start" });
    if (!v.criteriaValues.length && !v.requirements) ctx.addIssue({ code: "custom", path: ["criteriaValues"], message: "audits.criteria_required" });
  });

export const AdvanceAuditInput = z.object({
  to: z.enum(AUDIT_STATUSES, "field.invalid_choice"),
});

const link = z
  .string()
  .trim()
  .max(LIMITS.link, "field.too_long")
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "audits.link_invalid");

export const FindingInput = z.object({
  projectId: id(),
  title: fields.text(LIMITS.findingTitle),
  description: fields.text(LIMITS.findingDescription),
  severity: z.enum(SEVERITIES, "field.invalid_choice"),
  values: valueKeys(),
  evidenceText: z.string().trim().max(LIMITS.evidenceText, "field.too_long").optional().default(""),
  evidenceLinks: z.array(link).max(LIMITS.links, "audits.too_many_links").optional().default([]),
});

/**
 * The management response to one finding: agree and act (what will be done,
 * by whom, by when: it becomes a measure on the project) or explain (why not).
 */
export const FindingResponseInput = z.discriminatedUnion(
  "response",
  [
    z.object({ response: z.literal("agree"), text: fields.text(LIMITS.responseText), ownerUserId: id(), dueDate: fields.date() }),
    z.object({ response: z.literal("explain"), text: fields.text(LIMITS.responseText) }),
  ],
  { error: "audits.response_choose" },
);

export const AttachBiasAuditInput = z.object({ biasAuditId: id() });
