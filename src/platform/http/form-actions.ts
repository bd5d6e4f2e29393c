import type { Hono } from "hono";
import type { FieldError } from "../errors.ts";
import type { MessageKey } from "../i18n/index.ts";
import type { AppContext, AppEnv } from "./env.ts";
import { formBody, handleForm, redirectWithFlash, requireActor } from "./render.tsx";

/** What a page shows again when its form is refused: the input, the errors, which form they belong to. */
export interface FormAgain {
  values: Record<string, string>;
  errors: FieldError[];
  errorsFor: string;
  status: number;
}

/** One form on a page: where it posts, what it runs, where it goes after. */
export interface FormAction {
  /** The path relative to the page's route, e.g. "participants" for /deliberations/:id/participants. */
  path: string;
  /** Which form of the page it is, so the page can show the errors beside it. */
  form: string;
  /** The one-time message on the next page. */
  flash: MessageKey;
  /** Runs the use case; may return where to go next (a path), else `redirectTo` decides. */
  run: (c: AppContext, id: string, body: Record<string, string>) => Promise<unknown>;
  /** Where to go after success; default the page itself, at the form's anchor. */
  redirectTo?: (c: AppContext, id: string, result: unknown) => string;
}

/**
 * Mounts the POST routes of a page with several forms (POST → redirect → GET):
 * each runs its use case, then redirects with a flash; when the input or a rule
 * refuses it, the page is shown again with the error summary and what was typed,
 * and nothing is changed. `base` is the page's route with an `:id` parameter.
 */
export function mountFormActions(
  app: Hono<AppEnv>,
  base: string,
  actions: readonly FormAction[],
  showAgain: (c: AppContext, id: string, again: FormAgain) => Response | Promise<Response>,
  pagePath: (id: string) => string,
): void {
  for (const action of actions) {
    app.post(`${base}/${action.path}`, async (c) => {
      requireActor(c);
      const id = c.req.param("id") ?? "";
      const body = await formBody(c);
      return handleForm(
        c,
        async () => {
          const result = await action.run(c, id, body);
          const to = action.redirectTo ? action.redirectTo(c, id, result) : `${pagePath(id)}#${action.form}`;
          return redirectWithFlash(c, to, action.flash);
        },
        (errors, status) => showAgain(c, id, { values: body, errors, errorsFor: action.form, status }),
      );
    });
  }
}
