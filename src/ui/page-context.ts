import type { ActorWithProfile } from "../platform/auth/actor.ts";
import type { Lang, MessageKey, Translate } from "../platform/i18n/index.ts";
import type { NavItem } from "../platform/nav.ts";
import type { Organisation } from "../platform/organisations.ts";

/** What every page view needs to render the frame around its content. */
export interface PageContext {
  t: Translate;
  lang: Lang;
  actor: ActorWithProfile | null;
  organisation: Organisation | null;
  csrfToken: string;
  path: string;
  flash: MessageKey | null;
  /** The application's menu, in order; the layout shows the entries visible to this reader. */
  nav: readonly NavItem[];
  /** The numbers beside menu entries that count something, by href. */
  navCounts?: Readonly<Record<string, number>>;
}
