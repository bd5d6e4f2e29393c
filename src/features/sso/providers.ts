// The organisation's identity providers (OpenID Connect): what an admin sets
// up, checked against the provider's own discovery document before it is
// stored. The client secret is sealed with SECRETS_KEY.
import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import { ORGANISATION_ROLES, isOrganisationRole, type OrganisationRole } from "../../domain/permissions/roles.ts";
import { mappingConflicts } from "../../domain/permissions/segregation.ts";
import { OidcError, OidcProvider } from "../../platform/auth/oidc.ts";
import { secretBox } from "../../platform/crypto/secret-box.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import type { SsoProviderTable } from "./schema.ts";
import "./schema.ts";

export function requireSsoAdmin(actor: Actor): void {
  if (!can(actor, "organisation.manage")) throw forbidden();
}

const flag = z
  .union([z.boolean(), z.literal("1"), z.literal("on"), z.literal("true"), z.literal("0"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "1" || v === "on" || v === "true");

const claimName = (fallback: string) =>
  z
    .string()
    .trim()
    .max(100, "field.too_long")
    .regex(/^$|^[\w.:/-]+$/, "sso.field.claim_format")
    .optional()
    .transform((v) => v || fallback);

export const ProviderInput = z.object({
  name: fields.text(80),
  issuer: z
    .string()
    .trim()
    .min(1, "field.required")
    .max(500, "field.too_long")
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "sso.field.issuer_format")
    // The issuer is compared exactly with the discovery document's; a trailing slash is kept as typed.
    .transform((v) => v),
  clientId: fields.text(200),
  /** Empty when changing a provider: the stored secret stays. */
  clientSecret: z
    .string()
    .trim()
    .max(1000, "field.too_long")
    .nullable()
    .optional()
    .transform((v) => v || null),
  scopes: z
    .string()
    .trim()
    .max(300, "field.too_long")
    .optional()
    .transform((v) => (v || "openid email profile").split(/\s+/).filter(Boolean))
    .refine((s) => s.every((x) => /^[\w.:/-]+$/.test(x)), "sso.field.scopes_format")
    .refine((s) => s.includes("openid"), "sso.field.scopes_openid")
    .transform((s) => [...new Set(s)].join(" ")),
  claimSubject: claimName("sub"),
  claimEmail: claimName("email"),
  claimName: claimName("name"),
  /** Empty: this provider brings no groups; roles stay managed in Afweging. */
  claimGroups: z
    .string()
    .trim()
    .max(100, "field.too_long")
    .regex(/^$|^[\w.:/-]+$/, "sso.field.claim_format")
    .optional()
    .transform((v) => v ?? ""),
  /** A comma-separated text (the form) or a list (the API); stored lower case, without "@". */
  emailDomains: z
    .union([z.string().max(500, "field.too_long"), z.array(z.string().max(253, "field.too_long")).max(50, "field.too_long")])
    .optional()
    .transform((v) => [...new Set((Array.isArray(v) ? v : (v ?? "").split(/[\s,;]+/)).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))])
    .refine((ds) => ds.every((d) => /^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/.test(d)), "sso.field.domains_format"),
  jitAccounts: flag,
  enabled: flag,
});
export type ProviderInput = z.infer<typeof ProviderInput>;

export const MappingInput = z.object({
  group: z.string().trim().min(1, "field.required").max(254, "field.too_long"),
  role: z.enum(ORGANISATION_ROLES, "field.invalid_choice"),
});

export interface ProviderView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  scopes: string;
  claims: { subject: string; email: string; name: string; groups: string };
  emailDomains: string[];
  jitAccounts: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  mappings: { id: string; group: string; role: OrganisationRole }[];
}

/** A provider as stored, in the words of the API and the audit trail (everything but the secret). */
function settingsOf(v: ReturnType<typeof rowValues>) {
  return {
    name: v.name,
    issuer: v.issuer,
    clientId: v.client_id,
    scopes: v.scopes,
    claims: { subject: v.claim_subject, email: v.claim_email, name: v.claim_name, groups: v.claim_groups },
    emailDomains: v.email_domains ? v.email_domains.split(",") : [],
    jitAccounts: v.jit_accounts === 1,
    enabled: v.enabled === 1,
  };
}

export function providerView(row: SsoProviderTable, mappings: ProviderView["mappings"] = []): ProviderView {
  return { id: row.id, ...settingsOf(row), createdAt: row.created_at, updatedAt: row.updated_at, mappings };
}

