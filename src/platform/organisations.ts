import type { Db } from "./db/schema.ts";
import { readJsonAs } from "./db/json-columns.ts";

/** The tenant a request works in, as the frame of every page needs it. */
export interface Organisation {
  id: string;
  slug: string;
  name: string;
  tooiCode: string | null;
  themeClass: string;
  themeCss: string | null;
  hasLogo: boolean;
  /** The instance administrator disabled it: nobody of it may log in or use a token. */
  disabled: boolean;
  contactEmail: string | null;
  settings: OrganisationSettings;
}

/** Instance-level settings of an organisation; every key has a default, so an old row reads the same. */
export interface OrganisationSettings {
  /** The language new users of the organisation start in. */
  defaultLocale: "nl" | "en";
  /** Before a register entry is released, check that its links answer (off by default). */
  checkRegisterLinks: boolean;
}

export const DEFAULT_ORGANISATION_SETTINGS: OrganisationSettings = { defaultLocale: "nl", checkRegisterLinks: false };

export const DEFAULT_THEME_CLASS = "voorbeeld-theme";

/**
 * TOOI organisation codes as the Algoritmeregister and the government's
 * register use them: gm0363 (municipality), pv27 (province), ws0155 (water
 * authority), mnre1034 (ministry), oorg10103 / zbo… (other organisations).
 */
export const TOOI_CODE = /^(gm\d{4}|pv\d{2}|ws\d{4}|mnre\d{4}|oorg\d{4,8}|zbo\d{4,8})$/;

export function readOrganisationSettings(json: string | null | undefined): OrganisationSettings {
  const raw = readJsonAs<Partial<OrganisationSettings>>(json, {}, (v): v is Partial<OrganisationSettings> => typeof v === "object" && v !== null && !Array.isArray(v));
  return {
    defaultLocale: raw.defaultLocale === "en" ? "en" : "nl",
    checkRegisterLinks: raw.checkRegisterLinks === true,
  };
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | null> {
  const row = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tooiCode: row.tooi_code,
    themeClass: row.theme_class,
    themeCss: row.theme_css,
    hasLogo: !!row.logo_url,
    disabled: !!row.disabled_at,
    contactEmail: row.contact_email ?? null,
    settings: readOrganisationSettings(row.settings_json),
  };
}

export async function organisationLogo(db: Db, id: string): Promise<{ type: string; bytes: Buffer } | null> {
  const row = await db.selectFrom("organisations").select("logo_url").where("id", "=", id).executeTakeFirst();
  const match = row?.logo_url?.match(/^data:(image\/(?:png|jpeg|svg\+xml));base64,(.+)$/);
  return match ? { type: match[1]!, bytes: Buffer.from(match[2]!, "base64") } : null;
}

export const LOGO_MAX_BYTES = 200_000;

/**
 * What an uploaded logo really is, judged by its bytes, not by the name or type
 * the browser sent: PNG, JPEG, or an SVG without script, event handlers,
 * foreign objects or references to other addresses. Null when it is none of these.
 */
export function logoTypeOf(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/svg+xml" | null {
  const b = Buffer.from(bytes);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  const text = b.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (!/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return null;
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY|(?:xlink:)?href\s*=\s*["']\s*(?!#)|url\s*\(\s*['"]?\s*(?!#)/i.test(text)) return null;
  return "image/svg+xml";
}
