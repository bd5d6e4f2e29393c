// What residents see: published entries of every organisation on the instance,
// searched in Dutch (stemmed prefix terms, the same on both engines), filtered,
// paginated; the detail of one, its older versions and similar ones.
import { sql } from "kysely";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { readJson, readStringList } from "../../platform/db/json-columns.ts";
import { notFound } from "../../platform/errors.ts";
import { parseInput } from "../../platform/validation.ts";
import { listPublishedAdviceOfProject } from "../committee/public-advice.ts";
import { POLICY_AREAS, PUBLICATION_CATEGORIES, STATUSES, type EntryFields } from "./fields.ts";
import { queryTerms } from "./stem.ts";

export const PAGE_SIZE = 20;

const opt = (max: number) => z.string().trim().max(max, "field.too_long").optional().transform((v) => (v ? v : undefined));
const optEnum = (values: readonly string[]) => z.enum(["", ...values] as [string, ...string[]], "field.invalid_choice").optional().transform((v) => (v ? v : undefined));

export const PublicQuery = z.object({
  q: opt(200),
  organisation: opt(100),
  status: optEnum(STATUSES),
  category: optEnum(PUBLICATION_CATEGORIES),
  policyArea: optEnum(POLICY_AREAS),
  value: opt(100),
  technology: opt(100),
  page: z.coerce.number().int("field.invalid").min(1, "field.invalid").max(10000, "field.invalid").optional().default(1),
  pageSize: z.coerce.number().int("field.invalid").min(1, "field.invalid").max(100, "field.invalid").optional().default(PAGE_SIZE),
});
export type PublicQueryData = z.infer<typeof PublicQuery>;

export interface PublicSummary {
  lars: string;
  name: string;
  summary: string;
  status: string;
  category: string;
  organisationName: string;
  organisationSlug: string;
  updatedAt: string;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
const containsJson = (column: string, value: string) => sql<boolean>`${sql.ref(column)} like ${`%${likeEscape(JSON.stringify(value))}%`} escape '\\'`;

function publicBase(deps: Deps, query: PublicQueryData) {
  let q = deps.db
    .selectFrom("register_entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .where("e.public_state", "=", "published");
  if (query.organisation) q = q.where("o.slug", "=", query.organisation);
  if (query.status) q = q.where("e.pub_status", "=", query.status);
  if (query.category) q = q.where("e.pub_category", "=", query.category);
  if (query.policyArea) q = q.where(containsJson("e.pub_policy_areas_json", query.policyArea));
  if (query.value) q = q.where(containsJson("e.pub_values_json", query.value));
  if (query.technology) q = q.where(containsJson("e.pub_technologies_json", query.technology));
  for (const term of queryTerms(query.q ?? "")) {
    // A prefix as a range of the terms' index (both engines), the LIKE only to keep it exact under any collation.
    const next = term.slice(0, -1) + String.fromCodePoint(term.codePointAt(term.length - 1)! + 1);
    q = q.where("e.id", "in", deps.db.selectFrom("register_search_terms").select("entry_id").where("term", ">=", term).where("term", "<", next).where("term", "like", `${term}%`));
  }
  return q;
}

export async function searchPublic(deps: Deps, input: unknown): Promise<{ items: PublicSummary[]; total: number; page: number; pageSize: number; query: PublicQueryData }> {
  const query = parseInput(PublicQuery, input);
  if (query.q !== undefined && queryTerms(query.q).length === 0 && query.q.trim() !== "") return { items: [], total: 0, page: query.page, pageSize: query.pageSize, query };
  const count = await publicBase(deps, query).select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirst();
  const rows = await publicBase(deps, query)
    .select(["e.lars", "e.pub_name", "e.pub_summary", "e.pub_status", "e.pub_category", "e.pub_updated_at", "o.name as organisation_name", "o.slug as organisation_slug"])
    .orderBy("e.pub_updated_at", "desc")
    .orderBy("e.lars")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({ lars: r.lars, name: r.pub_name ?? "", summary: r.pub_summary ?? "", status: r.pub_status ?? "", category: r.pub_category ?? "", organisationName: r.organisation_name, organisationSlug: r.organisation_slug, updatedAt: r.pub_updated_at ?? "" })),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
    query,
  };
}

