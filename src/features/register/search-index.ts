import type { Tx } from "../../platform/transaction.ts";
import type { EntryFields } from "./fields.ts";
import { plainText } from "./sanitise.ts";
import { indexTerms } from "./stem.ts";

const SEARCHED = ["name", "description_short", "organization", "goal", "tags", "category", "provider", "department", "values_weighed", "source_data", "methods_and_models"] as const;

/** The text of the fields residents search in. */
export function searchTextOf(fields: EntryFields): string {
  return SEARCHED.map((n) => {
    const v = fields[n];
    return typeof v === "string" ? plainText(v) : Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : x.title)).join(" ") : "";
  }).join(" \n");
}

/** The stemmed terms of a published entry, replaced as a whole (none when it is no longer public), and the terms' counts with them. */
export async function replaceSearchTerms(tx: Tx, organisationId: string, entryId: string, text: string): Promise<void> {
  const before = (await tx.db.selectFrom("register_search_terms").select("term").where("entry_id", "=", entryId).execute()).map((r) => r.term);
  const terms = indexTerms(text).slice(0, 2000);
  const kept = new Set(terms);
  const had = new Set(before);
  const gone = before.filter((t) => !kept.has(t));
  const added = terms.filter((t) => !had.has(t));
  await tx.db.deleteFrom("register_search_terms").where("entry_id", "=", entryId).execute();
  for (let i = 0; i < terms.length; i += 200) {
    await tx.db.insertInto("register_search_terms").values(terms.slice(i, i + 200).map((term) => ({ organisation_id: organisationId, entry_id: entryId, term }))).execute();
  }
  for (let i = 0; i < gone.length; i += 200) {
    await tx.db.updateTable("register_term_counts").set((eb) => ({ entries: eb("entries", "-", 1) })).where("term", "in", gone.slice(i, i + 200)).execute();
  }
  for (let i = 0; i < added.length; i += 200) {
    await tx.db
      .insertInto("register_term_counts")
      .values(added.slice(i, i + 200).map((term) => ({ term, entries: 1 })))
      .onConflict((oc) => oc.column("term").doUpdateSet((eb) => ({ entries: eb("register_term_counts.entries", "+", 1) })))
      .execute();
  }
}
