import type { ActorWithProfile } from "../auth/actor.ts";
import type { Organisation } from "../organisations.ts";
import type { Deps } from "../deps.ts";
import type { Lang, Translate } from "../i18n/index.ts";
import type { NavItem } from "../nav.ts";

/** The Hono environment: what middleware puts on every request. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    actor: ActorWithProfile | null;
    organisation: Organisation | null;
    sessionToken: string | null;
    sessionExpired: boolean;
    /** How the request proved who it is: a session cookie, or an API token with its scope. */
    authenticatedBy: "session" | "token:read" | "token:write" | null;
    lang: Lang;
    t: Translate;
    csrfToken: string;
    requestId: string;
    /** The composed menu of every feature. */
    nav: readonly NavItem[];
    /** Paths whose bodies stream past the general limit (uploads). */
    largeBodyPaths: readonly RegExp[];
  };
}

import type { Context } from "hono";
/** A request context of any route of this app. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AppContext = Context<AppEnv, any>;
