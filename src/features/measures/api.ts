import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { addMeasure, getMeasure, listMeasures, MEASURE_STATUSES, REVIEW_CADENCES, setMeasureStatus, SETTABLE_STATUSES, signOffMeasure, SOURCE_TYPES, updateMeasure } from "./service.ts";

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
        body: jsonBody(
          z.object({
            title: z.string().openapi({ maxLength: 200 }),
            description: z.string().optional(),
            ownerUserId: z.string().optional(),
            dueDate: z.string().optional().openapi({ description: "YYYY-MM-DD" }),
            reviewCadence: z.enum(REVIEW_CADENCES).optional(),
            source: z.object({ type: z.enum(SOURCE_TYPES), id: z.string().optional() }).optional(),
            riskIds: z.array(z.string()).optional(),
          }),
        ),
      },
      responses: { 201: jsonResponse(z.object({ id: z.string() }), "Created"), ...problemResponses },
    }),
    async (c) => {
      const body = c.req.valid("json");
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
      summary: "Change a measure or its status; 'done' waits for someone else's sign-off, 'explained' needs an explanation",
      request: {
        params: IdParam,
        body: jsonBody(
          z.object({
            title: z.string().optional(),
            description: z.string().optional(),
            ownerUserId: z.string().nullable().optional(),
            dueDate: z.string().nullable().optional(),
            reviewCadence: z.enum(REVIEW_CADENCES).optional(),
            status: z.enum(SETTABLE_STATUSES).optional(),
            explanation: z.string().optional(),
            evidence: z.string().optional(),
          }),
        ),
      },
      responses: { 200: jsonResponse(MeasureOut, "The measure after the change"), 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const current = await getMeasure(deps, actor, id);
      if (body.title !== undefined || body.description !== undefined || body.ownerUserId !== undefined || body.dueDate !== undefined || body.reviewCadence !== undefined) {
        await updateMeasure(deps, actor, id, {
          title: body.title ?? current.title,
          description: body.description ?? current.description,
          ownerUserId: body.ownerUserId === undefined ? (current.ownerUserId ?? undefined) : (body.ownerUserId ?? undefined),
          dueDate: body.dueDate === undefined ? (current.dueDate ?? undefined) : (body.dueDate ?? undefined),
          reviewCadence: body.reviewCadence ?? current.reviewCadence,
        });
      }
      if (body.status !== undefined) await setMeasureStatus(deps, actor, id, { status: body.status, explanation: body.explanation, evidence: body.evidence });
      return c.json(await getMeasure(deps, actor, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/measures/{id}/signoff",
      tags: ["measures"],
      summary: "Confirm a measure is done: not by its owner nor by whoever marked it done",
      request: { params: IdParam },
      responses: { 200: jsonResponse(MeasureOut, "The measure, now done"), 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      await signOffMeasure(deps, actor, id);
      return c.json(await getMeasure(deps, actor, id), 200);
    },
  );

  return api;
}
