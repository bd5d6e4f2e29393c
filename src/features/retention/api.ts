import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { listRetentionPeriods, RetentionPeriodsInput, updateRetentionPeriods } from "./update-retention-periods.ts";

const RetentionPeriodItem = z
  .object({
    key: z.string(),
    label: z.string(),
    days: z.number().nullable().openapi({ description: "Days; null: kept until someone removes it" }),
    defaultDays: z.number().nullable(),
    minDays: z.number(),
    maxDays: z.number(),
    mayKeep: z.boolean(),
  })
  .openapi("RetentionPeriod");

export function retentionApi() {
  const api = apiRouter();
  const list = async (c: Parameters<Parameters<typeof api.openapi>[1]>[0]) => {
    const t = c.get("t");
    const items = (await listRetentionPeriods(c.get("deps"), requireActor(c))).map((p) => ({
      key: p.key,
      label: t(p.period.labelKey),
      days: p.days,
      defaultDays: p.period.defaultDays,
      minDays: p.period.minDays,
      maxDays: p.period.maxDays,
      mayKeep: p.period.mayKeep,
    }));
    return c.json({ items }, 200);
  };
  api.openapi(
    createRoute({
      method: "get",
      path: "/retention-periods",
      tags: ["organisation"],
      summary: "The organisation's retention periods (admin)",
      responses: { 200: jsonResponse(z.object({ items: z.array(RetentionPeriodItem) }), "The periods, with their bounds"), ...problemResponses },
    }),
    list,
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/retention-periods",
      tags: ["organisation"],
      summary: "Set retention periods, in days (admin); the ones not sent stay as they are",
      request: { body: jsonBody(RetentionPeriodsInput) },
      responses: { 200: jsonResponse(z.object({ items: z.array(RetentionPeriodItem) }), "The periods as they are now"), ...problemResponses },
    }),
    async (c) => {
      await updateRetentionPeriods(c.get("deps"), requireActor(c), await sentJson(c));
      return list(c);
    },
  );
  return api;
}
