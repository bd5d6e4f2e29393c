import { Hono, type Context } from "hono";
import { groupOf, type OrganisationRole, type RoleGroup } from "../../domain/permissions/roles.ts";
import type { AppEnv } from "../../platform/http/env.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { renderPage, requireActor } from "../../platform/http/render.tsx";
import { Heading1, Heading2, Link, Paragraph } from "../../ui/components.tsx";
import type { PageContext } from "../../ui/page-context.ts";

export interface HomeTask {
  href: string;
  labelKey: MessageKey;
  visible: (ctx: PageContext) => boolean;
  /** Shown after the others (one's own account). */
  last?: boolean;
}

/** What `/` shows a visitor without a session (the public start page); without one, the login page. */
export type PublicStartPage = (c: Context<AppEnv>) => Promise<Response>;

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** A link on the start page, for those it is visible to. */
    homeTasks: HomeTask;
    /** The start page of a visitor who is not logged in. */
    publicStartPage: PublicStartPage;
  }
}

function HomePage({ ctx, tasks }: { ctx: PageContext; tasks: readonly HomeTask[] }) {
  const { t, actor, organisation } = ctx;
  const roles = [...actor!.organisationRoles];
  const byLine = new Map<RoleGroup, OrganisationRole[]>();
  for (const r of roles) byLine.set(groupOf(r), [...(byLine.get(groupOf(r)) ?? []), r]);
  const projectRoleCount = [...actor!.projectRoles.values()].reduce((n, s) => n + s.size, 0);
  return (
    <>
      <Heading1>{t("home.title", { name: actor!.name })}</Heading1>
      <Paragraph lead>{t("home.intro", { organisation: organisation?.name ?? "" })}</Paragraph>
      <div class="afw-grid">
        <section class="afw-card" aria-labelledby="home-roles">
          <Heading2 id="home-roles">{t("home.your_roles")}</Heading2>
          {roles.length === 0 && projectRoleCount === 0 ? <Paragraph>{t("home.no_roles")}</Paragraph> : null}
          <dl class="afw-roles">
            {[...byLine.entries()].map(([line, rs]) => (
              <>
                <dt>{t(`line.${line}`)}</dt>
                {rs.map((r) => <dd>{t(`role.${r}`)}</dd>)}
              </>
            ))}
            {projectRoleCount ? (
              <>
                <dt>{t("line.first_line")}</dt>
                <dd>{t("user.project_roles")}: {projectRoleCount}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section class="afw-card" aria-labelledby="home-tasks">
          <Heading2 id="home-tasks">{t("home.what_you_can_do")}</Heading2>
          <ul class="utrecht-unordered-list">
            {tasks.filter((task) => task.visible(ctx)).map((task) => (
              <li class="utrecht-unordered-list__item"><Link href={task.href}>{t(task.labelKey)}</Link></li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

export function homeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => {
    if (!c.get("actor")) {
      const visitorPage = c.get("deps").extensions.get("publicStartPage")[0];
      return visitorPage ? visitorPage(c) : c.redirect("/login", 303);
    }
    requireActor(c);
    const all = c.get("deps").extensions.get("homeTasks");
    const tasks = [...all.filter((task) => !task.last), ...all.filter((task) => task.last)];
    return renderPage(c, c.get("t")("nav.home"), (ctx) => <HomePage ctx={ctx} tasks={tasks} />);
  });
  return app;
}
