// The bias audit: upload a file of an algorithm's decisions, map its columns,
// audit it in a worker thread, read the result, export it, attach it to a project.
import { biasAuditRetention, OUTCOME_DATA } from "./abandoned-uploads.ts";
import type { Feature } from "../../platform/feature.ts";
import { API_UPLOAD_PATH, biasAuditApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import * as m011 from "./migrations/011-bias-audits.ts";
import * as m012 from "./migrations/012-bias-audit-risks.ts";
import * as m013 from "./migrations/013-bias-audit-data-removed.ts";
import { riskEvidenceSource } from "./risk-links.ts";
import { biasAuditRoutes, UPLOAD_PATH } from "./routes.tsx";
import { canStartBiasAudit, failInterruptedBiasAudits, listBiasAudits } from "./service.ts";
import { ProjectPanelView } from "./views/pages.tsx";
import "./schema.ts";

export const biasAuditFeature: Feature = {
  name: "bias-audit",
  messages: { nl, en },
  migrations: { "011-bias-audits": m011, "012-bias-audit-risks": m012, "013-bias-audit-data-removed": m013 },
  retentionTasks: biasAuditRetention,
  retentionPeriods: [OUTCOME_DATA],
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [
    { table: "bias_audits", name: "created_by_name", by: "created_by" },
  ],
  routes: biasAuditRoutes,
  api: biasAuditApi,
  largeBodyPaths: [UPLOAD_PATH, API_UPLOAD_PATH],
  // Only for whoever can start one: a project team sees its audits in the project page's panel.
  nav: [{ href: "/bias-audits", labelKey: "bias_audit.nav", visible: (c) => !!c.actor && canStartBiasAudit(c.actor) }],
  projectPanels: [
    {
      id: "bias-audits",
      order: 70,
      render: async ({ deps, ctx, actor, project }) => ProjectPanelView({ ctx, items: await listBiasAudits(deps, actor, { projectId: project.id }), projectId: project.id }),
    },
  ],
  riskEvidenceSources: [riskEvidenceSource],
  // With the embedded database this process is the only one, so jobs it finds running were cut off by a restart.
  // On PostgreSQL other processes may be running jobs; there a job without heartbeat is marked failed when read.
  onStart: async (deps) => {
    if (deps.engine === "sqlite") await failInterruptedBiasAudits(deps);
  },
};
