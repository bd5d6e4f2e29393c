// Pages of the Algoritmekader: a project's requirements with their statuses,
// and the organisation's coverage with its CSV export.
import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAgain } from "../../platform/http/form-actions.ts";
import { renderPage, requireActor } from "../../platform/http/render.tsx";
import type { FieldError } from "../../platform/errors.ts";
import { coverageCsv, organisationCoverage, projectRequirements, setRequirementStatus } from "./service.ts";
import { akPath, CoveragePage, RequirementsPage } from "./views/pages.tsx";

type Extra = { values?: Record<string, string>; errors?: FieldError[]; status?: number };
const again = ({ values, errors, status }: FormAgain): Extra => ({ values, errors, status });

const show = async (c: AppContext, extra: Extra = {}) => {
  const model = await projectRequirements(c.get("deps"), requireActor(c), c.req.param("id") ?? "");
  return renderPage(c, c.get("t")("ak.title"), (ctx) => <RequirementsPage ctx={ctx} model={model} values={extra.values} errors={extra.errors} />, extra.status ?? 200);
};

export function akRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/projects/:id/algoritmekader", (c) => show(c));
  mountFormActions(app, "/projects/:id/algoritmekader", [
    { path: "status", form: "status", flash: "ak.flash.status_set", run: (c, id, body) => setRequirementStatus(c.get("deps"), requireActor(c), id, body) },
  ], (c, _id, a) => show(c, again(a)), akPath);
  app.get("/algoritmekader", async (c) => {
    const model = await organisationCoverage(c.get("deps"), requireActor(c));
    return renderPage(c, c.get("t")("ak.org.title"), (ctx) => <CoveragePage ctx={ctx} model={model} />);
  });
  app.get("/algoritmekader.csv", async (c) => {
    const t = c.get("t");
    const csv = await coverageCsv(c.get("deps"), requireActor(c), { requirement: t("ak.col.requirement"), title: t("ak.col.requirement"), met: t("ak.org.col.met"), notYet: t("ak.org.col.not_yet"), notApplicable: t("ak.org.col.not_applicable"), gaps: t("ak.org.col.gaps") });
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", 'attachment; filename="algoritmekader.csv"');
    return c.body(csv);
  });
  return app;
}
