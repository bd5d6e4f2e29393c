import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import type { Tx } from "../../platform/transaction.ts";
import { parseStringList } from "../expert-table/fields.ts";
import { LIMITS } from "./limits.ts";
import "./schema.ts";

/**
 * The precedent library ("mores prudentie"): adopted committee advice and
 * deliberation conclusions, searchable in the same way on SQLite and
 * PostgreSQL: a lowercase text without diacritics, LIKE per query word,
 * ranked by the number of words found.
 */
export type PrecedentSource = "committee_advice" | "deliberation";
export type PrecedentVisibility = "public" | "committee" | "deliberation";

const COMMITTEE_SIDE = ["committee_member", "committee_chair", "committee_secretary", "fg", "board_member"] as const;
const SEARCHERS = [...COMMITTEE_SIDE, "ethics_advisor", "expert_table_member"] as const;

export function canSearchPrecedents(actor: Actor): boolean {
  return SEARCHERS.some((r) => actor.organisationRoles.has(r));
}

function visibleTo(actor: Actor): PrecedentVisibility[] {
  return COMMITTEE_SIDE.some((r) => actor.organisationRoles.has(r)) ? ["public", "committee", "deliberation"] : ["public", "deliberation"];
}

/** Lowercase, diacritics removed, punctuation to spaces: "Privacy-schending, ë" → "privacy schending e". */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Common Dutch and English words that say nothing about a case. */
const STOP_WORDS = new Set(
  "de het een en van in op te dat die is voor met niet aan er om ook als bij of door over tot uit wat wie hoe wij we ze zij je u ik dit deze naar nog maar dan wel kan moet zijn worden wordt heeft hebben the a an and of to in on for with is are be by or not this that".split(" "),
);

export function queryWords(text: string): string[] {
  return [...new Set(normaliseText(text).split(" ").filter((w) => w.length >= 2 && !STOP_WORDS.has(w)))].slice(0, 12);
}

export interface PrecedentEntry {
  organisationId: string;
  sourceType: PrecedentSource;
  sourceId: string;
  title: string;
  summary: string;
  fullText: string;
  values: string[];
  technologies: string[];
  domain: string;
  year: number;
  visibility: PrecedentVisibility;
  url: string;
}

/** Adds or replaces a source's entry, inside the caller's transaction. */
export async function indexPrecedent(tx: Tx, entry: PrecedentEntry): Promise<void> {
  const values = {
    organisation_id: entry.organisationId,
    source_type: entry.sourceType,
    source_id: entry.sourceId,
    title: entry.title,
    summary: entry.summary.length > 600 ? `${entry.summary.slice(0, 597)}…` : entry.summary,
    text_norm: normaliseText(`${entry.title} ${entry.fullText}`),
    values_json: JSON.stringify(entry.values),
    technologies_json: JSON.stringify(entry.technologies),
    domain: entry.domain,
    year: entry.year,
    visibility: entry.visibility,
    url: entry.url,
    indexed_at: tx.now().toISOString(),
  };
  const existing = await tx.db.selectFrom("precedent_index").select("id").where("source_type", "=", entry.sourceType).where("source_id", "=", entry.sourceId).executeTakeFirst();
  if (existing) await tx.db.updateTable("precedent_index").set(values).where("id", "=", existing.id).execute();
  else await tx.db.insertInto("precedent_index").values({ id: tx.newId(), ...values }).execute();
}

export async function setPrecedentVisibility(tx: Tx, sourceType: PrecedentSource, sourceId: string, visibility: PrecedentVisibility): Promise<void> {
  await tx.db.updateTable("precedent_index").set({ visibility }).where("source_type", "=", sourceType).where("source_id", "=", sourceId).execute();
}

export interface PrecedentHit {
  sourceType: PrecedentSource;
  sourceId: string;
  title: string;
  summary: string;
  values: string[];
  technologies: string[];
  domain: string;
  year: number;
  url: string;
  visibility: PrecedentVisibility;
  score: number;
}

/** A search in the library, from the search form's query string or the API's; an empty filter is no filter. */
export const PrecedentQuery = z.object({
  q: z.string().max(LIMITS.search, "field.too_long").optional(),
  value: z.string().max(40, "field.too_long").optional().transform((v) => v || undefined),
  technology: z.string().max(LIMITS.technology, "field.too_long").optional().transform((v) => v || undefined),
  domain: z.string().max(LIMITS.domain, "field.too_long").optional().transform((v) => v || undefined),
  year: z.union([z.literal(""), z.coerce.number("field.number").int("field.number")]).optional().transform((v) => (v ? v : undefined)),
});
export type PrecedentQuery = Partial<z.output<typeof PrecedentQuery>>;