export interface Facets {
  organisations: { slug: string; name: string }[];
  values: string[];
  technologies: string[];
}

const FACETS_FOR_MS = 30_000;
const facetsMemo = new WeakMap<Deps["db"], { at: number; facets: Facets }>();

/**
 * The filter lists of the public register: organisations with public entries,
 * and the values and technologies they name. Kept for 30 seconds per database
 * (a new value shows in the list within that time; the search itself is always
 * current), so a page does not read every public entry.
 */
export async function publicFacets(deps: Deps): Promise<Facets> {
  const memo = facetsMemo.get(deps.db);
  const now = Date.now();
  if (memo && now - memo.at < FACETS_FOR_MS) return memo.facets;
  const orgs = await deps.db
    .selectFrom("organisations as o")
    .select(["o.slug", "o.name"])
    .where((eb) => eb.exists(eb.selectFrom("register_entries as e").select("e.id").whereRef("e.organisation_id", "=", "o.id").where("e.public_state", "=", "published")))
    .orderBy("o.name")
    .execute();
  const lists = await deps.db.selectFrom("register_entries").select(["pub_values_json", "pub_technologies_json"]).distinct().where("public_state", "=", "published").limit(2000).execute();
  const values = new Set<string>();
  const tech = new Set<string>();
  for (const r of lists) {
    readStringList(r.pub_values_json).forEach((v) => values.add(v));
    readStringList(r.pub_technologies_json).forEach((v) => tech.add(v));
  }
  const facets = { organisations: orgs, values: [...values].sort((a, b) => a.localeCompare(b, "nl")), technologies: [...tech].sort() };
  facetsMemo.set(deps.db, { at: now, facets });
  return facets;
}

export interface PublicEntry {
  id: string;
  lars: string;
  organisationId: string;
  organisation: { name: string; slug: string; tooiCode: string | null };
  projectId: string;
  version: number;
  versions: { version: number; publishedAt: string }[];
  fields: EntryFields;
  firstPublishedAt: string;
  publishedAt: string;
  technologies: string[];
  advice: { id: string; title: string; publishedAt: string; boardDecision: string | null }[];
}

const fieldsOf = (json: string): EntryFields => {
  const v = readJson(json);
  return v && typeof v === "object" && !Array.isArray(v) ? (v as EntryFields) : {};
};

/** A published entry by its register id, at its newest or an older published version. */
export async function getPublicEntry(deps: Deps, lars: string, version?: number): Promise<PublicEntry> {
  if (!/^[a-z0-9]{8}$/.test(lars)) throw notFound();
  const row = await deps.db
    .selectFrom("register_entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "e.lars", "e.organisation_id", "e.project_id", "e.published_version", "e.first_published_at", "e.pub_technologies_json", "o.name", "o.slug", "o.tooi_code"])
    .where("e.lars", "=", lars)
    .where("e.public_state", "=", "published")
    .executeTakeFirst();
  if (!row || !row.published_version) throw notFound();
  const versions = await deps.db.selectFrom("register_entry_versions").select(["version", "published_at", "fields_json"]).where("entry_id", "=", row.id).where("organisation_id", "=", row.organisation_id).orderBy("version", "desc").execute();
  const shown = versions.find((v) => v.version === (version ?? row.published_version));
  if (!shown) throw notFound();
  return {
    id: row.id,
    lars: row.lars,
    organisationId: row.organisation_id,
    organisation: { name: row.name, slug: row.slug, tooiCode: row.tooi_code },
    projectId: row.project_id,
    version: shown.version,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.published_at })),
    fields: fieldsOf(shown.fields_json),
    firstPublishedAt: row.first_published_at ?? shown.published_at,
    publishedAt: shown.published_at,
    technologies: readStringList(row.pub_technologies_json),
    advice: await listPublishedAdviceOfProject(deps, row.organisation_id, row.project_id),
  };
}

