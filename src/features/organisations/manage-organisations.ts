import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, invalid, notFound } from "../../platform/errors.ts";
import { findOrganisation, LOGO_MAX_BYTES, logoTypeOf, type OrganisationSettings } from "../../platform/organisations.ts";
import { inTransaction, lockForUpdate, type Tx, type TxActor } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { requireInstanceAdmin } from "./instance-admin.ts";
import { DisableOrganisationInput, OrganisationInput, type OrganisationInputData } from "./schemas.ts";

/** What a new organisation needs before its first user arrives (e.g. the default value set), contributed by the features. */
export interface NewOrganisationStep {
  name: string;
  run(tx: Tx, organisationId: string): Promise<void>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    newOrganisationSteps: NewOrganisationStep;
  }
}

export type Logo = { bytes: Uint8Array } | null;

/** Null for the command line: the system acts, as it does when the instance is set up. */
type InstanceActor = ActorWithProfile | null;

function txActorFor(actor: InstanceActor, organisationId: string | null): TxActor {
  return actor ? { userId: actor.userId, organisationId, name: actor.name } : { userId: null, organisationId, name: "systeem (opdrachtregel)" };
}

function logoUrlOf(data: OrganisationInputData, logo: Logo): string | undefined {
  const bytes = logo?.bytes.length ? logo.bytes : data.logoBase64 ? new Uint8Array(Buffer.from(data.logoBase64, "base64")) : null;
  if (!bytes || bytes.length === 0) return undefined;
  if (bytes.length > LOGO_MAX_BYTES) throw invalid([{ field: "logo", messageKey: "organisation.logo_too_big" }]);
  const type = logoTypeOf(bytes);
  if (!type) throw invalid([{ field: "logo", messageKey: "organisation.logo_content" }]);
  return `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;
}

const settingsOf = (data: OrganisationInputData): OrganisationSettings => ({ defaultLocale: data.defaultLocale, checkRegisterLinks: data.checkRegisterLinks });
const recorded = (data: OrganisationInputData) => ({ name: data.name, slug: data.slug, tooiCode: data.tooiCode, themeClass: data.themeClass, contactEmail: data.contactEmail, settings: settingsOf(data) });

async function assertSlugFree(tx: Tx, slug: string, exceptId?: string): Promise<void> {
  let q = tx.db.selectFrom("organisations").select("id").where("slug", "=", slug);
  if (exceptId) q = q.where("id", "!=", exceptId);
  if (await q.executeTakeFirst()) throw invalid([{ field: "slug", messageKey: "organisation.slug_taken" }]);
}

/**
 * Creates an organisation with what the features need in it from the start
 * (newOrganisationSteps). Recorded on the new organisation's chain and on the
 * instance's own (system) chain.
 */
export async function createOrganisation(deps: Deps, actor: InstanceActor, input: unknown, logo: Logo = null): Promise<string> {
  if (actor) requireInstanceAdmin(actor);
  const data = parseInput(OrganisationInput, input);
  const logoUrl = logoUrlOf(data, logo) ?? null;
  const id = deps.newId();
  await inTransaction(
    deps,
    txActorFor(actor, id),
    async (tx) => {
      await assertSlugFree(tx, data.slug);
      await tx.db
        .insertInto("organisations")
        .values({
          id,
          slug: data.slug,
          name: data.name,
          tooi_code: data.tooiCode,
          theme_class: data.themeClass,
          theme_css: null,
          logo_url: logoUrl,
          contact_email: data.contactEmail,
          settings_json: JSON.stringify(settingsOf(data)),
          disabled_at: null,
          created_at: tx.now().toISOString(),
        })
        .execute();
      await tx.audit({ action: "organisation.created", entityType: "organisation", entityId: id, after: recorded(data) });
      await inTransaction(tx, txActorFor(actor, null), (sys) => sys.audit({ action: "organisation.created", entityType: "organisation", entityId: id, after: recorded(data) }), null);
      for (const step of tx.extensions.get("newOrganisationSteps")) await step.run(tx, id);
    },
    id,
  );
  return id;
}

/** Changes an organisation's name, codes, look, contact address and settings (instance administrator). */
export async function updateOrganisation(deps: Deps, actor: ActorWithProfile, organisationId: string, input: unknown, logo: Logo = null): Promise<void> {
  requireInstanceAdmin(actor);
  const data = parseInput(OrganisationInput, input);
  const logoUrl = logoUrlOf(data, logo);
  await inTransaction(
    deps,
    txActorFor(actor, organisationId),
    async (tx) => {
      const row = await lockForUpdate(tx, tx.db.selectFrom("organisations").select("id").where("id", "=", organisationId)).executeTakeFirst();
      if (!row) throw notFound();
      const before = (await findOrganisation(tx.db, organisationId))!;
      await assertSlugFree(tx, data.slug, organisationId);
      await tx.db
        .updateTable("organisations")
        .set({
          name: data.name,
          slug: data.slug,
          tooi_code: data.tooiCode,
          theme_class: data.themeClass,
          contact_email: data.contactEmail,
          settings_json: JSON.stringify(settingsOf(data)),
          ...(logoUrl ? { logo_url: logoUrl } : {}),
        })
        .where("id", "=", organisationId)
        .execute();
      const after = { ...recorded(data), ...(logoUrl ? { logo: "nieuw" } : {}) };
      const beforeRecord = { name: before.name, slug: before.slug, tooiCode: before.tooiCode, themeClass: before.themeClass, contactEmail: before.contactEmail, settings: before.settings };
      await tx.audit({ action: "organisation.updated", entityType: "organisation", entityId: organisationId, before: beforeRecord, after });
      await inTransaction(tx, txActorFor(actor, null), (sys) => sys.audit({ action: "organisation.updated", entityType: "organisation", entityId: organisationId, before: beforeRecord, after }), null);
    },
    organisationId,
  );
}

/**
 * Disables an organisation (its users can no longer log in, its sessions end,
 * its tokens stop working) or enables it again. Nothing of it is deleted.
 */
export async function setOrganisationDisabled(deps: Deps, actor: InstanceActor, organisationId: string, disabled: boolean, input: unknown = {}): Promise<void> {
  if (actor) requireInstanceAdmin(actor);
  const reason = disabled ? parseInput(DisableOrganisationInput, input).reason : null;
  if (disabled && actor?.organisationId === organisationId) throw new AppError("rule_refused", "organisations.cannot_disable_own");
  await inTransaction(
    deps,
    txActorFor(actor, organisationId),
    async (tx) => {
      const row = await lockForUpdate(tx, tx.db.selectFrom("organisations").select(["id", "disabled_at"]).where("id", "=", organisationId)).executeTakeFirst();
      if (!row) throw notFound();
      if (!!row.disabled_at === disabled) return;
      await tx.db.updateTable("organisations").set({ disabled_at: disabled ? tx.now().toISOString() : null }).where("id", "=", organisationId).execute();
      if (disabled) await tx.db.deleteFrom("sessions").where("organisation_id", "=", organisationId).execute();
      const event = { action: disabled ? ("organisation.disabled" as const) : ("organisation.enabled" as const), entityType: "organisation" as const, entityId: organisationId, ...(reason ? { after: { reason } } : {}) };
      await tx.audit(event);
      await inTransaction(tx, txActorFor(actor, null), (sys) => sys.audit(event), null);
    },
    organisationId,
  );
}

/** An organisation by id or short name, for the command line. */
export async function organisationIdOf(deps: Deps, idOrSlug: string): Promise<string> {
  const row = await deps.db
    .selectFrom("organisations")
    .select("id")
    .where((eb) => eb.or([eb("slug", "=", idOrSlug), eb("id", "=", idOrSlug)]))
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "organisation.unknown", { params: { organisation: idOrSlug } });
  return row.id;
}
