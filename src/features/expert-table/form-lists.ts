import type { AppContext } from "../../platform/http/env.ts";

/**
 * The repeated fields of a posted form (a group of checkboxes posts one field
 * per ticked box) as lists; a field sent once is a list of one.
 */
export async function formLists(c: AppContext): Promise<Record<string, string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    if (list.length) out[k] = list;
  }
  return out;
}
