// One instance for many organisations: the instance administrator creates,
// changes and disables organisations and gives each its first administrator.
import type { Feature } from "../../platform/feature.ts";
import { organisationsApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import { organisationRoutes } from "./routes.tsx";
import type {} from "./manage-organisations.ts";

export const organisationsFeature: Feature = {
  name: "organisations",
  messages: { nl, en },
  routes: organisationRoutes,
  api: organisationsApi,
  nav: [{ href: "/instance/organisations", labelKey: "organisations.nav", visible: (c) => !!c.actor?.instanceAdmin }],
  homeTasks: [{ href: "/instance/organisations", labelKey: "organisations.home_task", visible: (c) => !!c.actor?.instanceAdmin }],
};
