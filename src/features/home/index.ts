// The start page of a logged-in user: what waits for them, then what they can do.
import type { Feature } from "../../platform/feature.ts";
import { homeApi } from "./api.ts";
import { inboxCount } from "./nav-count.ts";
import { en, nl } from "./messages.ts";
import { homeRoutes } from "./routes.tsx";

export const homeFeature: Feature = {
  name: "home",
  messages: { nl, en },
  routes: homeRoutes,
  api: homeApi,
  nav: [{ href: "/", labelKey: "nav.home", visible: (c) => !!c.actor, count: inboxCount }],
};
