import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { DELIVERIES, NOTIFICATION_KINDS } from "./kinds.ts";
import type { NotificationTable } from "./schema.ts";
import { backgroundFailures, getPreferences, listNotifications, markAllRead, markRead, PreferencesInput, retryFailedJob, updatePreferences } from "./service.ts";
import { notificationText } from "./words.ts";

const Notification = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    text: z.object({ nl: z.string(), en: z.string() }),
    href: z.string(),
    projectTitle: z.string().nullable(),
    dueDate: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi("Notification");
const Preferences = z.object({ preferences: z.record(z.enum(NOTIFICATION_KINDS), z.enum(DELIVERIES)) }).openapi("NotificationPreferences");
const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).optional() });
const tags = ["notifications"];
const JobIdParam = z.object({ jobId: z.string().min(1).max(64).openapi({ param: { name: "jobId", in: "path" } }) });

function item(n: NotificationTable) {
  return { id: n.id, kind: n.kind, text: { nl: notificationText(n, "nl"), en: notificationText(n, "en") }, href: n.href, projectTitle: n.project_title, dueDate: n.due_date, createdAt: n.created_at, read: !!n.read_at };
}

export function notificationsApi() {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      path: "/notifications",
      tags,
      summary: "My notifications, newest first (50 a page), with the number unread",
      request: { query: PageQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(Notification), total: z.number(), unread: z.number() }), "The notifications"), ...problemResponses },
    }),
    async (c) => {
      const list = await listNotifications(c.get("deps"), requireActor(c), c.req.valid("query").page ?? 1);
      return c.json({ items: list.items.map(item), total: list.total, unread: list.unread }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/notifications/{id}/read", tags, summary: "Mark one of my notifications read", request: { params: IdParam }, responses: { 204: { description: "Marked read" }, ...problemResponses } }),
    async (c) => {
      await markRead(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/notifications/read-all", tags, summary: "Mark all my notifications read", responses: { 200: jsonResponse(z.object({ marked: z.number() }), "How many were marked"), ...problemResponses } }),
    async (c) => c.json({ marked: await markAllRead(c.get("deps"), requireActor(c)) }, 200),
  );
  api.openapi(
    createRoute({ method: "get", path: "/me/notification-preferences", tags, summary: "How I get each kind of notification: immediate (a mail at once), digest (one mail a day) or app (no mail)", responses: { 200: jsonResponse(Preferences, "My choices"), ...problemResponses } }),
    async (c) => c.json({ preferences: await getPreferences(c.get("deps"), requireActor(c)) }, 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/me/notification-preferences",
      tags,
      summary: "Set how I get kinds of notification; kinds not sent stay as they are, a kind that does not exist is refused",
      request: { body: jsonBody(PreferencesInput) },
      responses: { 200: jsonResponse(Preferences, "My choices as they are now"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      await updatePreferences(c.get("deps"), actor, await sentJson(c));
      return c.json({ preferences: await getPreferences(c.get("deps"), actor) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/admin/background-failures",
      tags,
      summary: "Failed background work: the instance's failed jobs (instance administrator) and the organisation's mails that could not be sent (administrator)",
      responses: {
        200: jsonResponse(
          z.object({
            jobs: z.array(z.object({ id: z.string(), kind: z.string(), attempts: z.number(), lastError: z.string().nullable(), updatedAt: z.string() })).nullable(),
            mails: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), attempts: z.number(), lastError: z.string().nullable(), createdAt: z.string() })).nullable(),
          }),
          "What failed; null where the caller may not see it",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const f = await backgroundFailures(c.get("deps"), requireActor(c));
      return c.json(
        {
          jobs: f.jobs?.map((j) => ({ id: j.id, kind: j.kind, attempts: Number(j.attempts), lastError: j.last_error, updatedAt: j.updated_at })) ?? null,
          mails: f.mails?.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, attempts: Number(m.attempts), lastError: m.last_error, createdAt: m.created_at })) ?? null,
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/admin/jobs/{jobId}/retry", tags, summary: "Give a failed job its tries again (instance administrator)", request: { params: JobIdParam }, responses: { 204: { description: "Due again" }, 409: problemResponses[404], ...problemResponses } }),
    async (c) => {
      await retryFailedJob(c.get("deps"), requireActor(c), c.req.valid("param").jobId);
      return c.body(null, 204);
    },
  );
  return api;
}