export const secretPurpose = (providerId: string) => `sso_provider:${providerId}:client_secret`;

export async function listProviders(deps: Deps, actor: Actor): Promise<ProviderView[]> {
  requireSsoAdmin(actor);
  const rows = await deps.db.selectFrom("sso_providers").selectAll().where("organisation_id", "=", actor.organisationId).orderBy("name").orderBy("id").execute();
  const mappings = await mappingsOf(deps, actor.organisationId, rows.map((r) => r.id));
  return rows.map((r) => providerView(r, mappings.get(r.id)));
}

export async function getProvider(deps: Deps, actor: Actor, id: string): Promise<ProviderView> {
  requireSsoAdmin(actor);
  const row = await providerRow(deps, actor.organisationId, id);
  return providerView(row, (await mappingsOf(deps, actor.organisationId, [id])).get(id));
}

async function providerRow(deps: Deps, organisationId: string, id: string): Promise<SsoProviderTable> {
  const row = await deps.db.selectFrom("sso_providers").selectAll().where("id", "=", id).where("organisation_id", "=", organisationId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function mappingsOf(deps: Deps, organisationId: string, providerIds: string[]): Promise<Map<string, ProviderView["mappings"]>> {
  const out = new Map<string, ProviderView["mappings"]>();
  if (!providerIds.length) return out;
  const rows = await deps.db
    .selectFrom("sso_group_mappings")
    .select(["id", "provider_id", "group_value", "role"])
    .where("organisation_id", "=", organisationId)
    .where("provider_id", "in", providerIds)
    .orderBy("group_value")
    .orderBy("role")
    .execute();
  for (const r of rows) {
    if (!isOrganisationRole(r.role)) continue;
    out.set(r.provider_id, [...(out.get(r.provider_id) ?? []), { id: r.id, group: r.group_value, role: r.role }]);
  }
  return out;
}

const DISCOVERY_KEYS: Record<OidcError["problem"], MessageKey> = {
  unreachable: "sso.discovery.unreachable",
  discovery_invalid: "sso.discovery.invalid",
  discovery_incomplete: "sso.discovery.incomplete",
  insecure_issuer: "sso.discovery.insecure",
  provider_error: "sso.discovery.invalid",
  state_mismatch: "sso.discovery.invalid",
  token_refused: "sso.discovery.invalid",
  id_token_invalid: "sso.discovery.invalid",
};

/**
 * Fetches the provider's discovery document before anything is stored, so an
 * address that does not answer or lacks an endpoint is told to the admin at
 * once. Runs outside the transaction: a slow provider must not hold the database.
 */
async function checkDiscovery(deps: Deps, issuer: string, clientId: string, clientSecret: string): Promise<void> {
  try {
    await OidcProvider.discover({ issuer, clientId, clientSecret, now: deps.now });
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    throw invalid([{ field: "issuer", messageKey: DISCOVERY_KEYS[e.problem], params: { issuer, detail: e.detail } }]);
  }
}

/** An e-mail domain leads to one organisation only, so the login page cannot send people to another's provider. */
async function assertDomainsFree(deps: Deps, organisationId: string, domains: string[]): Promise<void> {
  if (!domains.length) return;
  const others = await deps.db.selectFrom("sso_providers").select("email_domains").where("organisation_id", "!=", organisationId).execute();
  const taken = new Set(others.flatMap((o) => (o.email_domains ? o.email_domains.split(",") : [])));
  const clash = domains.find((d) => taken.has(d));
  if (clash) throw invalid([{ field: "emailDomains", messageKey: "sso.field.domain_taken", params: { domain: clash } }]);
}

function rowValues(data: ProviderInput): Pick<SsoProviderTable, "name" | "issuer" | "client_id" | "scopes" | "claim_subject" | "claim_email" | "claim_name" | "claim_groups" | "email_domains" | "jit_accounts" | "enabled"> {
  return {
    name: data.name,
    issuer: data.issuer,
    client_id: data.clientId,
    scopes: data.scopes,
    claim_subject: data.claimSubject,
    claim_email: data.claimEmail,
    claim_name: data.claimName,
    claim_groups: data.claimGroups,
    email_domains: data.emailDomains.join(","),
    jit_accounts: data.jitAccounts ? 1 : 0,
    enabled: data.enabled ? 1 : 0,
  };
}

export async function createProvider(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  requireSsoAdmin(actor);
  const data = parseInput(ProviderInput, input);
  if (!data.clientSecret) throw invalid([{ field: "clientSecret", messageKey: "field.required" }]);
  await checkDiscovery(deps, data.issuer, data.clientId, data.clientSecret);
  return inTransaction(deps, actor, async (tx) => {
    await assertDomainsFree(tx, actor.organisationId, data.emailDomains);
    const id = tx.newId();
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("sso_providers")
      .values({ id, organisation_id: actor.organisationId, ...rowValues(data), client_secret_sealed: secretBox(tx.config).seal(data.clientSecret!, secretPurpose(id)), created_at: now, updated_at: now })
      .execute();
    await tx.audit({ action: "sso_provider.created", entityType: "sso_provider", entityId: id, after: settingsOf(rowValues(data)) });
    return id;
  });
}

export async function updateProvider(deps: Deps, actor: Actor, id: string, input: unknown): Promise<void> {
  requireSsoAdmin(actor);
  const data = parseInput(ProviderInput, input);
  const current = await providerRow(deps, actor.organisationId, id);
  const secret = data.clientSecret ?? secretBox(deps.config).open(current.client_secret_sealed, secretPurpose(id));
  await checkDiscovery(deps, data.issuer, data.clientId, secret);
  await inTransaction(deps, actor, async (tx) => {
    const before = await lockForUpdate(tx, tx.db.selectFrom("sso_providers").selectAll().where("id", "=", id).where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
    if (!before) throw notFound();
    await assertDomainsFree(tx, actor.organisationId, data.emailDomains);
    await tx.db
      .updateTable("sso_providers")
      // Sealed again on every save, also when kept: after a key rotation, saving once moves it to the new key.
      .set({ ...rowValues(data), client_secret_sealed: secretBox(tx.config).seal(secret, secretPurpose(id)), updated_at: tx.now().toISOString() })
      .where("id", "=", id)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({
      action: "sso_provider.updated",
      entityType: "sso_provider",
      entityId: id,
      before: settingsOf(before),
      after: { ...settingsOf(rowValues(data)), clientSecretChanged: !!data.clientSecret },
    });
  });
}

export async function addMapping(deps: Deps, actor: Actor, providerId: string, input: unknown): Promise<string> {
  requireSsoAdmin(actor);
  const { group, role } = parseInput(MappingInput, input);
  return inTransaction(deps, actor, async (tx) => {
    // Locked: two admins adding mappings to one group at once are checked one after the other.
    const provider = await lockForUpdate(tx, tx.db.selectFrom("sso_providers").select("id").where("id", "=", providerId).where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
    if (!provider) throw notFound();
    const existing = (await mappingsOf(tx, actor.organisationId, [providerId])).get(providerId) ?? [];
    if (existing.some((m) => m.group === group && m.role === role)) throw new AppError("conflict", "sso.mapping.exists");
    const conflict = mappingConflicts([...existing, { group, role }]).find((c) => c.group === group);
    if (conflict) {
      throw new AppError("rule_refused", "sso.segregation.mapping", { params: { group } });
    }
    const id = tx.newId();
    await tx.db.insertInto("sso_group_mappings").values({ id, organisation_id: actor.organisationId, provider_id: providerId, group_value: group, role, created_at: tx.now().toISOString() }).execute();
    await tx.audit({ action: "sso_provider.mapping_added", entityType: "sso_provider", entityId: providerId, after: { group, role } });
    return id;
  });
}

export async function removeMapping(deps: Deps, actor: Actor, providerId: string, mappingId: string): Promise<void> {
  requireSsoAdmin(actor);
  await inTransaction(deps, actor, async (tx) => {
    const mapping = await tx.db
      .selectFrom("sso_group_mappings")
      .select(["id", "group_value", "role"])
      .where("id", "=", mappingId)
      .where("provider_id", "=", providerId)
      .where("organisation_id", "=", actor.organisationId)
      .executeTakeFirst();
    if (!mapping) throw notFound();
    await tx.db.deleteFrom("sso_group_mappings").where("id", "=", mappingId).execute();
    await tx.audit({ action: "sso_provider.mapping_removed", entityType: "sso_provider", entityId: providerId, before: { group: mapping.group_value, role: mapping.role } });
  });
}
