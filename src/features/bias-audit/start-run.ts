// The column mapping and the run: what each column means, checked against
// the file's header, saved and queued in one unit of work; the audit itself
// runs afterwards in a worker thread (jobs.ts), which writes its result in
// its own transaction.

import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, type FieldError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { canManage, lockRow } from "./access.ts";
import type { AuditConfig } from "./engine/index.ts";
import { launchJob, type JobSpec } from "./jobs.ts";

/** The limits of the mapping, written once: the schema, the form's maxlength and the OpenAPI document use them. */
export const MAPPING_LIMITS = { column: 200, groups: 8 } as const;
export const FAVOURABLE_CHOICES = ["unspecified", "positive", "negative", "value"] as const;
export const REFERENCE_CHOICES = ["largest", "between", "overall", "group"] as const;

const column = z.string().trim().max(MAPPING_LIMITS.column, "field.too_long");
/** An optional column or value: absent, null or empty is "none". */
const optional = (schema: z.ZodString) => schema.nullish().transform((v) => (v ? v : null));
const checkbox = (description: string) => z.preprocess((v) => v === undefined || v === true || v === "on" || v === "true" || v === "1", z.boolean()).describe(description);

/**
 * The mapping, from the form and the API alike. Parsing its own output gives
 * the same output, so the API's validated body can be handed on as input.
 */
export const MappingInput = z.object({
  groups: z
    .preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(column).min(1, "bias_audit.mapping.groups_required").max(MAPPING_LIMITS.groups, "bias_audit.mapping.groups_too_many"))
    .describe("Group attribute columns"),
  prediction: column.min(1, "bias_audit.mapping.prediction_required").describe("Column with the decision (0/1, true/false) or a score"),
  threshold: z
    .preprocess(
      (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? Number(v.trim().replace(",", ".")) : v),
      z.number({ message: "bias_audit.mapping.threshold_number" }).refine(Number.isFinite, "bias_audit.mapping.threshold_number").nullable(),
    )
    .describe("Score ≥ threshold counts as selected"),
  label: optional(column).describe("Column with the true outcome (1/true = positive)"),
  favourable: z.enum(FAVOURABLE_CHOICES, { message: "field.invalid_choice" }).default("unspecified"),
  favourableValue: optional(column).describe("With favourable=value: the category that counts as selected"),
  reference: z.enum(REFERENCE_CHOICES, { message: "field.invalid_choice" }).default("largest"),
  referenceGroup: optional(column),
  /** Default on; a form sends true/false explicitly (an unticked box is absent). */
  intersections: checkbox("Default true"),
  scan: checkbox("HBAC bias scan; default true"),
});
export type MappingInput = z.infer<typeof MappingInput>;

function checkMapping(m: MappingInput, columns: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const available = columns.join(", ");
  const exists = (field: string, name: string) => {
    if (!columns.includes(name)) errors.push({ field, messageKey: "bias_audit.mapping.column_missing", params: { column: name, available } });
  };
  for (const g of m.groups) exists("groups", g);
  exists("prediction", m.prediction);
  if (m.label) exists("label", m.label);
  const used = [...m.groups, m.prediction, ...(m.label ? [m.label] : [])];
  const twice = used.find((c, i) => used.indexOf(c) !== i);
  if (twice !== undefined) errors.push({ field: m.groups.includes(twice) && m.groups.indexOf(twice) !== m.groups.lastIndexOf(twice) ? "groups" : "prediction", messageKey: "bias_audit.mapping.column_twice", params: { column: twice } });
  if (m.favourable === "value" && !m.favourableValue) errors.push({ field: "favourableValue", messageKey: "bias_audit.mapping.favourable_value_required" });
  if (m.favourable === "value" && m.threshold !== null) errors.push({ field: "favourableValue", messageKey: "bias_audit.mapping.favourable_value_with_threshold" });
  if (m.reference === "group" && !m.referenceGroup) errors.push({ field: "referenceGroup", messageKey: "bias_audit.mapping.reference_group_required" });
  return errors;
}

export function mappingToConfig(m: MappingInput): AuditConfig {
  const config: AuditConfig = {
    groups: m.groups,
    prediction: m.prediction,
    reference: m.reference === "group" ? { kind: "group", values: [m.referenceGroup as string] } : { kind: m.reference },
    intersections: m.intersections,
  };
  if (m.threshold !== null) config.threshold = m.threshold;
  if (m.label) config.label = m.label;
  if (m.favourable === "positive") config.favourable = "1";
  else if (m.favourable === "negative") config.favourable = "0";
  else if (m.favourable === "value" && m.favourableValue) config.favourable = m.favourableValue;
  if (!m.scan) config.scan = false;
  return config;
}

/** Saves the column mapping and queues the audit; the job runs in a worker thread once this is stored. */
export async function startBiasAuditRun(deps: Deps, actor: Actor, id: string, input: unknown): Promise<void> {
  const job: JobSpec = await inTransaction(deps, actor, async (tx) => {
    const row = await lockRow(tx, actor, id);
    if (!canManage(actor, row)) throw forbidden();
    if (row.status === "queued" || row.status === "running") throw new AppError("conflict", "bias_audit.already_running");
    if (row.data_removed_at) throw new AppError("rule_refused", "bias_audit.data_removed");
    const mapping = parseInput(MappingInput, input);
    const errors = checkMapping(mapping, JSON.parse(row.columns_json) as string[]);
    if (errors.length) throw invalid(errors);
    const now = tx.now().toISOString();
    const updated = await tx.db
      .updateTable("bias_audits")
      .set({ mapping_json: JSON.stringify(mapping), status: "queued", progress_bytes: 0, error_code: null, error_params_json: null, report_json: null, started_at: null, finished_at: null, heartbeat_at: now, updated_at: now })
      .where("id", "=", id)
      .where("organisation_id", "=", actor.organisationId)
      .where("status", "in", ["uploaded", "done", "failed"])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError("conflict", "bias_audit.already_running");
    await tx.audit({ action: "bias_audit.run_started", entityType: "bias_audit", entityId: id, before: { status: row.status }, after: { status: "queued", mapping } });
    return { id, organisationId: actor.organisationId, storageKey: row.storage_key, format: row.file_format === "parquet" ? "parquet" : "csv", fileName: row.file_name, config: mappingToConfig(mapping) };
  });
  // After the commit, outside the transaction: the job outlives the request and writes in its own transactions.
  launchJob(deps, job);
}
