import type { Db } from "./db/schema.ts";

/** The tenant a request works in, as the frame of every page needs it. */
export interface Organisation {
  id: string;
  slug: string;
  name: string;
  tooiCode: string | null;
  themeClass: string;
  themeCss: string | null;
  hasLogo: boolean;
}

export const DEFAULT_THEME_CLASS = "voorbeeld-theme";

export async function findOrganisation(db: Db, id: string): Promise<Organisation | null> {
  const row = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  return { id: row.id, slug: row.slug, name: row.name, tooiCode: row.tooi_code, themeClass: row.theme_class, themeCss: row.theme_css, hasLogo: !!row.logo_url };
}

export async function organisationLogo(db: Db, id: string): Promise<{ type: string; bytes: Buffer } | null> {
  const row = await db.selectFrom("organisations").select("logo_url").where("id", "=", id).executeTakeFirst();
  const match = row?.logo_url?.match(/^data:(image\/(?:png|jpeg|svg\+xml));base64,(.+)$/);
  return match ? { type: match[1]!, bytes: Buffer.from(match[2]!, "base64") } : null;
}
