import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { Migration } from "kysely";
import type { AppEnv } from "../platform/http/env.ts";

/**
 * A feature: its pages and its API. Importing its index.ts also registers its
 * messages, menu entries, start-page tasks, demo steps and contributions to
 * the project page and the gate snapshot.
 */
export interface Feature {
  routes?: () => Hono<AppEnv>;
  api?: () => OpenAPIHono<AppEnv>;
  /** The feature's own tables, keyed "NNN-name" so they run in order after the core ones. */
  migrations?: Record<string, Migration>;
}

import * as projects from "./projects/index.ts";
import * as instrumentResponses from "./instrument-responses/index.ts";
import * as values from "./values/index.ts";
import * as measures from "./measures/index.ts";
import * as expertTable from "./expert-table/index.ts";
import * as deliberation from "./deliberation/index.ts";
import * as committee from "./committee/index.ts";
import * as assessments from "./assessments/index.ts";
import * as biasAudit from "./bias-audit/index.ts";

/** In the order their menu entries and demo steps come. */
export const features: Feature[] = [projects, instrumentResponses, values, measures, expertTable, deliberation, committee, assessments, biasAudit];
