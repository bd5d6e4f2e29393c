import { z } from "zod";
import { fields } from "../../platform/validation.ts";
import { isIsoDate } from "../../instruments/index.ts";
import { SUBJECT_KINDS } from "./extension-points.ts";

export const LIMITS = { title: 200, note: 1000, url: 2000, id: 64, fileName: 200 } as const;

const validUntil = z
  .string()
  .trim()
  .max(10, "field.date")
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), "field.date");

const subject = {
  subjectKind: z.enum(SUBJECT_KINDS, "evidence.subject_unknown"),
  subjectId: z.string("field.required").trim().min(1, "field.required").max(LIMITS.id, "field.too_long"),
};

/** The fields beside the file of an upload (multipart form or API). */
export const UploadInput = z.object({
  ...subject,
  title: fields.text(LIMITS.title),
  validUntil,
  note: z.string().trim().max(LIMITS.note, "field.too_long").optional().transform((v) => v ?? ""),
});
export type UploadData = z.infer<typeof UploadInput>;

/** Evidence that lives elsewhere: a link, https only. */
export const LinkInput = UploadInput.extend({
  url: z
    .string("field.required")
    .trim()
    .min(1, "field.required")
    .max(LIMITS.url, "field.too_long")
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "https:" && u.hostname.length > 0 && !u.username && !u.password;
      } catch {
        return false;
      }
    }, "evidence.url_https"),
});
export type LinkData = z.infer<typeof LinkInput>;

/** Same title on the same subject is the same document: case, spaces and accents do not matter. */
export function documentKey(title: string): string {
  return title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A file name safe for a Content-Disposition header, with the extension of what the content is. */
export function safeFileName(name: string, extension: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,8}$/, "").normalize("NFKD").replace(/[^A-Za-z0-9._ -]+/g, "-").replace(/^[-. ]+|[-. ]+$/g, "").slice(0, 100) || "bewijs";
  return `${base}.${extension}`;
}
