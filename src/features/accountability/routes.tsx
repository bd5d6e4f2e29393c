import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { forbidden, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { handleForm, renderPage, requireActor } from "../../platform/http/render.tsx";
import { canSeeDashboard, canSeeReport, REPORT_KINDS, type ReportKind } from "./access.ts";
import { dashboardFigures } from "./figures.ts";
import { linksFor } from "./links.ts";
import { reportPdf } from "./report-pdf.ts";
import { periodicReport, periodOrDefault, type PeriodicReport } from "./report.ts";
import { DashboardPage } from "./views/dashboard.tsx";
import { ReportPage } from "./views/report.tsx";

const css = readFileSync(new URL("./assets/accountability.css", import.meta.url));
const deps = (c: AppContext) => c.get("deps");

/** The period asked for, or this year up to today. */
function periodOf(c: AppContext): { from: string; to: string } {
  const { from, to } = periodOrDefault(deps(c).now(), { from: c.req.query("from"), to: c.req.query("to") });
  return { from: from.slice(0, 20), to: to.slice(0, 20) };
}

async function showReport(c: AppContext, kind: ReportKind) {
  const actor = requireActor(c);
  if (!canSeeReport(actor, kind)) throw forbidden();
  const values = periodOf(c);
  const links = linksFor(actor);
  const show = (report: PeriodicReport | null, errors?: FieldError[], status = 200) =>
    renderPage(c, c.get("t")(`accountability.report.${kind}`), (ctx) => <ReportPage ctx={ctx} links={links} kind={kind} report={report} values={values} errors={errors} />, status);
  return handleForm(c, async () => show(await periodicReport(deps(c), actor, kind, values)), (errors, status) => show(null, errors, status));
}

export function accountabilityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/accountability/assets/accountability.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(new Uint8Array(css));
  });

  app.get("/accountability", async (c) => {
    const actor = requireActor(c);
    if (!canSeeDashboard(actor)) throw forbidden();
    const f = await dashboardFigures(deps(c), actor);
    const reports = REPORT_KINDS.filter((k) => canSeeReport(actor, k));
    return renderPage(c, c.get("t")("accountability.title"), (ctx) => <DashboardPage ctx={ctx} f={f} links={linksFor(actor)} reports={reports} />);
  });

  for (const kind of REPORT_KINDS) {
    app.get(`/accountability/reports/${kind}`, (c) => showReport(c, kind));
    app.get(`/accountability/reports/${kind}.pdf`, async (c) => {
      const pdf = await reportPdf(deps(c), requireActor(c), kind, periodOf(c), c.get("t"), c.get("lang"));
      const { from, to } = periodOf(c);
      c.header("Content-Disposition", `attachment; filename="verantwoording-${kind}-${from.replace(/[^0-9-]/g, "")}-${to.replace(/[^0-9-]/g, "")}.pdf"`);
      c.header("Cache-Control", "no-store");
      return c.body(new Uint8Array(pdf), 200, { "Content-Type": "application/pdf" });
    });
  }

  return app;
}