function likeEscape(s: string): string {
  return s.replace(/[%_\\]/g, (m) => `\\${m}`);
}

async function candidates(deps: Deps, actor: Actor, query: PrecedentQuery, words: string[]) {
  let q = deps.db
    .selectFrom("precedent_index")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("visibility", "in", visibleTo(actor));
  if (query.value) q = q.where("values_json", "like", `%${likeEscape(JSON.stringify(query.value))}%`);
  if (query.technology) q = q.where("technologies_json", "like", `%${likeEscape(JSON.stringify(query.technology))}%`);
  if (query.domain) q = q.where("domain", "=", query.domain);
  if (query.year) q = q.where("year", "=", query.year);
  if (words.length) q = q.where((eb) => eb.or(words.map((w) => eb("text_norm", "like", `%${likeEscape(w)}%`))));
  return q.orderBy("indexed_at", "desc").limit(500).execute();
}

function toHit(row: Awaited<ReturnType<typeof candidates>>[number], score: number): PrecedentHit {
  return {
    sourceType: row.source_type as PrecedentSource,
    sourceId: row.source_id,
    title: row.title,
    summary: row.summary,
    values: parseStringList(row.values_json),
    technologies: parseStringList(row.technologies_json),
    domain: row.domain,
    year: Number(row.year),
    url: row.url,
    visibility: row.visibility as PrecedentVisibility,
    score,
  };
}

export async function searchPrecedents(deps: Deps, actor: Actor, query: PrecedentQuery): Promise<PrecedentHit[]> {
  if (!canSearchPrecedents(actor)) throw forbidden();
  const words = queryWords(query.q ?? "");
  const rows = await candidates(deps, actor, query, words);
  return rows
    .map((row) => toHit(row, words.filter((w) => row.text_norm.includes(w)).length))
    .sort((a, b) => b.score - a.score || b.year - a.year || a.title.localeCompare(b.title))
    .slice(0, 50);
}

/** Filter choices present in the library. */
export async function precedentFacets(deps: Deps, actor: Actor): Promise<{ values: string[]; technologies: string[]; domains: string[]; years: number[] }> {
  if (!canSearchPrecedents(actor)) throw forbidden();
  const rows = await deps.db
    .selectFrom("precedent_index")
    .select(["values_json", "technologies_json", "domain", "year"])
    .where("organisation_id", "=", actor.organisationId)
    .where("visibility", "in", visibleTo(actor))
    .execute();
  const values = new Set<string>();
  const technologies = new Set<string>();
  const domains = new Set<string>();
  const years = new Set<number>();
  for (const r of rows) {
    parseStringList(r.values_json).forEach((v) => values.add(v));
    parseStringList(r.technologies_json).forEach((v) => technologies.add(v));
    if (r.domain) domains.add(r.domain);
    years.add(Number(r.year));
  }
  return { values: [...values].sort(), technologies: [...technologies].sort(), domains: [...domains].sort(), years: [...years].sort((a, b) => b - a) };
}

/**
 * "Vergelijkbare eerdere zaken": earlier entries sharing values, technology
 * or domain, or words of the question; 2 points per shared value or
 * technology, 1 for the domain, 1 per shared word (at most 5).
 */
export async function similarPrecedents(
  deps: Deps,
  actor: Actor,
  subject: { text: string; values: string[]; technologies: string[]; domain: string; exclude: { sourceType: PrecedentSource; sourceId: string }[] },
  limit = 5,
): Promise<PrecedentHit[]> {
  const rows = await deps.db
    .selectFrom("precedent_index")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("visibility", "in", visibleTo(actor))
    .orderBy("indexed_at", "desc")
    .limit(1000)
    .execute();
  const words = queryWords(subject.text).filter((w) => w.length >= 4);
  return rows
    .filter((r) => !subject.exclude.some((e) => e.sourceType === r.source_type && e.sourceId === r.source_id))
    .map((r) => {
      const values = parseStringList(r.values_json);
      const technologies = parseStringList(r.technologies_json);
      const tokens = new Set(r.text_norm.split(" "));
      const score =
        2 * subject.values.filter((v) => values.includes(v)).length +
        2 * subject.technologies.filter((v) => technologies.includes(v)).length +
        (subject.domain && subject.domain === r.domain ? 1 : 0) +
        Math.min(5, words.filter((w) => tokens.has(w)).length);
      return toHit(r, score);
    })
    .filter((h) => h.score >= 2)
    .sort((a, b) => b.score - a.score || b.year - a.year)
    .slice(0, limit);
}
