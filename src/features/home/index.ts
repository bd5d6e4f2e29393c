// The start page of a logged-in user.
import type { Feature } from "../../platform/feature.ts";
import { homeRoutes } from "./routes.tsx";

export const homeFeature: Feature = {
  name: "home",
  routes: homeRoutes,
  nav: [{ href: "/", labelKey: "nav.home", visible: (c) => !!c.actor }],
};
