// One's own account: logging in and out, language, password, personal API tokens.
import type { Feature } from "../../platform/feature.ts";
import { accountApi } from "./api.ts";
import { accountRoutes } from "./routes.tsx";

export const accountFeature: Feature = {
  name: "account",
  routes: accountRoutes,
  api: accountApi,
  homeTasks: [{ href: "/account", labelKey: "home.task.account", visible: () => true, last: true }],
};
