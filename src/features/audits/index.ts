// Audits (plan step 6): the yearly audit plan, audits with findings, the
// management response per finding (agree and act, or explain) and follow-up.
import { canAudit } from "../../domain/permissions/audit-independence.ts";
import type { Feature } from "../../platform/feature.ts";
import { auditsApi } from "./api.ts";
import { auditEvidence, findingEvidence } from "./evidence-subject.ts";
import { seedAuditsDemo } from "./demo.ts";
import { leadsAProject } from "./list-audits.ts";
import { en, nl } from "./messages.ts";
import * as m022 from "./migrations/022-audits.ts";
import { auditRoutes } from "./routes.tsx";
import { AuditsPanel } from "./views/panel.tsx";
import "./schema.ts";
import { auditsRegisterPrefill } from "./register-prefill.ts";

export const auditsFeature: Feature = {
  name: "audits",
  // What the project's register entry is pre-filled with from this feature.
  registerPrefillSources: [auditsRegisterPrefill],
  messages: { nl, en },
  migrations: { "022-audits": m022 },
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [
    { table: "audit_plans", name: "updated_by_name", by: "updated_by" },
    { table: "audit_status_changes", name: "by_name", by: "by_user_id" },
    { table: "audit_findings", name: "created_by_name", by: "created_by" },
    { table: "audit_findings", name: "responded_by_name", by: "responded_by" },
  ],
  routes: auditRoutes,
  evidenceSubjects: [auditEvidence, findingEvidence],
  api: auditsApi,
  nav: [{ href: "/audits", labelKey: "audits.nav", visible: (c) => !!c.actor && (canAudit(c.actor, "read") || leadsAProject(c.actor)), before: "/audit-log" }],
  homeTasks: [
    { href: "/audits", labelKey: "audits.home_task_plan", visible: (c) => canAudit(c.actor!, "plan") },
    { href: "/audits/to-answer", labelKey: "audits.home_task_answer", visible: (c) => leadsAProject(c.actor!) },
  ],
  projectPanels: [{ id: "audits", order: 80, render: (args) => AuditsPanel(args) }],
  demoSteps: [{ name: "audits", run: seedAuditsDemo }],
};
