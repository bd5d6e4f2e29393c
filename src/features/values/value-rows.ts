// The organisation's values as rows and as OrgValue, and the version record
// every change leaves behind.
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import type { LocalText } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import type { ValueContent } from "./inputs.ts";
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

export const VALUE_COLUMNS = ["id", "key", "name_nl", "name_en", "description_nl", "description_en", "active", "version", "sort_order", "updated_at"] as const;

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

export function toValue(r: ValueRow): OrgValue {
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

export function requireValueManagement(actor: Actor): void {
  if (!can(actor, "organisation.manage")) throw forbidden();
}

/** The columns of org_values and value_versions that hold a value's content. */
export function contentColumns(content: ValueContent) {
  return { name_nl: content.nameNl, name_en: content.nameEn, description_nl: content.descriptionNl, description_en: content.descriptionEn, active: content.active ? 1 : 0 };
}

/** Keeps a version of a value; called with the Tx that changes the value. */
export async function recordVersion(
  tx: Deps,
  organisationId: string,
  value: { id: string; key: string; version: number },
  content: ValueContent,
  changed: { at: string; by: string | null; byName: string },
): Promise<void> {
  await tx.db
    .insertInto("value_versions")
    .values({
      id: tx.newId(),
      organisation_id: organisationId,
      value_id: value.id,
      value_key: value.key,
      version: value.version,
      ...contentColumns(content),
      changed_at: changed.at,
      changed_by: changed.by,
      changed_by_name: changed.byName,
    })
    .execute();
}
