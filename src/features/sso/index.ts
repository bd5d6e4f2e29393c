// Signing in through the organisation's own identity provider (OpenID Connect):
// providers and their group → role mapping, passwords on or off per
// organisation with break-glass accounts, and the sign-in and sign-out routes.
import { can } from "../../domain/permissions/permissions.ts";
import type { Feature } from "../../platform/feature.ts";
import { ssoApi } from "./api.ts";
import { ssoLoginMethod } from "./login-method.tsx";
import { en, nl } from "./messages.ts";
import * as m016 from "./migrations/016-sso.ts";
import { ssoRoutes } from "./routes.tsx";

export const ssoFeature: Feature = {
  name: "sso",
  messages: { nl, en },
  migrations: { "016-sso": m016 },
  // A user who is anonymised loses their links to an identity provider and their break-glass mark.
  personalData: [
    { table: "sso_identities", by: "user_id", remove: true },
    { table: "sso_break_glass_accounts", by: "user_id", remove: true },
  ],
  routes: ssoRoutes,
  api: ssoApi,
  nav: [{ href: "/admin/sso", labelKey: "sso.nav", visible: (c) => !!c.actor && can(c.actor, "organisation.manage"), before: "/audit-log" }],
  loginMethods: [ssoLoginMethod],
  homeTasks: [
    { href: "/admin/sso", labelKey: "sso.home.admin", visible: (c) => can(c.actor!, "organisation.manage") },
    // The 3rd line sees every use of a break-glass account (the filter is a prefix of session.break_glass_login).
    { href: "/audit-log?action=session.break", labelKey: "sso.home.break_glass", visible: (c) => can(c.actor!, "audit_log.read") },
  ],
};
