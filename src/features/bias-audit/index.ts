// The bias audit: upload a file of an algorithm's decisions, map its columns,
// audit it in a worker thread, read the result, export it, attach it to a project.
import { allowLargeBodies } from "../../platform/http/large-bodies.ts";
import { registerMessages } from "../../platform/i18n/index.ts";
import { addNavItem } from "../../ui/layout.tsx";
import { addRiskEvidenceSource } from "../assessments/evidence.ts";
import { addProjectPanel } from "../projects/extension-points.ts";
import { API_UPLOAD_PATH, biasAuditApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import * as m011 from "./migrations/011-bias-audits.ts";
import * as m012 from "./migrations/012-bias-audit-risks.ts";
import { riskEvidenceSource } from "./risk-links.ts";
import { biasAuditRoutes, UPLOAD_PATH } from "./routes.tsx";
import { listBiasAudits, seesBiasAudits } from "./service.ts";
import { ProjectPanelView } from "./views/pages.tsx";
import "./schema.ts";

export { failInterruptedBiasAudits } from "./service.ts";

registerMessages({ nl, en });
allowLargeBodies(UPLOAD_PATH);
allowLargeBodies(API_UPLOAD_PATH);
addNavItem({ href: "/bias-audits", labelKey: "bias_audit.nav", visible: (c) => !!c.actor && seesBiasAudits(c.actor) });
addProjectPanel({
  id: "bias-audits",
  order: 70,
  render: async ({ deps, ctx, actor, project }) => ProjectPanelView({ ctx, items: await listBiasAudits(deps, actor, { projectId: project.id }), projectId: project.id }),
});

addRiskEvidenceSource(riskEvidenceSource);

export const routes = biasAuditRoutes;
export const api = biasAuditApi;
export const migrations = { "011-bias-audits": m011, "012-bias-audit-risks": m012 };
