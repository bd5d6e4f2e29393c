// Other ways to log in than a password (an identity provider), offered by
// other features to the login page without this feature knowing them.
import type { Child } from "hono/jsx";
import type { Deps } from "../../platform/deps.ts";
import type { Tx } from "../../platform/transaction.ts";
import type { PageContext } from "../../ui/page-context.ts";

/** Where the login page was asked for: the organisation's login address, an e-mail address typed in. */
export interface LoginWhere {
  organisation: string | null;
  email: string | null;
  next: string;
}

export interface LoginMethod {
  /** A part of the login page (buttons to log in elsewhere), and whether the password form belongs there; null: nothing to add. */
  section(deps: Deps, ctx: PageContext, where: LoginWhere): Promise<{ content: Child; passwordsAllowed: boolean } | null>;
  /** In the password login's transaction, after the password was found right: refuses with an AppError, or records. */
  checkPasswordLogin(tx: Tx, user: { id: string; organisationId: string }): Promise<void>;
  /** In the logout's transaction, before the session is deleted: an address to send the browser to next, to end a session elsewhere. */
  endSession(tx: Tx, sessionId: string): Promise<string | null>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    loginMethods: LoginMethod;
  }
}
