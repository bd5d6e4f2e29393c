import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { addMeasure } from "./add-measure.ts";
import { changeMeasure } from "./change-measure.ts";
import { ChangeMeasureInput, MEASURE_STATUSES, NewMeasureBody, REVIEW_CADENCES, SignOffInput, SOURCE_TYPES } from "./inputs.ts";
import { getMeasure, listMeasures } from "./queries.ts";
import { signOffMeasure } from "./sign-off-measure.ts";

const MeasureOut = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    description: z.string(),
    ownerUserId: z.string().nullable(),
    ownerName: z.string().nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(MEASURE_STATUSES),
    explanation: z.string().nullable(),
    evidence: z.string().nullable(),
    reviewCadence: z.enum(REVIEW_CADENCES),
    source: z.object({ type: z.enum(SOURCE_TYPES), id: z.string().nullable() }),
    riskIds: z.array(z.string()),
    doneRequestedBy: z.string().nullable(),
    doneRequestedAt: z.string().nullable(),
    signedOffByName: z.string().nullable(),
    signedOffAt: z.string().nullable(),
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Measure");

export function measuresApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/measures", tags: ["measures"], summary: "A project's measures, overdue ones flagged", request: { params: IdParam }, responses: { 200: jsonResponse(z.array(MeasureOut), "Measures"), ...problemResponses } }),
    async (c) => c.json(await listMeasures(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/measures",
      tags: ["measures"],
      summary: "Add a measure to a project",
      request: {
        params: IdParam,
        body: jsonBody(NewMeasureBody),
      },
      responses: { 201: jsonResponse(z.object({ id: z.string() }), "Created"), ...problemResponses },
    }),
    async (c) => {
      const body = (await sentJson(c)) as Record<string, unknown>;
      const id = await addMeasure(c.get("deps"), requireActor(c), { ...body, source: body.source ?? { type: "manual" }, projectId: c.req.valid("param").id });
      return c.json({ id }, 201);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/measures/{id}", tags: ["measures"], summary: "One measure", request: { params: IdParam }, responses: { 200: jsonResponse(MeasureOut, "The measure"), ...problemResponses } }),
    async (c) => c.json(await getMeasure(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/measures/{id}",
      tags: ["measures"],
      summary: "Change a measure, its status or both (all or nothing); 'done' waits for someone else's sign-off, 'explained' needs an explanation",
      request: { params: IdParam, body: jsonBody(ChangeMeasureInput) },
      responses: { 200: jsonResponse(MeasureOut, "The measure after the change"), 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      await changeMeasure(deps, actor, id, await sentJson(c));
      return c.json(await getMeasure(deps, actor, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/measures/{id}/signoff",
      tags: ["measures"],
      summary: "Confirm a measure is done: not by its owner nor by whoever marked it done. With expectedStatus (the status as you saw it, awaiting_signoff) a measure confirmed or changed meanwhile is a conflict (409)",
      request: { params: IdParam, query: SignOffInput },
      responses: { 200: jsonResponse(MeasureOut, "The measure, now done"), 409: problemResponses[400], 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      await signOffMeasure(deps, actor, id, c.req.valid("query"));
      return c.json(await getMeasure(deps, actor, id), 200);
    },
  );

  return api;
}
