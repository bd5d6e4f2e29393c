import type { Migration } from "kysely";
import { can } from "../../domain/permissions/permissions.ts";
import { registerMessages } from "../../platform/i18n/index.ts";
import { addNavItem } from "../../ui/layout.tsx";
import { addDemoSeedStep } from "../demo/steps.ts";
import { addProjectPanel } from "../projects/extension-points.ts";
import { valuesApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import * as m005 from "./migrations/005-values.ts";
import { valuesProfile } from "./profile.ts";
import { valuesRoutes } from "./routes.tsx";
import { ensureValueSet } from "./service.ts";
import { ValuesPanel } from "./views/panel.tsx";

registerMessages({ nl, en });

addNavItem({ href: "/admin/values", labelKey: "values.nav", visible: (c) => !!c.actor && can(c.actor, "organisation.manage") }, "/audit-log");

addProjectPanel({
  id: "values",
  order: 40,
  render: async ({ deps, ctx, actor, project }) => ValuesPanel({ ctx, profile: await valuesProfile(deps, actor, project.id) }),
});

// The demo organisation gets its value set at once, before any canvas refers to it.
addDemoSeedStep({ name: "values", run: (deps, organisationId) => ensureValueSet(deps, organisationId) });

export { addValuesSource, type ValueTouch, type ValuesSource } from "./profile.ts";
export const routes = valuesRoutes;
export const api = valuesApi;
export const migrations: Record<string, Migration> = { "005-values": m005 };
