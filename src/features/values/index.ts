// The organisation's value set (with history) and a project's values profile.
import { can } from "../../domain/permissions/permissions.ts";
import type { Feature } from "../../platform/feature.ts";
import { valuesApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import * as m005 from "./migrations/005-values.ts";
import { valuesProfile } from "./profile.ts";
import { valuesRoutes } from "./routes.tsx";
import { ensureValueSet } from "./ensure-value-set.ts";
import { ValuesPanel } from "./views/panel.tsx";

export type { ValueTouch, ValuesSource } from "./profile.ts";

export const valuesFeature: Feature = {
  name: "values",
  messages: { nl, en },
  migrations: { "005-values": m005 },
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [
    { table: "value_versions", name: "changed_by_name", by: "changed_by" },
  ],
  routes: valuesRoutes,
  api: valuesApi,
  nav: [{ href: "/admin/values", labelKey: "values.nav", visible: (c) => !!c.actor && can(c.actor, "organisation.manage"), before: "/audit-log" }],
  projectPanels: [
    {
      id: "values",
      order: 40,
      render: async ({ deps, ctx, actor, project }) => ValuesPanel({ ctx, profile: await valuesProfile(deps, actor, project.id) }),
    },
  ],
  // The demo organisation gets its value set at once, before any canvas refers to it.
  demoSteps: [{ name: "values", run: (deps, organisationId) => ensureValueSet(deps, organisationId) }],
  newOrganisationSteps: [{ name: "values", run: (tx, organisationId) => ensureValueSet(tx, organisationId) }],
};
