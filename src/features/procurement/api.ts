import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import {
  ChecklistInput,
  contractOverview,
  ContractInput,
  deleteContract,
  DeleteContractInput,
  getContract,
  getProcurementSettings,
  listContracts,
  markSupplierMeasures,
  POINT_SOURCES,
  PointInput,
  PROCEDURES,
  ProcurementSettingsInput,
  registerContract,
  resolvePoint,
  saveChecklist,
  SECOND_SIGNERS,
  SIGNER_ROLES,
  signOffContract,
  SignOffInput,
  SLOTS,
  SupplierMeasuresInput,
  updateContract,
  UpdateContractInput,
  updateProcurementSettings,
  VALUE_BANDS,
  VERDICTS,
  withdrawContract,
  WithdrawContractInput,
} from "./service.ts";

const tags = ["procurement"];
const State = z.enum(["in_progress", "ready", "signed_off", "withdrawn"]);
const Progress = z.enum(["not_started", "in_progress", "complete"]);
const LocalText = z.object({ nl: z.string(), en: z.string() });

const Summary = z
  .object({
    id: z.string(),
    projectId: z.string(),
    projectTitle: z.string(),
    supplier: z.string(),
    reference: z.string(),
    subject: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    status: z.enum(["active", "withdrawn"]),
    state: State,
    openPoints: z.number().int(),
    totalPoints: z.number().int(),
    signedOffOn: z.string().nullable(),
    reopened: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi("ContractSummary");

const Resolution = z.object({ verdict: z.enum(VERDICTS), clauseRef: z.string().nullable(), reason: z.string().nullable(), acceptedById: z.string().nullable(), acceptedByName: z.string().nullable(), resolvedByName: z.string(), resolvedAt: z.string() });
const Signoff = z.object({ id: z.string(), revision: z.number().int(), slot: z.enum(SLOTS), role: z.enum(SIGNER_ROLES), userId: z.string(), userName: z.string(), note: z.string(), signedAt: z.string() });

const Contract = Summary.extend({
  projectPhase: z.string(),
  valueBand: z.enum(VALUE_BANDS),
  procedure: z.enum(PROCEDURES),
  revision: z.number().int(),
  withdrawnReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  checklist: z.object({
    instrumentId: z.string(),
    instrumentVersion: z.string(),
    answers: z.record(z.string(), z.unknown()),
    progress: Progress,
    sections: z.array(z.object({ sectionId: z.string(), status: z.enum(["not_started", "in_progress", "complete", "not_applicable"]), answered: z.number().int(), requiredTotal: z.number().int(), requiredAnswered: z.number().int() })),
  }),
  points: z.array(
    z.object({
      key: z.string(),
      source: z.enum(POINT_SOURCES),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      sectionTitle: LocalText.optional(),
      text: z.string(),
      context: z.string().optional(),
      href: z.string().nullable(),
      resolution: Resolution.nullable(),
    }),
  ),
  stalePoints: z.array(z.object({ key: z.string(), source: z.enum(POINT_SOURCES).nullable(), text: z.string(), resolution: Resolution })),
  slots: z.array(z.object({ slot: z.enum(SLOTS), roles: z.array(z.enum(SIGNER_ROLES)).readonly(), signoff: Signoff.nullable() })),
  signers: z.array(z.object({ slot: z.enum(SLOTS), names: z.array(z.string()) })),
  earlierSignoffs: z.array(Signoff),
  supplierMeasures: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), marked: z.boolean(), riskLabels: z.array(z.string()) })),
  createdAt: z.string(),
  updatedByName: z.string(),
  may: z.object({ edit: z.boolean(), signOff: z.array(z.enum(SLOTS)), involved: z.boolean(), delete: z.boolean(), withdraw: z.boolean() }),
}).openapi("Contract");

const Revision = z.object({ revision: z.number().int() });
const Refused = { 409: problemResponses[400], 422: problemResponses[400] };
const ProjectParam = z.object({ projectId: z.string().min(1).max(64).openapi({ param: { name: "projectId", in: "path" } }) });

