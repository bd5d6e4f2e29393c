// Pages of procurement. A project's contracts at /projects/:id/contracts; a
// contract at /contracts/:id with its sign-off, its checklist page at
// /contracts/:id/checklist (attention points, supplier measures, clauses);
// confirmation pages before deleting or withdrawing; the overview at
// /contracts; the organisation's setting at /admin/procurement. Every form is
// a plain POST → redirect → GET; a refused form shows the page again.
import { Hono } from "hono";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Instrument } from "../../instruments/index.ts";
import type { FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction, type FormAgain } from "../../platform/http/form-actions.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { loadProjectForActor } from "../projects/access.ts";
import { listOrganisationPeople } from "../projects/service.ts";
import { isActiveProject } from "./access.ts";
import {
  checklistInstrument,
  contractOverview,
  deleteContract,
  getContract,
  getProcurementSettings,
  isSigner,
  listContracts,
  markSupplierMeasures,
  registerContract,
  resolvePoint,
  saveChecklist,
  signOffContract,
  updateContract,
  updateProcurementSettings,
  withdrawContract,
  type ContractView,
} from "./service.ts";
import { ChecklistPage, pointField, questionField, type ChecklistForm } from "./views/checklist-page.tsx";
import { contractPath, projectContractsPath } from "./views/common.tsx";
import { ConfirmPage, ContractFormPage, ContractPage, contractValues, OverviewPage, ProjectContractsPage, SettingsPage } from "./views/contract-pages.tsx";
import { listEvidence } from "../evidence/service.ts";

const deps = (c: AppContext) => c.get("deps");
const checklistPath = (id: string) => `${contractPath(id)}/checklist`;

/** The repeated fields of a posted form (ticked checkboxes) as lists. */
async function formLists(c: AppContext): Promise<Record<string, string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    out[k] = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
  }
  return out;
}

function instrumentOf(c: AppContext, contract: ContractView): Instrument {
  return checklistInstrument(deps(c), { checklist_instrument_id: contract.checklist.instrumentId, checklist_instrument_version: contract.checklist.instrumentVersion });
}

// ---------------------------------------------------------------- reading pages

async function showProjectContracts(c: AppContext) {
  const actor = requireActor(c);
  const project = await loadProjectForActor(deps(c).db, actor, c.req.param("id") ?? "");
  const items = await listContracts(deps(c), actor, project.id);
  const mayRegister = canEditProject(actor, project.id) && isActiveProject(project);
  return renderPage(c, c.get("t")("procurement.project_title", { title: project.title }), (ctx) => <ProjectContractsPage ctx={ctx} project={project} items={items} mayRegister={mayRegister} />);
}

async function showContract(c: AppContext, form: { values?: Values; errors?: FieldError[] } = {}, status = 200) {
  const actor = requireActor(c);
  const contract = await getContract(deps(c), actor, c.req.param("id") ?? "");
  const evidence = await listEvidence(deps(c), actor, "contract", contract.id);
  return renderPage(c, c.get("t")("procurement.contract_title", { supplier: contract.supplier }), (ctx) => <ContractPage ctx={ctx} c={contract} form={form} evidence={evidence} />, status);
}

async function showChecklist(c: AppContext, form: ChecklistForm = {}, status = 200) {
  const actor = requireActor(c);
  const contract = await getContract(deps(c), actor, c.req.param("id") ?? "");
  const people = contract.may.edit ? await listOrganisationPeople(deps(c), actor) : [];
  const instrument = instrumentOf(c, contract);
  return renderPage(c, c.get("t")("procurement.checklist_title", { supplier: contract.supplier }), (ctx) => <ChecklistPage m={{ ctx, c: contract, instrument, people, form }} />, status);
}

// ---------------------------------------------------------------- the forms of a contract's pages

const POINT_FIELDS = ["verdict", "clauseRef", "reason", "acceptedByUserId"] as const;