/** How many of an entry's terms "similar" looks at: its rarest ones that another entry also has. */
const SIMILAR_TERMS = 12;

/** Entries that share the most of this one's rarest search terms, at most five. */
export async function similarEntries(deps: Deps, entryId: string): Promise<PublicSummary[]> {
  const rare = await deps.db
    .selectFrom("register_search_terms as mine")
    .innerJoin("register_term_counts as c", "c.term", "mine.term")
    .select("mine.term")
    .where("mine.entry_id", "=", entryId)
    .where("c.entries", ">", 1)
    .where(sql<boolean>`length(mine.term) > 3`)
    .orderBy("c.entries")
    .orderBy("mine.term")
    .limit(SIMILAR_TERMS)
    .execute();
  if (!rare.length) return [];
  const shared = await deps.db
    .selectFrom("register_search_terms as other")
    .innerJoin("register_entries as e", "e.id", "other.entry_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.lars", "e.pub_name", "e.pub_summary", "e.pub_status", "e.pub_category", "e.pub_updated_at", "o.name as organisation_name", "o.slug as organisation_slug", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("other.term", "in", rare.map((r) => r.term))
    .where("other.entry_id", "!=", entryId)
    .where("e.public_state", "=", "published")
    .groupBy(["e.lars", "e.pub_name", "e.pub_summary", "e.pub_status", "e.pub_category", "e.pub_updated_at", "o.name", "o.slug"])
    .orderBy("n", "desc")
    .orderBy("e.pub_updated_at", "desc")
    .orderBy("e.lars")
    .limit(5)
    .execute();
  return shared.map((r) => ({ lars: r.lars, name: r.pub_name ?? "", summary: r.pub_summary ?? "", status: r.pub_status ?? "", category: r.pub_category ?? "", organisationName: r.organisation_name, organisationSlug: r.organisation_slug, updatedAt: r.pub_updated_at ?? "" }));
}

/** What the exports need of a published entry (its newest version). */
export type ExportedEntry = Pick<PublicEntry, "lars" | "version" | "fields" | "firstPublishedAt" | "publishedAt" | "organisation">;

/** Every published entry (of one organisation, or all), newest version each, newest first: two statements, whatever their number. */
export async function publishedEntriesOf(deps: Deps, organisationSlug: string | null, limit = 5000): Promise<ExportedEntry[]> {
  let q = deps.db
    .selectFrom("register_entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "e.lars", "e.published_version", "e.first_published_at", "o.name", "o.slug", "o.tooi_code"])
    .where("e.public_state", "=", "published")
    .orderBy("e.pub_updated_at", "desc")
    .orderBy("e.lars");
  if (organisationSlug !== null) q = q.where("o.slug", "=", organisationSlug);
  const rows = await q.limit(limit).execute();
  const versions = new Map<string, { fields_json: string; published_at: string; version: number }>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const found = await deps.db
      .selectFrom("register_entry_versions as v")
      .innerJoin("register_entries as e", (j) => j.onRef("e.id", "=", "v.entry_id").onRef("e.published_version", "=", "v.version"))
      .select(["v.entry_id", "v.fields_json", "v.published_at", "v.version"])
      .where("v.entry_id", "in", ids)
      .execute();
    for (const v of found) versions.set(v.entry_id, v);
  }
  return rows.flatMap((r) => {
    const v = versions.get(r.id);
    if (!v) return [];
    return [{ lars: r.lars, version: v.version, fields: fieldsOf(v.fields_json), firstPublishedAt: r.first_published_at ?? v.published_at, publishedAt: v.published_at, organisation: { name: r.name, slug: r.slug, tooiCode: r.tooi_code } }];
  });
}
