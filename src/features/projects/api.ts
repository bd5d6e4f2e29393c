import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { PHASES, type GateReadiness } from "../../domain/lifecycle/index.ts";
import { PROJECT_ROLES } from "../../domain/permissions/roles.ts";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { projectDashboard, RESPONSIBLES } from "./dashboard.ts";
import { missingInBothLanguages, readinessInBothLanguages } from "./readiness-text.ts";
import {
  addMember,
  AddMemberInput,
  DATA_CATEGORIES,
  DOMAINS,
  getProject,
  listGateDecisions,
  listMembers,
  projectReadiness,
  recordGateDecision,
  GateDecisionInput,
  registerProject,
  RegisterProjectInput,
  removeMember,
  TECHNOLOGIES,
  updateProject,
  UpdateProjectInput,
  type ProjectDetail,
} from "./service.ts";

const LocalText = z.object({ nl: z.string(), en: z.string() }).openapi("LocalText");
const Missing = z.object({ key: z.string(), who: z.string(), message: LocalText, since: z.string().optional() });
const Readiness = z
  .object({
    transition: z.object({ from: z.string(), to: z.string() }).nullable(),
    ready: z.boolean(),
    missing: z.array(Missing),
    summary: LocalText,
    decisionNote: LocalText.optional(),
  })
  .openapi("GateReadiness");
const Member = z.object({ assignmentId: z.string(), userId: z.string(), name: z.string(), role: z.enum(PROJECT_ROLES) }).openapi("ProjectMember");
const Project = z
  .object({
    id: z.string(),
    title: z.string(),
    goal: z.string(),
    description: z.string(),
    domain: z.enum(DOMAINS),
    technologies: z.array(z.enum(TECHNOLOGIES)),
    dataCategories: z.array(z.enum(DATA_CATEGORIES)),
    supplierInvolved: z.boolean(),
    phase: z.enum(PHASES),
    publicationState: z.string(),
    stoppedReason: z.string().nullable(),
    stoppedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    members: z.array(Member),
    readiness: Readiness,
  })
  .openapi("Project");
const ProjectSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    domain: z.string(),
    phase: z.string(),
    myRoles: z.array(z.string()),
    ready: z.boolean(),
    waitingForMe: z.boolean(),
    waiting: z.array(Missing.extend({ roles: z.array(z.string()), people: z.array(z.string()), forMe: z.boolean() })),
  })
  .openapi("ProjectSummary");
const GateDecisionOut = z
  .object({
    id: z.string(),
    phase: z.string(),
    decision: z.enum(["go", "adjust", "stop"]),
    toPhase: z.string(),
    rationale: z.string(),
    decidedBy: z.string(),
    decidedByName: z.string(),
    decidedAt: z.string(),
    readiness: Readiness.nullable(),
  })
  .openapi("GateDecision");
const Created = z.object({ id: z.string() });

/**
 * The JSON body as it was sent: the route checked it with the use case's own
 * schema (for the 400 and the OpenAPI document); the use case parses it again,
 * as it does every caller's input.
 */
const sentJson = (c: Context): Promise<unknown> => c.req.json();

function projectOut(p: ProjectDetail, r: GateReadiness) {
  const { organisationId: _org, ...rest } = p;
  return { ...rest, readiness: readinessInBothLanguages(r) };
}

