// The organisation's value set: created lazily from the defaults, edited by an
// admin, with every change kept as a new version so old records keep the
// meaning they had.
import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import type { LocalText } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { DEFAULT_VALUES } from "./defaults.ts";
import "./schema.ts";

export interface OrgValue {
  id: string;
  key: string;
  name: LocalText;
  description: LocalText;
  active: boolean;
  version: number;
  sortOrder: number;
  updatedAt: string;
}

export interface ValueVersion {
  version: number;
  name: LocalText;
  description: LocalText;
  active: boolean;
  changedAt: string;
  changedByName: string;
}

export interface OrgValueWithHistory extends OrgValue {
  history: ValueVersion[];
}

/** Label and state of a value as shown next to a record; `active` false for a retired value. */
export interface ValueLabel {
  name: LocalText;
  active: boolean;
}

export const VALUE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

function requireValueManagement(actor: Actor): void {
  if (!can(actor, "organisation.manage")) throw forbidden();
}

/**
 * Creates the default value set for an organisation that has none yet. Safe
 * to call on every use: it does nothing when the set exists, also when two
 * requests race (the unique index on key decides).
 */
export async function ensureValueSet(deps: Deps, organisationId: string): Promise<void> {
  const existing = await deps.db.selectFrom("org_values").select("id").where("organisation_id", "=", organisationId).limit(1).executeTakeFirst();
  if (existing) return;
  const now = deps.now().toISOString();
  try {
    await inTransaction(
      deps,
      null,
      async (tx) => {
        let order = 0;
        for (const value of DEFAULT_VALUES) {
          const id = deps.newId();
          order += 10;
          await tx.db
            .insertInto("org_values")
            .values({
              id,
              organisation_id: organisationId,
              key: value.key,
              sort_order: order,
              version: 1,
              name_nl: value.name.nl,
              name_en: value.name.en,
              description_nl: value.description.nl,
              description_en: value.description.en,
              active: 1,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await tx.db
            .insertInto("value_versions")
            .values({
              id: deps.newId(),
              organisation_id: organisationId,
              value_id: id,
              value_key: value.key,
              version: 1,
              name_nl: value.name.nl,
              name_en: value.name.en,
              description_nl: value.description.nl,
              description_en: value.description.en,
              active: 1,
              changed_at: now,
              changed_by: null,
              changed_by_name: "systeem",
            })
            .execute();
        }
        await tx.audit({ action: "values.initialised", entityType: "organisation", entityId: organisationId, after: { keys: DEFAULT_VALUES.map((v) => v.key) } });
      },
      organisationId,
    );
  } catch (e) {
    // Another request created the set at the same moment: that is fine.
    const now = await deps.db.selectFrom("org_values").select("id").where("organisation_id", "=", organisationId).limit(1).executeTakeFirst();
    if (!now) throw e;
  }
}

type ValueRow = {
  id: string;
  key: string;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  active: number;
  version: number;
  sort_order: number;
  updated_at: string;
};

function toValue(r: ValueRow): OrgValue {
  return {
    id: r.id,
    key: r.key,
    name: { nl: r.name_nl, en: r.name_en },
    description: { nl: r.description_nl, en: r.description_en },
    active: r.active === 1,
    version: r.version,
    sortOrder: r.sort_order,
    updatedAt: r.updated_at,
  };
}

async function readValues(deps: Deps, organisationId: string): Promise<OrgValue[]> {
  await ensureValueSet(deps, organisationId);
  const rows = await deps.db
    .selectFrom("org_values")
    .select(["id", "key", "name_nl", "name_en", "description_nl", "description_en", "active", "version", "sort_order", "updated_at"])
    .where("organisation_id", "=", organisationId)
    .orderBy("sort_order")
    .orderBy("key")
    .execute();
  return rows.map(toValue);
}

/** Every value of the actor's organisation, active first in their order, then retired ones. */
export async function listValues(deps: Deps, actor: Actor, options: { includeRetired?: boolean } = {}): Promise<OrgValue[]> {
  const all = await readValues(deps, actor.organisationId);
  const active = all.filter((v) => v.active);
  return options.includeRetired === false ? active : [...active, ...all.filter((v) => !v.active)];
}

export async function getValue(deps: Deps, actor: Actor, key: string): Promise<OrgValueWithHistory> {
  const value = (await readValues(deps, actor.organisationId)).find((v) => v.key === key);
  if (!value) throw notFound();
  const history = await deps.db
    .selectFrom("value_versions")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("value_id", "=", value.id)
    .orderBy("version", "desc")
    .execute();
  return {
    ...value,
    history: history.map((h) => ({
      version: h.version,
      name: { nl: h.name_nl, en: h.name_en },
      description: { nl: h.description_nl, en: h.description_en },
      active: h.active === 1,
      changedAt: h.changed_at,
      changedByName: h.changed_by_name,
    })),
  };
}

const activeField = z
  .union([z.boolean(), z.literal("1"), z.literal("on"), z.literal("true"), z.literal("0"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "1" || v === "on" || v === "true");

export const ValueInput = z.object({
  nameNl: fields.text(80),
  nameEn: fields.text(80),
  descriptionNl: z.string().trim().max(600, "field.too_long").default(""),
  descriptionEn: z.string().trim().max(600, "field.too_long").default(""),
  active: activeField,
});

export const NewValueInput = ValueInput.extend({
  key: z.string().trim().min(1, "field.required").max(40, "field.too_long").regex(VALUE_KEY_PATTERN, "values.key_format"),
});

/** Changes a value's names, description or state; the old version stays in value_versions. */
export async function updateValue(deps: Deps, actor: Actor, key: string, input: unknown): Promise<void> {
  requireValueManagement(actor);
  const data = parseInput(ValueInput, input);
  const before = await getValue(deps, actor, key);
  const same =
    before.name.nl === data.nameNl &&
    before.name.en === data.nameEn &&
    before.description.nl === data.descriptionNl &&
    before.description.en === data.descriptionEn &&
    before.active === data.active;
  if (same) return;
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    const version = before.version + 1;
    const updated = await tx.db
      .updateTable("org_values")
      .set({ version, name_nl: data.nameNl, name_en: data.nameEn, description_nl: data.descriptionNl, description_en: data.descriptionEn, active: data.active ? 1 : 0, updated_at: now })
      .where("id", "=", before.id)
      .where("organisation_id", "=", actor.organisationId)
      .where("version", "=", before.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError("conflict", "values.changed_meanwhile");
    await tx.db
      .insertInto("value_versions")
      .values({
        id: deps.newId(),
        organisation_id: actor.organisationId,
        value_id: before.id,
        value_key: key,
        version,
        name_nl: data.nameNl,
        name_en: data.nameEn,
        description_nl: data.descriptionNl,
        description_en: data.descriptionEn,
        active: data.active ? 1 : 0,
        changed_at: now,
        changed_by: actor.userId,
        changed_by_name: actor.name,
      })
      .execute();
    await tx.audit({
      action: before.active && !data.active ? "value.retired" : !before.active && data.active ? "value.reactivated" : "value.updated",
      entityType: "value",
      entityId: before.id,
      before: { key, version: before.version, name: before.name, description: before.description, active: before.active },
      after: { key, version, name: { nl: data.nameNl, en: data.nameEn }, description: { nl: data.descriptionNl, en: data.descriptionEn }, active: data.active },
    });
  });
}

/** Adds a value with a new key to the organisation's set. */
export async function addValue(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  requireValueManagement(actor);
  const data = parseInput(NewValueInput, { active: true, ...(input as object) });
  const values = await readValues(deps, actor.organisationId);
  if (values.some((v) => v.key === data.key)) throw new AppError("validation", "error.validation", { fieldErrors: [{ field: "key", messageKey: "values.key_taken" }] });
  const id = deps.newId();
  const now = deps.now().toISOString();
  const sortOrder = Math.max(0, ...values.map((v) => v.sortOrder)) + 10;
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("org_values")
      .values({
        id,
        organisation_id: actor.organisationId,
        key: data.key,
        sort_order: sortOrder,
        version: 1,
        name_nl: data.nameNl,
        name_en: data.nameEn,
        description_nl: data.descriptionNl,
        description_en: data.descriptionEn,
        active: data.active ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx.db
      .insertInto("value_versions")
      .values({
        id: deps.newId(),
        organisation_id: actor.organisationId,
        value_id: id,
        value_key: data.key,
        version: 1,
        name_nl: data.nameNl,
        name_en: data.nameEn,
        description_nl: data.descriptionNl,
        description_en: data.descriptionEn,
        active: data.active ? 1 : 0,
        changed_at: now,
        changed_by: actor.userId,
        changed_by_name: actor.name,
      })
      .execute();
    await tx.audit({ action: "value.added", entityType: "value", entityId: id, after: { key: data.key, name: { nl: data.nameNl, en: data.nameEn }, active: data.active } });
  });
  return id;
}

/** Every key of the organisation's value set, retired ones included (for checking value tags). */
export async function valueKeys(deps: Deps, organisationId: string): Promise<string[]> {
  return (await readValues(deps, organisationId)).map((v) => v.key);
}

/**
 * Names of the organisation's values. With `at` (an ISO time), the names as
 * they were then: a record from last year shows the value it referred to.
 */
export async function valueLabels(deps: Deps, organisationId: string, at?: string): Promise<Record<string, ValueLabel>> {
  const values = await readValues(deps, organisationId);
  const labels: Record<string, ValueLabel> = {};
  for (const v of values) labels[v.key] = { name: v.name, active: v.active };
  if (!at) return labels;
  const versions = await deps.db
    .selectFrom("value_versions")
    .select(["value_key", "version", "name_nl", "name_en", "active"])
    .where("organisation_id", "=", organisationId)
    .where("changed_at", "<=", at)
    .orderBy("value_key")
    .orderBy("version")
    .execute();
  // Ordered by version: the last one per key is the one that held at `at`.
  for (const v of versions) labels[v.value_key] = { name: { nl: v.name_nl, en: v.name_en }, active: v.active === 1 };
  return labels;
}
