import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { REPORT_KINDS } from "./access.ts";
import { COUNTERS, dashboardFigures, TREND_KINDS } from "./figures.ts";
import { reportPdf } from "./report-pdf.ts";
import { periodicReport, periodOrDefault, ReportPeriodInput } from "./report.ts";

const TAGS = ["accountability"];
const n = z.number().int();
const s = z.string();

const Dashboard = z
  .object({
    today: s,
    counters: z.object(Object.fromEntries(COUNTERS.map((c) => [c, n])) as Record<(typeof COUNTERS)[number], typeof n>),
    projects: z.array(z.object({ phase: s, domain: s, count: n })),
    gates: z.array(z.object({ phase: s, decision: s, count: n })),
    stops: z.array(z.object({ projectId: s, title: s, phase: s, rationale: s, decidedAt: s })),
    screenings: z.array(z.object({ outcome: s, fg: s, count: n })),
    depiaReviews: z.array(z.object({ role: s, overall: s, count: n })),
    waitingReviews: z.array(z.object({ projectId: s, title: s, version: n, submittedAt: s })),
    overdueMeasures: z.array(z.object({ id: s, projectId: s, projectTitle: s, title: s, dueDate: s, status: s })),
    audits: z.array(z.object({ key: s, count: n })),
    findings: z.array(z.object({ severity: s, state: s, count: n })),
    openFindings: z.array(z.object({ auditId: s, auditTitle: s, projectTitle: s, number: n, title: s, severity: s, state: s })),
    biasAudits: z.array(z.object({ status: s, count: n, withDifferences: n })),
    biasFound: z.array(z.object({ id: s, name: s, projectTitle: s.nullable(), tests: n, significant: n, finishedAt: s })),
    deviations: z.array(z.object({ caseId: s, adviceId: s, title: s, reasons: s, respondedAt: s, published: z.boolean() })),
    revisionOverdue: z.array(z.object({ projectId: s, name: s, revisionDate: s })),
    heatMap: z.array(z.object({ valueKey: s, nameNl: s, nameEn: s, likelihood: s, impact: s, count: n })),
    trends: z.array(z.object({ kind: z.enum(TREND_KINDS), year: n, quarter: n, count: n })),
    trendFrom: s,
  })
  .openapi("AccountabilityDashboard");

const Period = z.object({ from: s, to: s, fromIso: s, toIso: s });
const Gate = z.object({ projectId: s, projectTitle: s, phase: s, decision: z.enum(["go", "adjust", "stop"]), rationale: s, decidedAt: s });
const Decisions = z.object({ go: n, adjust: n, stop: n });

const BoardReport = z
  .object({
    kind: z.literal("board"),
    period: Period,
    started: z.array(z.object({ id: s, title: s, domain: s, phase: s, createdAt: s })),
    decisions: Decisions,
    changes: z.array(Gate),
    advice: z.array(z.object({ caseId: s, adviceId: s, title: s, adoptedAt: s, decision: s.nullable(), reasons: s.nullable(), respondedAt: s.nullable(), published: z.boolean() })),
    recommendations: z.object({ comply: n, explain: n }),
    audits: z.array(z.object({ id: s, title: s, type: s, status: s, finishedAt: s })),
    findingsBySeverity: z.record(s, n),
    publications: z.array(z.object({ kind: z.enum(["register", "advice"]), title: s, lars: s.nullable(), adviceId: s.nullable(), publishedAt: s })),
    lessons: z.array(z.object({ projectId: s, projectTitle: s, phase: s, text: s, recordedAt: s })),
    evaluations: z.object({ total: n, needsAttention: n }),
  })
  .openapi("BoardReport");

const CommitteeReport = z
  .object({
    kind: z.literal("committee"),
    period: Period,
    decisions: Decisions,
    gates: z.array(Gate),
    answers: z.array(z.object({ source: z.enum(["recommendation", "board", "finding"]), projectTitle: s.nullable(), subject: s, answer: z.enum(["comply", "explain"]), text: s, answeredAt: s })),
    deliberations: z.array(z.object({ id: s, title: s, projectTitle: s.nullable(), status: s, heldOn: s, conclusion: s })),
  })
  .openapi("CommitteeReport");

// Both bounds optional, as on the page: from 1 January of this year, to today.
const Query = ReportPeriodInput.partial().openapi("ReportPeriod");
const Refused = { 422: problemResponses[400] };

export function accountabilityApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/accountability/dashboard", tags: TAGS, summary: "The accountability dashboard's figures (3rd line: CIO, CISO, FG, VIC, IT auditor)", responses: { 200: jsonResponse(Dashboard, "The figures"), ...problemResponses } }),
    async (c) => c.json(await dashboardFigures(c.get("deps"), requireActor(c)), 200),
  );

  const schemas = { board: BoardReport, committee: CommitteeReport } as const;
  const who = { board: "the 3rd line and the board", committee: "the 3rd line and the ethics committee" } as const;
  for (const kind of REPORT_KINDS) {
    api.openapi(
      createRoute({
        method: "get",
        path: `/accountability/reports/${kind}`,
        tags: TAGS,
        summary: `The periodic report for ${kind === "board" ? "the board and the council" : "the ethics committee"} over [from, to], both days included (default: 1 January of this year to today) (${who[kind]}); an end before the start is refused`,
        request: { query: Query },
        responses: { 200: jsonResponse(schemas[kind], "The report"), ...Refused, ...problemResponses },
      }),
      async (c) => c.json((await periodicReport(c.get("deps"), requireActor(c), kind, periodOrDefault(c.get("deps").now(), c.req.valid("query")))) as never, 200),
    );
    api.openapi(
      createRoute({
        method: "get",
        path: `/accountability/reports/${kind}.pdf`,
        tags: TAGS,
        summary: "The same report as a tagged PDF",
        request: { query: Query },
        responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } } }, ...Refused, ...problemResponses },
      }),
      async (c) => {
        const pdf = await reportPdf(c.get("deps"), requireActor(c), kind, periodOrDefault(c.get("deps").now(), c.req.valid("query")), c.get("t"), c.get("lang"));
        c.header("Content-Disposition", `attachment; filename="verantwoording-${kind}.pdf"`);
        return c.body(new Uint8Array(pdf), 200, { "Content-Type": "application/pdf" });
      },
    );
  }

  return api;
}
