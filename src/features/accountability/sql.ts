// Small SQL pieces that read the same on SQLite and PostgreSQL. Every query of
// this feature is one set-based statement (GROUP BY, UNION ALL, EXISTS), so
// the dashboard and the reports run a fixed number of statements whatever
// the number of projects.
import { sql, type RawBuilder } from "kysely";
import type { Deps } from "../../platform/deps.ts";

/** Runs a raw statement on the feature's handle and gives its rows. */
export async function rows<T>(deps: Deps, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(deps.db)).rows;
}

/** count(*) comes back as a string from PostgreSQL (bigint): one reading for both. */
export const num = (value: unknown): number => Number(value ?? 0) || 0;

/** The year and quarter (1–4) of an ISO text column, as two integer columns y and q. */
export function yearQuarter(column: string): RawBuilder<unknown> {
  const c = sql.raw(column);
  return sql`cast(substr(${c}, 1, 4) as integer) as y, (cast(substr(${c}, 6, 2) as integer) + 2) / 3 as q`;
}

/** The same expression, for GROUP BY (PostgreSQL does not group by an alias of an expression in every case). */
export function yearQuarterGroup(column: string): RawBuilder<unknown> {
  const c = sql.raw(column);
  return sql`cast(substr(${c}, 1, 4) as integer), (cast(substr(${c}, 6, 2) as integer) + 2) / 3`;
}

/** An integer inside a JSON text column: json_extract on SQLite, the jsonb operators on PostgreSQL. */
export function jsonInt(deps: Deps, column: string, path: readonly string[]): RawBuilder<unknown> {
  if (deps.engine === "postgres") {
    const steps = path.slice(0, -1).map((p) => `->'${p}'`).join("");
    return sql.raw(`((${column})::jsonb${steps}->>'${path[path.length - 1]}')::integer`);
  }
  return sql.raw(`json_extract(${column}, '$.${path.join(".")}')`);
}

/** The first day of the quarter n quarters before the one `today` lies in (YYYY-MM-DD). */
export function quarterStart(today: string, back: number): string {
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const index = year * 4 + q - back;
  const y = Math.floor(index / 4);
  const month = (index % 4) * 3 + 1;
  return `${y}-${String(month).padStart(2, "0")}-01`;
}
