import type { ActorWithProfile } from "../features/account/load-actor.ts";
import type { Organisation } from "../features/admin/organisation.ts";
import type { Lang, Translate } from "../platform/i18n/index.ts";

/** What every page view needs to render the frame around its content. */
export interface PageContext {
  t: Translate;
  lang: Lang;
  actor: ActorWithProfile | null;
  organisation: Organisation | null;
  csrfToken: string;
  path: string;
  flash: string | null;
}
