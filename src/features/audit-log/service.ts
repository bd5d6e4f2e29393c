import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { checkpointDir, checkpointText } from "../../platform/audit-log/checkpoints.ts";
import { chainOf } from "../../platform/audit-log/record-event.ts";
import { fields, parseInput } from "../../platform/validation.ts";

export const AUDIT_PAGE_SIZE = 50;

const isoDate = fields.optionalDate();

export const AuditFilterInput = z.object({
  action: z.string().trim().max(80, "field.too_long").optional(),
  actor: z.string().trim().max(80, "field.too_long").optional(),
  entity: z.string().trim().max(80, "field.too_long").optional(),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AuditFilter = z.infer<typeof AuditFilterInput>;

export interface AuditEventView {
  id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** The organisation's own events, newest first. Only the 3rd line may read them. */
export async function listAuditEvents(deps: Deps, actor: Actor, input: unknown) {
  if (!can(actor, "audit_log.read")) throw forbidden();
  const f = parseInput(AuditFilterInput, input);
  let q = deps.db.selectFrom("audit_events").where("organisation_id", "=", actor.organisationId);
  if (f.action) q = q.where("action", "like", `${f.action.replace(/[%_\\]/g, "")}%`);
  if (f.actor) q = q.where("actor_label", "like", `%${f.actor.replace(/[%_\\]/g, "")}%`);
  if (f.entity) q = q.where((eb) => eb.or([eb("entity_id", "=", f.entity!), eb("entity_type", "=", f.entity!)]));
  if (f.from) q = q.where("at", ">=", `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where("at", "<=", `${f.to}T23:59:59.999Z`);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .selectAll()
    .orderBy("seq", "desc")
    .limit(AUDIT_PAGE_SIZE)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  const items: AuditEventView[] = rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  }));
  return { items, total, page: f.page, pageSize: AUDIT_PAGE_SIZE, filter: f };
}

/**
 * The signed checkpoints of the organisation's own chain, as the checkpoint
 * file holds them (JSON lines), for the 3rd line to keep outside Afweging.
 */
export function auditCheckpoints(deps: Deps, actor: Actor): string {
  if (!can(actor, "audit_log.read")) throw forbidden();
  return checkpointText(checkpointDir(deps.config.dataDir), chainOf(actor.organisationId));
}
