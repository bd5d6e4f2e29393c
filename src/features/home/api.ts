import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { translator } from "../../platform/i18n/index.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { inboxOf } from "./inbox.ts";

const InboxTask = z
  .object({
    what: z.object({ nl: z.string(), en: z.string() }),
    href: z.string(),
    project: z.object({ id: z.string(), title: z.string() }).nullable(),
    since: z.string().nullable(),
    due: z.string().nullable().openapi({ description: "A calendar date, YYYY-MM-DD" }),
    overdue: z.boolean(),
  })
  .openapi("InboxTask");

export function homeApi() {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      path: "/me/inbox",
      tags: ["start page"],
      summary: "What waits for the caller across the organisation, overdue and oldest first (the start page's list)",
      responses: { 200: jsonResponse(z.object({ items: z.array(InboxTask), total: z.number() }), "The caller's tasks"), ...problemResponses },
    }),
    async (c) => {
      const items = await inboxOf(c.get("deps"), requireActor(c));
      const nl = { t: translator("nl"), lang: "nl" as const };
      const en = { t: translator("en"), lang: "en" as const };
      return c.json(
        {
          items: items.map((i) => ({ what: { nl: i.what(nl), en: i.what(en) }, href: i.href, project: i.project ?? null, since: i.since ?? null, due: i.due ?? null, overdue: i.overdue })),
          total: items.length,
        },
        200,
      );
    },
  );
  return api;
}