function pointInput(body: Record<string, string>) {
  const i = Number(body.pointIndex) || 0;
  const at = (name: string) => body[pointField(i, name)] ?? "";
  return { pointKey: body.pointKey ?? "", verdict: at("verdict"), clauseRef: at("clauseRef"), reason: at("reason"), acceptedByUserId: at("acceptedByUserId"), expectedRevision: body.expectedRevision };
}

/** The questions the checklist form showed: those of the sections that apply to the answers as stored. */
async function checklistAnswers(c: AppContext, id: string, body: Record<string, string>): Promise<Record<string, string | null>> {
  const contract = await getContract(deps(c), requireActor(c), id);
  const instrument = instrumentOf(c, contract);
  const shown = instrument.sections.filter((s) => contract.checklist.sections.find((x) => x.sectionId === s.id)?.status !== "not_applicable");
  const answers: Record<string, string | null> = {};
  for (const q of shown.flatMap((s) => s.questions)) {
    const v = body[questionField(q.id)];
    if (v !== undefined) answers[q.id] = v;
  }
  return answers;
}

const FORMS: FormAction[] = [
  {
    path: "sign-off",
    form: "sign-off",
    flash: "procurement.signed_off_flash",
    run: (c, id, body) => signOffContract(deps(c), requireActor(c), id, { revision: body.revision, slot: body.slot, note: body.note }),
    redirectTo: (_c, id) => `${contractPath(id)}#sign-off`,
  },
  {
    path: "points",
    form: "point",
    flash: "procurement.point_saved",
    run: async (c, id, body) => {
      await resolvePoint(deps(c), requireActor(c), id, pointInput(body));
      return Number(body.pointIndex) || 1;
    },
    redirectTo: (_c, id, index) => `${checklistPath(id)}#point-${String(index)}-card`,
  },
  {
    path: "supplier-measures",
    form: "measures",
    flash: "procurement.measures_saved",
    run: async (c, id, body) => markSupplierMeasures(deps(c), requireActor(c), id, { measureIds: (await formLists(c)).measureIds ?? [], expectedRevision: body.expectedRevision }),
    redirectTo: (_c, id) => `${checklistPath(id)}#supplier-measures`,
  },
  {
    path: "checklist",
    form: "checklist",
    flash: "procurement.checklist_saved",
    run: async (c, id, body) => saveChecklist(deps(c), requireActor(c), id, { answers: await checklistAnswers(c, id, body), expectedRevision: body.expectedRevision }),
    redirectTo: (_c, id) => `${checklistPath(id)}#checklist`,
  },
];

/** A refused form: its page again, the errors pointing at the fields of the form they belong to. */
async function showAgain(c: AppContext, _id: string, again: FormAgain) {
  if (again.errorsFor === "sign-off") return showContract(c, { values: again.values, errors: again.errors }, again.status);
  let errors = again.errors;
  if (again.errorsFor === "point") {
    const i = Number(again.values.pointIndex) || 0;
    const t = c.get("t");
    // Named with the point's number, so the summary at the top says which point it is about.
    const inPoint = (e: FieldError, field: string): FieldError => ({ field, messageKey: "procurement.point.error_in", params: { n: i, message: t(e.messageKey, e.params) } });
    errors = errors.map((e) => ((POINT_FIELDS as readonly string[]).includes(e.field) ? inPoint(e, pointField(i, e.field)) : e.field === "pointKey" ? inPoint(e, pointField(i, "verdict")) : e));
  }
  if (again.errorsFor === "checklist") errors = errors.map((e) => (e.field === "_" || e.field === "expectedRevision" ? e : { ...e, field: questionField(e.field.replace(/^answers\./, "")) }));
  const lists = again.errorsFor === "measures" ? await formLists(c) : undefined;
  return showChecklist(c, { errorsFor: again.errorsFor, values: again.values, lists, errors }, again.status);
}

// ---------------------------------------------------------------- register, change, delete, withdraw

