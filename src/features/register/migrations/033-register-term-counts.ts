import { sql, type Kysely } from "kysely";

/**
 * In how many public entries each search term occurs, kept up to date with the
 * terms, so "similar entries" can join on an entry's rarest terms only (a word
 * nearly every entry has says nothing about likeness, and costs the most).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("register_term_counts")
    .addColumn("term", "text", (c) => c.primaryKey())
    .addColumn("entries", "integer", (c) => c.notNull())
    .execute();
  await sql`insert into register_term_counts (term, entries) select term, count(*) from register_search_terms group by term`.execute(db);
}
