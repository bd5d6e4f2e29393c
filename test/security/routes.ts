// What the security tests know of the app's routes: which are public, which
// table a path parameter points into, and ids of the demo organisation to fill
// them with. The routes themselves come from the router (routesOf).
import type { createApp } from "../../src/app.ts";
import type { createSeededTestDatabase } from "../support/database.ts";

export type Route = { method: string; path: string };

/** Routes anyone may call, or whose path parameter is not a record of an organisation. */
export const PUBLIC: RegExp[] = [
  /^\/assets\//,
  /^\/bias-audits\/assets\//,
  /^\/accountability\/assets\//, // its stylesheet, like the bias audit's
  /^\/health$/,
  /^\/ready$/,
  /^\/login(\/|$)/,
  /^\/logout$/, // refuses without a session (303 to /login) — checked in the account tests
  /^\/language$/,
  /^\/openbaar\//, // the public register of published committee advice
  /^\/openbaar$/, // the public algorithm register
  /^\/$/, // the public start page for a visitor; a logged-in user's own start page
  /^\/api\/v1\/public\//,
  /^\/api\/v1\/openapi\.json$/,
  /^\/api\/docs(\/|$)/, // the browsable API documentation (a part of the API, not a record)
  /^\/organisation\/(logo|theme\.css)$/, // the organisation's look, also on the login page
];

/** Uploads whose body is streamed: their CSRF check refuses a visitor (403) before the session is asked for. */
export const STREAMED: RegExp[] = [/^\/bias-audits\/upload$/, /^\/evidence\/upload$/];

/** Path parameters that are not a record of an organisation (an instrument, a section, a number, a value's key). */
export const NOT_A_RECORD: RegExp[] = [/^\/api\/v1\/instruments\//, /\/values\/:key/, /\/plans\/:year/, /\/audit-plans\/:year/];

/** Which table a path parameter points into: by its name, or for `:id` by the segment before it. */
export const PARAM_TABLE: Record<string, string> = {
  key: "org_values",
  projectId: "projects",
  measureId: "measures",
  riskId: "risks",
  assignmentId: "role_assignments",
  mappingId: "sso_group_mappings",
  providerId: "sso_providers",
  aid: "deliberation_actions",
  pid: "deliberation_participants",
};
export const SEGMENT_TABLE: Record<string, string> = {
  trainings: "ai_literacy_trainings",
  projects: "projects",
  "bias-audits": "bias_audits",
  deliberations: "deliberations",
  users: "users",
  risks: "risks",
  responses: "instrument_responses",
  cases: "committee_cases",
  "committee-cases": "committee_cases",
  measures: "measures",
  requests: "advice_requests",
  "advice-requests": "advice_requests",
  recommendations: "expert_recommendations",
  members: "role_assignments",
  "role-assignments": "role_assignments",
  tokens: "api_tokens",
  sso: "sso_providers",
  providers: "sso_providers",
  meetings: "meetings",
  contracts: "contracts",
  audits: "audits",
  findings: "audit_findings",
  "audit-findings": "audit_findings",
  evidence: "evidence_items",
  organisations: "organisations",
  "service-tokens": "api_tokens",
  notifications: "notifications",
};
/** Parameters that are not ids: a plausible value, so that only the record in the path decides. */
// jobId: the scheduler's jobs belong to the instance, not to an organisation; only an instance administrator may touch one.
export const PLAIN_VALUE: Record<string, string> = { jobId: "een-taak", year: "2026", instrumentId: "ethics-canvas", sectionId: "doel", stepId: "1", n: "1", number: "1", version: "1.0.0" };

export function routesOf(app: ReturnType<typeof createApp>): Route[] {
  const seen = new Set<string>();
  const out: Route[] = [];
  for (const r of app.routes) {
    const key = `${r.method} ${r.path}`;
    if (r.method === "ALL" || seen.has(key) || r.path.includes("*")) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out;
}

export const isPublic = (path: string) => PUBLIC.some((p) => p.test(path));

/** One id of the demo organisation per table that a path parameter can point into. */
export async function recordIds(db: Awaited<ReturnType<typeof createSeededTestDatabase>>["db"], organisationId: string): Promise<Record<string, string>> {
  const tables = [...new Set([...Object.values(PARAM_TABLE), ...Object.values(SEGMENT_TABLE)])];
  const out: Record<string, string> = {};
  for (const table of tables) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const row = await (db as any).selectFrom(table).select("id").where(table === "organisations" ? "id" : "organisation_id", "=", organisationId).executeTakeFirst();
    // A table the demo leaves empty gets an id that exists nowhere: the answer must be the same.
    out[table] = row?.id ?? `onbekend-${table}`;
  }
  return out;
}

/** What the parameter at `parts[i]` stands for: a plain value, the table of a record, or nothing known. */
export function paramKind(parts: readonly string[], i: number): { value: string } | { table: string } | null {
  const name = parts[i]!.slice(1);
  if (name in PLAIN_VALUE) return { value: PLAIN_VALUE[name]! };
  if (name === "id" && parts[i - 1] === "instruments") return { value: PLAIN_VALUE.instrumentId! };
  const table = PARAM_TABLE[name] ?? (name === "id" ? SEGMENT_TABLE[parts[i - 1] ?? ""] : undefined);
  return table ? { table } : null;
}

export function fill(path: string, idOf: Record<string, string>): string {
  const parts = path.split("/");
  return parts
    .map((part, i) => {
      if (!part.startsWith(":")) return part;
      const kind = paramKind(parts, i);
      if (!kind) throw new Error(`authorization matrix: no table for ${part} in ${path} — add it to PARAM_TABLE or SEGMENT_TABLE`);
      return "value" in kind ? kind.value : encodeURIComponent(idOf[kind.table]!);
    })
    .join("/");
}

/** What the demo organisation holds: rows per table and its audit events. A refused request changes none of it. */
export async function demoFootprint(db: Awaited<ReturnType<typeof createSeededTestDatabase>>["db"], organisationId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [...new Set([...Object.values(PARAM_TABLE), ...Object.values(SEGMENT_TABLE), "audit_events", "gate_decisions", "measures", "risks", "instrument_response_versions"])]) {
    const column = table === "audit_events" ? "chain" : table === "organisations" ? "id" : "organisation_id";
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const row = await (db as any).selectFrom(table).select((eb: any) => eb.fn.countAll().as("n")).where(column, "=", organisationId).executeTakeFirst();
    out[table] = Number(row?.n ?? 0);
  }
  return out;
}