export function procurementApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/projects/{projectId}/contracts", tags, summary: "A supplier project's contracts with their state", request: { params: ProjectParam }, responses: { 200: jsonResponse(z.object({ items: z.array(Summary) }), "Contracts"), ...problemResponses } }),
    async (c) => c.json({ items: await listContracts(c.get("deps"), requireActor(c), c.req.valid("param").projectId) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/contracts",
      tags,
      summary: "Register a contract with the project's supplier (owner or lead); its clause checklist is pinned to the newest instrument version",
      request: { params: ProjectParam, body: jsonBody(ContractInput) },
      responses: { 201: jsonResponse(z.object({ id: z.string() }), "Registered"), ...problemResponses, ...Refused },
    }),
    async (c) => c.json({ id: await registerContract(c.get("deps"), requireActor(c), c.req.valid("param").projectId, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/contracts", tags, summary: "Every contract you may see; those waiting for your sign-off apart", responses: { 200: jsonResponse(z.object({ waitingForMe: z.array(Summary), others: z.array(Summary) }), "Contracts"), ...problemResponses } }),
    async (c) => c.json(await contractOverview(c.get("deps"), requireActor(c)), 200),
  );

  api.openapi(
    createRoute({ method: "get", path: "/contracts/{id}", tags, summary: "One contract with its checklist, attention points (computed now from their sources) and sign-offs", request: { params: IdParam }, responses: { 200: jsonResponse(Contract, "The contract"), ...problemResponses } }),
    async (c) => c.json(await getContract(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  const change = <S extends z.ZodType>(method: "put" | "post", path: string, summary: string, body: S, run: (deps: Parameters<typeof getContract>[0], actor: Parameters<typeof getContract>[1], id: string, input: unknown) => Promise<number>) =>
    api.openapi(
      createRoute({ method, path, tags, summary, request: { params: IdParam, body: jsonBody(body) }, responses: { 200: jsonResponse(Revision, "The contract's revision after the change"), ...problemResponses, ...Refused } }),
      async (c) => c.json({ revision: await run(c.get("deps"), requireActor(c), c.req.param("id") ?? "", await sentJson(c)) }, 200),
    );
  change("put", "/contracts/{id}", "Change a contract's details; a change re-opens a given sign-off", UpdateContractInput, updateContract);
  change("put", "/contracts/{id}/checklist", "Save answers of the clause checklist (an empty answer removes one); a change re-opens a given sign-off", ChecklistInput, async (d, a, id, input) => (await saveChecklist(d, a, id, input)).revision);
  change("put", "/contracts/{id}/points", "Give the verdict on one attention point: covered (with the clause) or not covered (with the reason and who accepted it)", PointInput, resolvePoint);
  change("put", "/contracts/{id}/supplier-measures", "Set the project's measures that depend on this contract's supplier; the open risks they cover become attention points", SupplierMeasuresInput, markSupplierMeasures);

  api.openapi(
    createRoute({
      method: "post",
      path: "/contracts/{id}/sign-offs",
      tags,
      summary: "Sign the contract's current revision off as jurist, ISO or privacy officer; never with a role in the project, and only with the checklist complete and every attention point covered or explained",
      request: { params: IdParam, body: jsonBody(SignOffInput) },
      responses: { 200: jsonResponse(z.object({ signedOff: z.boolean() }), "Signed; signedOff says whether every place is now signed"), ...problemResponses, ...Refused },
    }),
    async (c) => c.json(await signOffContract(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)), 200),
  );

  api.openapi(
    createRoute({ method: "delete", path: "/contracts/{id}", tags, summary: "Delete a contract nobody has signed yet (send confirm: true)", request: { params: IdParam, body: jsonBody(DeleteContractInput) }, responses: { 204: { description: "Deleted" }, ...problemResponses, ...Refused } }),
    async (c) => {
      await deleteContract(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "post", path: "/contracts/{id}/withdraw", tags, summary: "Withdraw a contract (send confirm: true and a reason); it is kept and no longer counts at the gate", request: { params: IdParam, body: jsonBody(WithdrawContractInput) }, responses: { 204: { description: "Withdrawn" }, ...problemResponses, ...Refused } }),
    async (c) => {
      await withdrawContract(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  const Settings = z.object({ secondSigner: z.enum(SECOND_SIGNERS) });
  api.openapi(
    createRoute({ method: "get", path: "/procurement/settings", tags, summary: "Who signs a contract off beside the jurist (admin)", responses: { 200: jsonResponse(Settings, "The setting"), ...problemResponses } }),
    async (c) => c.json(await getProcurementSettings(c.get("deps"), requireActor(c)), 200),
  );
  api.openapi(
    createRoute({ method: "put", path: "/procurement/settings", tags, summary: "Set who signs a contract off beside the jurist (admin)", request: { body: jsonBody(ProcurementSettingsInput) }, responses: { 204: { description: "Saved" }, ...problemResponses } }),
    async (c) => {
      await updateProcurementSettings(c.get("deps"), requireActor(c), await sentJson(c));
      return c.body(null, 204);
    },
  );

  return api;
}
