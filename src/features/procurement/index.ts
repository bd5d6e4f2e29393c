// Procurement (plan step 4): a supplier project's contracts, each with a clause
// checklist, the attention points carried over from the advice, the DEPIA, the
// risks and the bias audits, and the sign-off by the 2nd line that the
// start → execution gate asks for.
import type { Feature } from "../../platform/feature.ts";
import { en, nl } from "./messages.ts";
import * as m020 from "./migrations/020-procurement.ts";
import { supplierState } from "./queries.ts";
import "./schema.ts";

export const procurementFeature: Feature = {
  name: "procurement",
  messages: { nl, en },
  migrations: { "020-procurement": m020 },
  snapshotContributors: [
    async (deps, project, snapshot) => {
      snapshot.supplier = await supplierState(deps, project);
    },
  ],
};
