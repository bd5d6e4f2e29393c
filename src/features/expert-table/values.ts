import type { MessageKey } from "../../platform/i18n/index.ts";
/**
 * The value keys advice, deliberations and committee cases refer to: the
 * seed's seven core values and the VNG principles I–V. The names shown come
 * from the message catalogue (`expert_table.value.<key>`); a later values
 * feature may rename them or add an organisation's own set.
 */
export const VALUE_KEYS = [
  "rechtvaardigheid",
  "menselijke_waardigheid",
  "privacy",
  "veiligheid",
  "autonomie",
  "controle_over_technologie",
  "kwaliteit_van_leven",
  "vng_1",
  "vng_2",
  "vng_3",
  "vng_4",
  "vng_5",
] as const;

export type ValueKey = (typeof VALUE_KEYS)[number];

export function isValueKey(x: string): x is ValueKey {
  return (VALUE_KEYS as readonly string[]).includes(x);
}

export function valueLabelKey(key: string): MessageKey {
  return isValueKey(key) ? `expert_table.value.${key}` : "expert_table.value.unknown";
}

/** Reads a JSON text column holding a list of strings; anything else reads as empty. */
export function parseStringList(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function parseRecord(json: string | null | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

/** Whole days between two ISO timestamps (b after a). */
export function daysBetween(a: string, b: string): number {
  return Math.max(0, Math.round((new Date(b).getTime() - new Date(a).getTime()) / 86_400_000));
}
