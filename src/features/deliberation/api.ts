import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import {
  ActionInput,
  addAction,
  addParticipant,
  addPosition,
  closeDeliberation,
  DELIBERATION_STATUSES,
  escalateDeliberation,
  getDeliberation,
  listDeliberations,
  METHODS,
  openDeliberation,
  OpenInput,
  PARTICIPANT_ROLES,
  ParticipantInput,
  PositionInput,
  RecordInput,
  saveRecord,
  saveStep,
} from "./service.ts";

const Status = z.enum(DELIBERATION_STATUSES);
const Item = z
  .object({ id: z.string(), title: z.string(), method: z.enum(METHODS), status: Status, heldOn: z.string(), projectId: z.string().nullable(), projectTitle: z.string().nullable(), committeeCaseId: z.string().nullable() })
  .openapi("DeliberationSummary");
const Detail = Item.extend({
  caseDescription: z.string(),
  methodVersion: z.string(),
  facilitator: z.string(),
  moralQuestion: z.string(),
  stakeholders: z.string(),
  values: z.array(z.string()),
  options: z.string(),
  conclusion: z.string(),
  participants: z.array(z.object({ id: z.string(), name: z.string(), userId: z.string().nullable(), role: z.enum(PARTICIPANT_ROLES) })),
  steps: z.array(z.object({ sectionId: z.string(), answers: z.record(z.string(), z.unknown()), status: z.string(), updatedAt: z.string().nullable() })),
  positions: z.array(z.object({ id: z.string(), holder: z.string(), position: z.string(), arguments: z.string() })),
  actions: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().nullable(), ownerUserId: z.string().nullable(), ownerName: z.string().nullable(), dueDate: z.string().nullable(), measureId: z.string().nullable() })),
  closedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
}).openapi("Deliberation");
const Created = z.object({ id: z.string() });
const StepParams = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }),
  stepId: z.string().min(1).max(100).openapi({ param: { name: "stepId", in: "path" } }),
});
const Refused = { 409: problemResponses[400], 422: problemResponses[400] };

export function deliberationApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/deliberations", tags: ["moral deliberation"], summary: "Deliberations you facilitate, take part in, or that concern your project", responses: { 200: jsonResponse(z.object({ items: z.array(Item) }), "Deliberations"), ...problemResponses } }),
    async (c) => c.json({ items: await listDeliberations(c.get("deps"), requireActor(c)) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/deliberations",
      tags: ["moral deliberation"],
      summary: "Open a session (ethics advisor, or a project lead for their project), pinned to the method's current version",
      request: { body: jsonBody(OpenInput) },
      responses: { 201: jsonResponse(Created, "Opened"), ...problemResponses },
    }),
    async (c) => c.json({ id: await openDeliberation(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/deliberations/{id}", tags: ["moral deliberation"], summary: "One deliberation with its steps, record, positions and actions", request: { params: IdParam }, responses: { 200: jsonResponse(Detail, "The deliberation"), ...problemResponses } }),
    async (c) => c.json(await getDeliberation(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/deliberations/{id}/steps/{stepId}",
      tags: ["moral deliberation"],
      summary: "Save the answers of one step (a section of the method's instrument), checked by the instrument engine",
      request: { params: StepParams, body: jsonBody(z.record(z.string(), z.unknown())) },
      responses: { 200: jsonResponse(z.object({ status: z.string() }), "Saved, with the step's status"), ...Refused, ...problemResponses },
    }),
    async (c) => {
      const { id, stepId } = c.req.valid("param");
      return c.json({ status: await saveStep(c.get("deps"), requireActor(c), id, stepId, await sentJson(c)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/deliberations/{id}/record",
      tags: ["moral deliberation"],
      summary: "The write-up: moral question, stakeholders, values in tension (keys of the organisation's value set, GET /api/v1/values), options, conclusion",
      request: { params: IdParam, body: jsonBody(RecordInput) },
      responses: { 204: { description: "Saved" }, ...Refused, ...problemResponses },
    }),
    async (c) => {
      await saveRecord(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/deliberations/{id}/participants",
      tags: ["moral deliberation"],
      summary: "Add a participant with a role (facilitator, case_holder, scribe, participant)",
      request: { params: IdParam, body: jsonBody(ParticipantInput) },
      responses: { 201: jsonResponse(Created, "Added"), ...Refused, ...problemResponses },
    }),
    async (c) => c.json({ id: await addParticipant(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/deliberations/{id}/positions",
      tags: ["moral deliberation"],
      summary: "Add a position with its arguments",
      request: { params: IdParam, body: jsonBody(PositionInput) },
      responses: { 201: jsonResponse(Created, "Added"), ...Refused, ...problemResponses },
    }),
    async (c) => c.json({ id: await addPosition(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/deliberations/{id}/actions",
      tags: ["moral deliberation"],
      summary: "Add an action (it can become a measure when the deliberation is linked to a project)",
      request: { params: IdParam, body: jsonBody(ActionInput) },
      responses: { 201: jsonResponse(Created, "Added"), ...Refused, ...problemResponses },
    }),
    async (c) => c.json({ id: await addAction(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "post", path: "/deliberations/{id}/close", tags: ["moral deliberation"], summary: "Close the session (a conclusion is required)", request: { params: IdParam }, responses: { 204: { description: "Closed" }, ...Refused, ...problemResponses } }),
    async (c) => {
      await closeDeliberation(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "post", path: "/deliberations/{id}/escalate", tags: ["moral deliberation"], summary: "Escalate to the ethics committee: creates a committee case carrying the record", request: { params: IdParam }, responses: { 201: jsonResponse(z.object({ committeeCaseId: z.string() }), "Escalated"), ...Refused, ...problemResponses } }),
    async (c) => c.json({ committeeCaseId: await escalateDeliberation(c.get("deps"), requireActor(c), c.req.valid("param").id) }, 201),
  );

  return api;
}
