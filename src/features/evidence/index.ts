// Evidence: files (checked by their content, kept by content hash in the
// database, versioned, with an optional expiry) and links on measures,
// contracts, audits, findings and reviews. The features that own those records
// vouch for them through the evidenceSubjects extension point.
import type { Feature } from "../../platform/feature.ts";
import { API_UPLOAD_PATH, evidenceApi } from "./api.ts";
import { evidenceExportFiles } from "./export-files.ts";
import { en, nl } from "./messages.ts";
import * as m021 from "./migrations/021-evidence.ts";
import { evidenceRoutes, UPLOAD_PATH } from "./routes.tsx";
import "./extension-points.ts";
import "./schema.ts";

export const evidenceFeature: Feature = {
  name: "evidence",
  messages: { nl, en },
  migrations: { "021-evidence": m021 },
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [{ table: "evidence_items", name: "created_by_name", by: "created_by" }],
  routes: evidenceRoutes,
  api: evidenceApi,
  largeBodyPaths: [UPLOAD_PATH, API_UPLOAD_PATH],
  organisationExportFiles: [evidenceExportFiles],
};
