// Between the form (strings, one line per list item) and the entry's fields.
import { REGISTER_FIELDS, type EntryFields, type Link, type RegisterField } from "./fields.ts";

const lines = (s: string | undefined) => (s ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** What the entry form sends, in the shape of PrepareInput. */
export function fieldsFromForm(body: Record<string, string>, lists: Record<string, string[]>): { fields: Record<string, unknown>; expectedRevision?: number } {
  const fields: Record<string, unknown> = {};
  for (const f of REGISTER_FIELDS as readonly RegisterField[]) {
    if (f.name === "lang") continue;
    if (f.kind === "enum_list") fields[f.name] = lists[f.name] ?? [];
    else if (f.kind === "list") fields[f.name] = lines(body[f.name]);
    else if (f.kind === "links")
      fields[f.name] = lines(body[f.name]).map((l) => {
        const at = l.lastIndexOf("|");
        return at < 0 ? { title: l, link: "" } : { title: l.slice(0, at).trim(), link: l.slice(at + 1).trim() };
      });
    else if (body[f.name] !== undefined) fields[f.name] = body[f.name];
  }
  const rev = body.expectedRevision;
  return { fields, expectedRevision: rev && /^\d+$/.test(rev) ? Number(rev) : undefined };
}

/** The entry's fields as the form shows them. */
export function formFromFields(fields: EntryFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of REGISTER_FIELDS as readonly RegisterField[]) {
    const v = fields[f.name as keyof EntryFields];
    if (v === undefined) continue;
    if (f.kind === "links") out[f.name] = (v as Link[]).map((l) => (l.link ? `${l.title} | ${l.link}` : l.title)).join("\n");
    else if (f.kind === "list") out[f.name] = (v as string[]).join("\n");
    else if (typeof v === "string") out[f.name] = v;
  }
  return out;
}

/** Errors of `fields.x.0.title` belong to the form field `x`. */
export function formFieldOf(path: string): string {
  const parts = path.split(".");
  return parts[0] === "fields" && parts[1] ? parts[1] : path;
}
