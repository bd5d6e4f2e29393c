import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import { DEFAULT_THEME_CLASS, findOrganisation, LOGO_MAX_BYTES, logoTypeOf, TOOI_CODE } from "../../platform/organisations.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";

export { DEFAULT_THEME_CLASS, findOrganisation, organisationLogo, type Organisation } from "../../platform/organisations.ts";

const slug = z.string().trim().min(2, "field.required").max(60, "field.too_long").regex(/^[a-z0-9-]+$/, "organisation.slug_format");

export const CreateOrganisationInput = z.object({ name: fields.text(120), slug, tooiCode: fields.optionalText(40) });

/** Creating an organisation is an instance-level act (CLI, seed), so it goes on the system chain as well as its own. */
export async function createOrganisation(deps: Deps, input: unknown): Promise<string> {
  const data = parseInput(CreateOrganisationInput, input);
  const id = deps.newId();
  await inTransaction(
    deps,
    null,
    async (tx) => {
      const taken = await tx.db.selectFrom("organisations").select("id").where("slug", "=", data.slug).executeTakeFirst();
      if (taken) throw invalid([{ field: "slug", messageKey: "organisation.slug_taken" }]);
      await tx.db
        .insertInto("organisations")
        .values({ id, slug: data.slug, name: data.name, tooi_code: data.tooiCode, theme_class: DEFAULT_THEME_CLASS, theme_css: null, logo_url: null, created_at: deps.now().toISOString() })
        .execute();
      await tx.audit({ action: "organisation.created", entityType: "organisation", entityId: id, after: data });
    },
    id,
  );
  return id;
}


export const OrganisationSettingsInput = z.object({
  name: fields.text(120),
  tooiCode: fields.optionalText(40).refine((v) => v === null || TOOI_CODE.test(v.toLowerCase()), "organisation.tooi_format"),
  themeClass: z.string().trim().min(1, "field.required").max(60, "field.too_long").regex(/^[a-z][a-z0-9-]*$/, "organisation.theme_class_format"),
  // Theme CSS may restyle, not reach out: no imports or remote URLs, so the CSP stays meaningful.
  themeCss: z
    .string()
    .max(20_000, "field.too_long")
    .refine((css) => !/@import|url\s*\(\s*['"]?\s*(https?:|\/\/)|<\/?style/i.test(css), "organisation.theme_css_unsafe")
    .optional()
    .transform((v) => (v?.trim() ? v : null)),
});

export async function updateOrganisationSettings(
  deps: Deps,
  actor: Actor,
  input: unknown,
  logo?: { type: string; bytes: Uint8Array } | null,
): Promise<void> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  const data = parseInput(OrganisationSettingsInput, input);
  let logoUrl: string | undefined;
  if (logo && logo.bytes.length > 0) {
    if (logo.bytes.length > LOGO_MAX_BYTES) throw invalid([{ field: "logo", messageKey: "organisation.logo_too_big" }]);
    // Judged by its bytes, not by the type the browser sent.
    const type = logoTypeOf(logo.bytes);
    if (!type) throw invalid([{ field: "logo", messageKey: "organisation.logo_content" }]);
    logoUrl = `data:${type};base64,${Buffer.from(logo.bytes).toString("base64")}`;
  }
  await inTransaction(deps, actor, async (tx) => {
    const before = await findOrganisation(tx.db, actor.organisationId);
    if (!before) throw notFound();
    await tx.db
      .updateTable("organisations")
      .set({ name: data.name, tooi_code: data.tooiCode, theme_class: data.themeClass, theme_css: data.themeCss, ...(logoUrl ? { logo_url: logoUrl } : {}) })
      .where("id", "=", actor.organisationId)
      .execute();
    await tx.audit({
      action: "organisation.updated",
      entityType: "organisation",
      entityId: actor.organisationId,
      before: { name: before.name, tooiCode: before.tooiCode, themeClass: before.themeClass, themeCss: before.themeCss },
      after: { ...data, ...(logoUrl ? { logo: "nieuw" } : {}) },
    });
  });
}
