import { sql } from "kysely";
import type { Engine } from "./database.ts";
import type { Db } from "./schema.ts";

/** The tables of the database (PostgreSQL: of the schema in use), by name. */
export async function listTables(db: Db, engine: Engine): Promise<string[]> {
  const query =
    engine === "sqlite"
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`;
  return (await query.execute(db)).rows.map((r) => r.name);
}

/** The number of rows of every table: what a refused request must leave as it was. */
export async function rowCounts(db: Db, engine: Engine): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db, engine)) {
    const row = (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0];
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
