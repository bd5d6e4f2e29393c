// The features of Afweging, each one declared object. createApp, the migrator,
// the demo data and the CLI read them from this list; nothing registers itself
// by being imported.
import type { Feature } from "../platform/feature.ts";
import { accountFeature } from "./account/index.ts";
import { adminFeature } from "./admin/index.ts";
import { aiActFeature } from "./ai-act/index.ts";
import { aiLiteracyFeature } from "./ai-literacy/index.ts";
import { algoritmekaderFeature } from "./algoritmekader/index.ts";
import { assessmentsFeature } from "./assessments/index.ts";
import { accountabilityFeature } from "./accountability/index.ts";
import { auditLogFeature } from "./audit-log/index.ts";
import { auditsFeature } from "./audits/index.ts";
import { biasAuditFeature } from "./bias-audit/index.ts";
import { committeeFeature } from "./committee/index.ts";
import { deliberationFeature } from "./deliberation/index.ts";
import { evaluationsFeature } from "./evaluations/index.ts";
import { evidenceFeature } from "./evidence/index.ts";
import { expertTableFeature } from "./expert-table/index.ts";
import { homeFeature } from "./home/index.ts";
import { instrumentResponsesFeature } from "./instrument-responses/index.ts";
import { measuresFeature } from "./measures/index.ts";
import { notificationsFeature } from "./notifications/index.ts";
import { procurementFeature } from "./procurement/index.ts";
import { projectsFeature } from "./projects/index.ts";
import { retentionFeature } from "./retention/index.ts";
import { registerFeature } from "./register/index.ts";
import { ssoFeature } from "./sso/index.ts";
import { organisationsFeature } from "./organisations/index.ts";
import { serviceTokensFeature } from "./service-tokens/index.ts";
import { valuesFeature } from "./values/index.ts";

/** In the order their menu entries, start-page tasks and demo steps come. */
export const features: readonly Feature[] = [
  homeFeature,
  notificationsFeature,
  accountFeature,
  adminFeature,
  auditLogFeature,
  projectsFeature,
  instrumentResponsesFeature,
  valuesFeature,
  measuresFeature,
  expertTableFeature,
  deliberationFeature,
  committeeFeature,
  assessmentsFeature,
  biasAuditFeature,
  procurementFeature,
  auditsFeature,
  evidenceFeature,
  evaluationsFeature,
  ssoFeature,
  retentionFeature,
  registerFeature,
  aiActFeature,
  algoritmekaderFeature,
  aiLiteracyFeature,
  organisationsFeature,
  serviceTokensFeature,
  accountabilityFeature,
];
