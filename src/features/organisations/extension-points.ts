import type { Deps } from "../../platform/deps.ts";

/**
 * Files an organisation's export carries besides its tables: a feature that
 * keeps bytes outside organisation-scoped rows (evidence files, kept once per
 * content hash for the whole instance) hands over this organisation's files.
 */
export interface OrganisationExportFiles {
  /** The folder in the ZIP: `files/<folder>/…`. */
  folder: string;
  /** What the files are and how the tables refer to them, for README.json. */
  describe: string;
  /** This organisation's files, one at a time (so the export never holds them all in memory). */
  files(deps: Deps, organisationId: string): AsyncIterable<{ name: string; data: Uint8Array }>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    organisationExportFiles: OrganisationExportFiles;
  }
}
