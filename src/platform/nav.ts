import type { MessageKey } from "./i18n/index.ts";
import type { PageContext } from "../ui/page-context.ts";
import type { ActorWithProfile } from "./auth/actor.ts";
import type { Deps } from "./deps.ts";

/** A menu entry. Features declare theirs on their Feature object; the layout shows those the reader may use. */
export interface NavItem {
  href: string;
  labelKey: MessageKey;
  visible: (ctx: PageContext) => boolean;
  /** Placed before the entry with this href (when it exists), else at the end. */
  before?: string;
  /** A number shown beside the label (what waits for the reader), counted for each page. */
  count?: (deps: Deps, actor: ActorWithProfile) => Promise<number>;
}