export function projectsApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: "get",
      path: "/projects",
      tags: ["projects"],
      summary: "Projects the caller may see, with what each waits for and from whom",
      request: {
        query: z.object({
          domain: z.enum(DOMAINS).optional(),
          phase: z.enum(PHASES).optional(),
          waitingOn: z.enum(RESPONSIBLES as [string, ...string[]]).optional(),
          mine: z.enum(["true", "false"]).optional().openapi({ description: "Only projects where something waits for the caller" }),
          page: z.coerce.number().int().min(1).optional(),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(ProjectSummary), total: z.number(), page: z.number(), pageSize: z.number(), countsByPhase: z.record(z.string(), z.number()), waitingForMeCount: z.number() }),
          "A page of projects",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const d = await projectDashboard(c.get("deps"), requireActor(c), { ...q, mine: q.mine === "true" });
      return c.json(
        {
          items: d.items.map((i) => ({
            id: i.id,
            title: i.title,
            domain: i.domain,
            phase: i.phase,
            myRoles: i.myRoles,
            ready: i.readiness.ready,
            waitingForMe: i.waitingForMe,
            waiting: i.waiting.map((w) => ({ ...missingInBothLanguages(w), roles: [...w.roles], people: w.people, forMe: w.forMe })),
          })),
          total: d.total,
          page: d.page,
          pageSize: d.pageSize,
          countsByPhase: d.countsByPhase,
          waitingForMeCount: d.waitingForMeCount,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/projects",
      tags: ["projects"],
      summary: "Register a project; the caller becomes its lead unless leadUserId names someone else",
      request: { body: jsonBody(RegisterProjectInput) },
      responses: { 201: jsonResponse(Created, "Registered"), ...problemResponses },
    }),
    async (c) => c.json({ id: await registerProject(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}", tags: ["projects"], summary: "One project with its team and gate readiness", request: { params: IdParam }, responses: { 200: jsonResponse(Project, "The project"), ...problemResponses } }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      const project = await getProject(deps, actor, id);
      return c.json(projectOut(project, (await projectReadiness(deps, actor, id)).readiness), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/projects/{id}",
      tags: ["projects"],
      summary: "Change a project's details (owner or lead); a material change is recorded and reopens a done screening",
      request: {
        params: IdParam,
        body: jsonBody(UpdateProjectInput.partial()),
      },
      responses: { 200: jsonResponse(Project, "The project after the change"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      const current = await getProject(deps, actor, id);
      const sent = (await sentJson(c)) as Record<string, unknown>;
      const patch = Object.fromEntries(Object.entries(sent).filter(([k, v]) => v !== undefined && k in UpdateProjectInput.shape));
      await updateProject(deps, actor, id, {
        title: current.title,
        goal: current.goal,
        description: current.description,
        domain: current.domain,
        technologies: current.technologies,
        dataCategories: current.dataCategories,
        supplierInvolved: current.supplierInvolved,
        ...patch,
      });
      return c.json(projectOut(await getProject(deps, actor, id), (await projectReadiness(deps, actor, id)).readiness), 200);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/members", tags: ["projects"], summary: "The project's team", request: { params: IdParam }, responses: { 200: jsonResponse(z.array(Member), "Members"), ...problemResponses } }),
    async (c) => c.json(await listMembers(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/members",
      tags: ["projects"],
      summary: "Give someone a project role (owner, lead or admin)",
      request: { params: IdParam, body: jsonBody(AddMemberInput) },
      responses: { 201: jsonResponse(Created, "Added"), 409: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json({ id: await addMember(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/projects/{id}/members/{assignmentId}",
      tags: ["projects"],
      summary: "Take a project role away (owner, lead or admin); the last owner and lead stay",
      request: { params: IdParam.extend({ assignmentId: z.string().min(1).max(64).openapi({ param: { name: "assignmentId", in: "path" } }) }) },
      responses: { 204: { description: "Removed" }, 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      const { id, assignmentId } = c.req.valid("param");
      await removeMember(c.get("deps"), requireActor(c), id, assignmentId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/gate-decisions", tags: ["projects"], summary: "The project's gate decisions, newest first", request: { params: IdParam }, responses: { 200: jsonResponse(z.array(GateDecisionOut), "Decisions"), ...problemResponses } }),
    async (c) => {
      const decisions = await listGateDecisions(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.json(decisions.map((d) => ({ ...d, readiness: d.readiness ? readinessInBothLanguages(d.readiness) : null })), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/gate-decisions",
      tags: ["projects"],
      summary: "The owner decides at the gate: go (only when ready), adjust or stop (final)",
      request: { params: IdParam, body: jsonBody(GateDecisionInput) },
      responses: {
        201: jsonResponse(z.object({ id: z.string(), from: z.string(), to: z.string() }), "Recorded"),
        409: problemResponses[400],
        422: { description: "The gate rules refuse the decision (not ready, or the project is final)", content: problemResponses[400].content },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await recordGateDecision(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)), 201),
  );

  return api;
}
