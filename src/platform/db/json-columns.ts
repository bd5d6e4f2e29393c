// Readers for JSON held in text columns (the same on SQLite and PostgreSQL).
// A value the application wrote itself is read back leniently: a column that
// is empty or not JSON reads as "nothing", never as a crash of the page.

/** The parsed value, or undefined when the column is empty or not JSON. */
export function readJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A stored value of the shape `accept` checks, or the fallback. */
export function readJsonAs<T>(text: string | null | undefined, fallback: T, accept: (v: unknown) => v is T = (_v): _v is T => true): T {
  const v = readJson(text);
  return v !== undefined && accept(v) ? v : fallback;
}

/** A stored list of strings (only the allowed ones, when given); anything else reads as empty. */
export function readStringList<T extends string = string>(text: string | null | undefined, allowed?: readonly T[]): T[] {
  const v = readJson(text);
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is T => typeof x === "string" && (!allowed || (allowed as readonly string[]).includes(x)));
}

/** A stored object of strings; anything else reads as empty. */
export function readStringRecord(text: string | null | undefined): Record<string, string> {
  const v = readJson(text);
  if (!v || typeof v !== "object" || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
}
