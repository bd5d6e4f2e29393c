// The values feature's tables: the organisation's value set and every version of each value.

export interface OrgValueTable {
  id: string;
  organisation_id: string;
  /** Stable key that records refer to (value tags, risks, findings), e.g. "privacy" or "vng_1". */
  key: string;
  sort_order: number;
  /** The number of the current version (see value_versions). */
  version: number;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  /** 1 active, 0 retired: retired values are no longer offered but still shown where they were used. */
  active: number;
  created_at: string;
  updated_at: string;
}

/** One row per change of a value: old records keep the meaning they had. */
export interface ValueVersionTable {
  id: string;
  organisation_id: string;
  value_id: string;
  value_key: string;
  version: number;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  active: number;
  changed_at: string;
  changed_by: string | null;
  changed_by_name: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    org_values: OrgValueTable;
    value_versions: ValueVersionTable;
  }
}
