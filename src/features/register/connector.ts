// The connector to the national Algoritmeregister, configured per organisation
// by its administrator: the delivery API's address, the OAuth2 token endpoint
// and client credentials (the secret sealed with the platform's secret box).
// Off by default. When on, every publication records a delivery in its own
// transaction; deliver.ts sends it after the commit and tries again on failure.
import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { secretBox } from "../../platform/crypto/secret-box.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { userName } from "./access.ts";

export const secretPurpose = (organisationId: string) => `register-connector:${organisationId}`;

const flag = z
  .union([z.boolean(), z.enum(["on", "1", "true", ""])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "1" || v === "true");
const address = z.string().trim().max(500, "field.too_long").refine((v) => v === "" || /^https?:\/\/[^\s<>"]+$/i.test(v), "register.field_url");

export const ConnectorInput = z
  .object({
    enabled: flag,
    apiUrl: address,
    tokenUrl: address,
    clientId: z.string().trim().max(200, "field.too_long"),
    /** Empty keeps the secret already stored. */
    clientSecret: z.string().max(500, "field.too_long").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.enabled) return;
    for (const key of ["apiUrl", "tokenUrl", "clientId"] as const) if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: "register.connector_required" });
  });

export interface ConnectorView {
  enabled: boolean;
  apiUrl: string;
  tokenUrl: string;
  clientId: string;
  hasSecret: boolean;
  updatedByName: string | null;
  updatedAt: string | null;
}

const requireManage = (actor: Actor) => {
  if (!can(actor, "organisation.manage")) throw forbidden();
};

export async function getConnector(deps: Deps, actor: Actor): Promise<ConnectorView> {
  requireManage(actor);
  const row = await deps.db.selectFrom("register_connectors").selectAll().where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  return {
    enabled: row?.enabled === 1,
    apiUrl: row?.api_url ?? "",
    tokenUrl: row?.token_url ?? "",
    clientId: row?.client_id ?? "",
    hasSecret: !!row?.client_secret_sealed,
    updatedByName: row?.updated_by_name ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function saveConnector(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  requireManage(actor);
  const data = parseInput(ConnectorInput, input);
  await inTransaction(deps, actor, async (tx) => {
    const before = await tx.db.selectFrom("register_connectors").selectAll().where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    const sealed = data.clientSecret ? secretBox(tx.config).seal(data.clientSecret, secretPurpose(actor.organisationId)) : (before?.client_secret_sealed ?? null);
    if (data.enabled && !sealed) throw invalid([{ field: "clientSecret", messageKey: "register.connector_secret_required" }]);
    const now = tx.now().toISOString();
    const values = { enabled: data.enabled ? 1 : 0, api_url: data.apiUrl, token_url: data.tokenUrl, client_id: data.clientId, client_secret_sealed: sealed, updated_by: actor.userId, updated_by_name: await userName(tx, actor), updated_at: now };
    if (before) await tx.db.updateTable("register_connectors").set(values).where("organisation_id", "=", actor.organisationId).execute();
    else await tx.db.insertInto("register_connectors").values({ organisation_id: actor.organisationId, ...values }).execute();
    const shown = (r: { enabled: number; api_url: string; token_url: string; client_id: string } | undefined) => (r ? { enabled: r.enabled === 1, apiUrl: r.api_url, tokenUrl: r.token_url, clientId: r.client_id } : null);
    await tx.audit({ action: "register_connector.updated", entityType: "organisation", entityId: actor.organisationId, before: shown(before), after: { ...shown(values), secretChanged: !!data.clientSecret } });
  });
}

/** In a publication's transaction: a delivery of this version when the organisation's connector is on. */
export async function recordDelivery(tx: Tx, organisationId: string, entryId: string, version: number): Promise<boolean> {
  const connector = await tx.db.selectFrom("register_connectors").select("enabled").where("organisation_id", "=", organisationId).executeTakeFirst();
  if (connector?.enabled !== 1) return false;
  const now = tx.now().toISOString();
  await tx.db.insertInto("register_deliveries").values({ id: tx.newId(), organisation_id: organisationId, entry_id: entryId, version, status: "pending", attempts: 0, last_error: null, remote_lars: null, next_attempt_at: now, created_at: now, updated_at: now }).execute();
  return true;
}
