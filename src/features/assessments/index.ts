// Assessments (issue 4): the screening (pre-DPIA), the DEPIA with its risk
// register, reviews by the FG and the ISO, residual-risk acceptance and the
// prior consultation of the AP; with exports and an API.
import { can } from "../../domain/permissions/permissions.ts";
import { assessmentMeasureSources } from "./measure-sources.ts";
import type { Feature } from "../../platform/feature.ts";
import { assessmentsApi } from "./api.ts";
import { reviewEvidence } from "./evidence-subject.ts";
import { assessmentsInbox } from "./inbox.ts";
import { seedDemoAssessments } from "./demo.ts";
import { en, nl } from "./messages.ts";
import * as m010 from "./migrations/010-assessments.ts";
import { assessmentRoutes } from "./routes.tsx";
import { depiaState } from "./depia.ts";
import { screeningRecordsOf } from "./screening.ts";
import { assessmentsSnapshot } from "./snapshot-batch.ts";
import { ProjectPanel } from "./views/depia-pages.tsx";
import { screeningRegisterPrefill, depiaRegisterPrefill } from "./register-prefill.ts";

export const assessmentsFeature: Feature = {
  name: "assessments",
  // What the project's register entry is pre-filled with from this feature.
  registerPrefillSources: [screeningRegisterPrefill, depiaRegisterPrefill],
  messages: { nl, en },
  migrations: { "010-assessments": m010 },
  measureSources: assessmentMeasureSources,
  inboxSources: [assessmentsInbox],
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [
    { table: "screenings", name: "completed_by_name", by: "completed_by" },
    { table: "screenings", name: "fg_by_name", by: "fg_by" },
    { table: "depia_versions", name: "submitted_by_name", by: "submitted_by" },
    { table: "depia_reviews", name: "reviewer_name", by: "reviewer_id" },
    { table: "risks", name: "accepted_by_name", by: "accepted_by" },
    { table: "residual_acceptances", name: "accepted_by_name", by: "accepted_by" },
    { table: "ap_consultations", name: "recorded_by_name", by: "recorded_by" },
  ],
  routes: assessmentRoutes,
  evidenceSubjects: [reviewEvidence],
  api: assessmentsApi,
  nav: [{ href: "/admin/assessments", labelKey: "assessments.nav.settings", visible: (c) => !!c.actor && can(c.actor, "organisation.manage"), before: "/audit-log" }],
  snapshotContributors: [assessmentsSnapshot],
  projectPanels: [
    {
      id: "assessments",
      order: 40,
      async render({ deps, ctx, project }) {
        const [current] = await screeningRecordsOf(deps, project.organisationId, project.id);
        const depia = await depiaState(deps, project.organisationId, project.id);
        return ProjectPanel({ ctx, projectId: project.id, screening: current ? { outcome: current.effectiveOutcome, on: current.completedAt } : null, depia });
      },
    },
  ],
  demoSteps: [{ name: "assessments", run: seedDemoAssessments }],
};
