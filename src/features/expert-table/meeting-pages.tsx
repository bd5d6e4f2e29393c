import type { Hono } from "hono";
import { forbidden, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { MessageKey } from "../../platform/i18n/index.ts";
import type { Values } from "../../ui/form.tsx";
import { canManageMeetings, createMeeting, listMeetings, type MeetingType } from "./meetings.ts";
import { MeetingsPage } from "./views/pages.tsx";

/** What an agenda item links to: the subject's page and its name. */
export type AgendaSubjects = Map<string, { href: string; label: string }>;

/**
 * The meetings page of the expert table or the committee (GET lists them, POST
 * adds one); `subjects` names what their agendas hold.
 */
export function mountMeetingPages(app: Hono<AppEnv>, options: { type: MeetingType; path: string; titleKey: MessageKey; subjects: (c: AppContext) => Promise<AgendaSubjects> }): void {
  const { type, path, titleKey } = options;
  const show = async (c: AppContext, extra: { values?: Values; errors?: FieldError[]; status?: number } = {}) => {
    const meetings = await listMeetings(c.get("deps"), requireActor(c), type);
    const subjects = await options.subjects(c);
    return renderPage(c, c.get("t")(titleKey), (ctx) => <MeetingsPage ctx={ctx} meetings={meetings} subjects={subjects} basePath={path} titleKey={titleKey} {...extra} />, extra.status ?? 200);
  };
  app.get(path, (c) => show(c));
  app.post(path, async (c) => {
    const actor = requireActor(c);
    if (!canManageMeetings(actor, type)) throw forbidden();
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await createMeeting(c.get("deps"), actor, type, body);
        return redirectWithFlash(c, path, "expert_table.meeting_created");
      },
      (errors, status) => show(c, { values: body, errors, status }),
    );
  });
}
