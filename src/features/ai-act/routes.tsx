// Pages of the ai-act feature: the classification with its review, and the
// FRIA notification with the EU registration. POST → redirect → GET.
import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction, type FormAgain } from "../../platform/http/form-actions.ts";
import { renderPage, requireActor } from "../../platform/http/render.tsx";
import type { FieldError } from "../../platform/errors.ts";
import { finishClassification, getClassification, reviewClassification } from "./classification.ts";
import { prefillFria, recordFriaNotification } from "./fria.ts";
import { registrationPage } from "./pages.ts";
import { exportRegistration, recordRegistrationNumber, saveRegistration } from "./registration.ts";
import { aiActPath, ClassificationPage } from "./views/classification-page.tsx";
import { RegistrationPage } from "./views/registration-page.tsx";

type Extra = { values?: Record<string, string>; errors?: FieldError[]; status?: number };
const id = (c: AppContext) => c.req.param("id") ?? "";
const again = ({ values, errors, status }: FormAgain): Extra => ({ values, errors, status });

const showClassification = async (c: AppContext, extra: Extra = {}) => {
  const model = await getClassification(c.get("deps"), requireActor(c), id(c));
  return renderPage(c, c.get("t")("ai_act.title"), (ctx) => <ClassificationPage ctx={ctx} model={model} values={extra.values} errors={extra.errors} />, extra.status ?? 200);
};
const toPage = (_c: AppContext, projectId: string) => aiActPath(projectId);
const classificationForms: FormAction[] = [
  { path: "finish", form: "finish", flash: "ai_act.flash.finished", run: (c, projectId) => finishClassification(c.get("deps"), requireActor(c), projectId), redirectTo: toPage },
  { path: "review", form: "review", flash: "ai_act.flash.reviewed", run: (c, projectId, body) => reviewClassification(c.get("deps"), requireActor(c), projectId, body), redirectTo: toPage },
  { path: "fria/prefill", form: "fria", flash: "ai_act.flash.fria_prefilled", run: (c, projectId) => prefillFria(c.get("deps"), requireActor(c), projectId), redirectTo: (_c, p) => `${aiActPath(p)}/registration` },
];

const registrationPath = (projectId: string) => `${aiActPath(projectId)}/registration`;
const showRegistration = async (c: AppContext, extra: Extra = {}) => {
  const model = await registrationPage(c.get("deps"), requireActor(c), id(c));
  return renderPage(c, c.get("t")("ai_act.registration.title"), (ctx) => <RegistrationPage ctx={ctx} model={model} values={extra.values} errors={extra.errors} />, extra.status ?? 200);
};
const registrationForms: FormAction[] = [
  { path: "fria-notification", form: "notify", flash: "ai_act.flash.fria_notified", run: (c, projectId, body) => recordFriaNotification(c.get("deps"), requireActor(c), projectId, body), redirectTo: (_c, p) => registrationPath(p) },
  { path: "number", form: "number", flash: "ai_act.flash.registration_number", run: (c, projectId, body) => recordRegistrationNumber(c.get("deps"), requireActor(c), projectId, body), redirectTo: (_c, p) => registrationPath(p) },
];

export function aiActRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/projects/:id/ai-act", (c) => showClassification(c));
  mountFormActions(app, "/projects/:id/ai-act", classificationForms, (c, _id, a) => showClassification(c, again(a)), aiActPath);
  app.get("/projects/:id/ai-act/registration", (c) => showRegistration(c));
  app.get("/projects/:id/ai-act/registration.json", async (c) => {
    const body = await exportRegistration(c.get("deps"), requireActor(c), id(c));
    c.header("content-disposition", `attachment; filename="eu-registratie-${body.project.id}.json"`);
    return c.json(body);
  });
  mountFormActions(app, "/projects/:id/ai-act/registration", [
    { path: "fields", form: "fields", flash: "ai_act.flash.registration_saved", run: (c, projectId, body) => saveRegistration(c.get("deps"), requireActor(c), projectId, body), redirectTo: (_c, p) => registrationPath(p) },
    ...registrationForms,
  ], (c, _id, a) => showRegistration(c, again(a)), registrationPath);
  return app;
}
