// An organisation's service tokens: issued by its admin for other systems, read or write, revocable, rate-limited.
import { can } from "../../domain/permissions/permissions.ts";
import type { Feature } from "../../platform/feature.ts";
import { serviceTokensApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import { serviceTokenRoutes } from "./routes.tsx";

export const serviceTokensFeature: Feature = {
  name: "service-tokens",
  messages: { nl, en },
  routes: serviceTokenRoutes,
  api: serviceTokensApi,
  nav: [{ href: "/admin/service-tokens", labelKey: "service_tokens.nav", visible: (c) => !!c.actor && can(c.actor, "users.manage") }],
};