function mountContractForms(app: Hono<AppEnv>) {
  const showNew = async (c: AppContext, values?: Values, errors?: FieldError[], status = 200) => {
    const project = await loadProjectForActor(deps(c).db, requireActor(c), c.req.param("id") ?? "");
    return renderPage(c, c.get("t")("procurement.new_title"), (ctx) => <ContractFormPage ctx={ctx} project={project} values={values} errors={errors} />, status);
  };
  app.get("/projects/:id/contracts/new", (c) => showNew(c));
  app.post("/projects/:id/contracts", async (c) => {
    const body = await formBody(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, contractPath(await registerContract(deps(c), requireActor(c), c.req.param("id") ?? "", body)), "procurement.registered"),
      (errors, status) => showNew(c, body, errors, status),
    );
  });

  const showEdit = async (c: AppContext, values?: Values, errors?: FieldError[], status = 200) => {
    const contract = await getContract(deps(c), requireActor(c), c.req.param("id") ?? "");
    const project = { id: contract.projectId, title: contract.projectTitle };
    return renderPage(c, c.get("t")("procurement.edit_title", { supplier: contract.supplier }), (ctx) => <ContractFormPage ctx={ctx} project={project} contract={contract} values={values ?? contractValues(contract)} errors={errors} />, status);
  };
  app.get("/contracts/:id/edit", (c) => showEdit(c));
  app.post("/contracts/:id/edit", async (c) => {
    const body = await formBody(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await updateContract(deps(c), requireActor(c), id, body);
        return redirectWithFlash(c, contractPath(id), "procurement.updated");
      },
      (errors, status) => showEdit(c, body, errors, status),
    );
  });

  for (const kind of ["delete", "withdraw"] as const) {
    const show = async (c: AppContext, form: { values?: Values; errors?: FieldError[] } = {}, status = 200) => {
      const contract = await getContract(deps(c), requireActor(c), c.req.param("id") ?? "");
      return renderPage(c, c.get("t")(`procurement.${kind}_title`, { supplier: contract.supplier }), (ctx) => <ConfirmPage ctx={ctx} c={contract} kind={kind} form={form} />, status);
    };
    app.get(`/contracts/:id/${kind}`, (c) => show(c));
    app.post(`/contracts/:id/${kind}`, async (c) => {
      const body = await formBody(c);
      const id = c.req.param("id");
      return handleForm(
        c,
        async () => {
          if (kind === "delete") return redirectWithFlash(c, projectContractsPath(await deleteContract(deps(c), requireActor(c), id, body)), "procurement.deleted");
          await withdrawContract(deps(c), requireActor(c), id, body);
          return redirectWithFlash(c, contractPath(id), "procurement.withdrawn_flash");
        },
        (errors, status) => show(c, { values: body, errors }, status),
      );
    });
  }
}

function mountSettings(app: Hono<AppEnv>) {
  const show = async (c: AppContext, errors?: FieldError[], status = 200) => {
    const { secondSigner } = await getProcurementSettings(deps(c), requireActor(c));
    return renderPage(c, c.get("t")("procurement.settings.title"), (ctx) => <SettingsPage ctx={ctx} secondSigner={secondSigner} errors={errors} />, status);
  };
  app.get("/admin/procurement", (c) => show(c));
  app.post("/admin/procurement", async (c) => {
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await updateProcurementSettings(deps(c), requireActor(c), body);
        return redirectWithFlash(c, "/admin/procurement", "procurement.settings.saved");
      },
      (errors, status) => show(c, errors, status),
    );
  });
}

export function procurementRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/contracts", async (c) => {
    const actor = requireActor(c);
    const overview = await contractOverview(deps(c), actor);
    return renderPage(c, c.get("t")("procurement.overview_title"), (ctx) => <OverviewPage ctx={ctx} overview={overview} isSigner={isSigner(actor)} />);
  });
  app.get("/projects/:id/contracts", (c) => showProjectContracts(c));
  mountContractForms(app);
  app.get("/contracts/:id", (c) => showContract(c));
  app.get("/contracts/:id/checklist", (c) => showChecklist(c));
  mountFormActions(app, "/contracts/:id", FORMS, showAgain, contractPath);
  mountSettings(app);
  return app;
}
