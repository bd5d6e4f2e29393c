import { Hono, type Context } from "hono";
import { canViewProject } from "../../domain/permissions/project-access.ts";
import { groupOf, type OrganisationRole, type RoleGroup } from "../../domain/permissions/roles.ts";
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import type { AppEnv } from "../../platform/http/env.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { pageContext, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Child } from "hono/jsx";
import { formatDate, Heading1, Heading2, Link, Paragraph, StatusBadge } from "../../ui/components.tsx";
import { inboxOf, type InboxItem } from "./inbox.ts";
import type { PageContext } from "../../ui/page-context.ts";

export interface HomeTask {
  href: string;
  labelKey: MessageKey;
  visible: (ctx: PageContext) => boolean;
  /** Shown after the others (one's own account). */
  last?: boolean;
}

/** A card on the start page with a figure a feature computes (AI literacy for the CIO). */
export interface HomePanel {
  id: string;
  visible: (actor: ActorWithProfile) => boolean;
  render: (args: { deps: Deps; ctx: PageContext; actor: ActorWithProfile }) => Promise<Child> | Child;
}

/** What `/` shows a visitor without a session (the public start page); without one, the login page. */
export type PublicStartPage = (c: Context<AppEnv>) => Promise<Response>;

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** A link on the start page, for those it is visible to. */
    homeTasks: HomeTask;
    /** A card with a figure on the start page, for those it is visible to. */
    homePanels: HomePanel;
    /** The start page of a visitor who is not logged in. */
    publicStartPage: PublicStartPage;
  }
}

function Inbox({ ctx, items }: { ctx: PageContext; items: InboxItem[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="home-inbox" class="afw-inbox">
      <Heading2 id="home-inbox">{items.length ? t("home.inbox.title_count", { count: items.length }) : t("home.inbox.title")}</Heading2>
      {items.length === 0 ? (
        <>
          <Paragraph lead>{t("home.inbox.empty")}</Paragraph>
          <Paragraph>{t("home.inbox.empty_more")}</Paragraph>
        </>
      ) : (
        <ol class="afw-inbox__list">
          {items.map((i) => (
            <li class={i.overdue ? "afw-inbox__item afw-inbox__item--overdue" : "afw-inbox__item"}>
              <a class="utrecht-link afw-inbox__what" href={i.href}>{i.what({ t, lang })}</a>
              <p class="utrecht-paragraph afw-inbox__meta">
                {i.project ? (
                  <span>
                    {t("home.inbox.project")}:{" "}
                    {canViewProject(ctx.actor!, i.project.id) ? <Link href={`/projects/${encodeURIComponent(i.project.id)}`}>{i.project.title}</Link> : i.project.title}
                  </span>
                ) : null}
                {i.since ? <span>{t("home.inbox.since", { date: formatDate(i.since, lang) })}</span> : null}
                {i.due ? <span>{t("home.inbox.due", { date: formatDate(i.due, lang) })}</span> : null}
                {i.overdue ? <StatusBadge status="invalid">{t("home.inbox.overdue")}</StatusBadge> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function HomePage({ ctx, tasks, inbox, panels }: { ctx: PageContext; tasks: readonly HomeTask[]; inbox: InboxItem[]; panels: readonly Child[] }) {
  const { t, actor, organisation } = ctx;
  const roles = [...actor!.organisationRoles];
  const byLine = new Map<RoleGroup, OrganisationRole[]>();
  for (const r of roles) byLine.set(groupOf(r), [...(byLine.get(groupOf(r)) ?? []), r]);
  const projectRoleCount = [...actor!.projectRoles.values()].reduce((n, s) => n + s.size, 0);
  return (
    <>
      <Heading1>{t("home.title", { name: actor!.name })}</Heading1>
      <Paragraph>{t("home.intro", { organisation: organisation?.name ?? "" })}</Paragraph>
      <Inbox ctx={ctx} items={inbox} />
      <div class="afw-grid afw-home-more">
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
        {panels}
      </div>
    </>
  );
}

export function homeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    if (!c.get("actor")) {
      const visitorPage = c.get("deps").extensions.get("publicStartPage")[0];
      return visitorPage ? visitorPage(c) : c.redirect("/login", 303);
    }
    const actor = requireActor(c);
    const inbox = await inboxOf(c.get("deps"), actor);
    const all = c.get("deps").extensions.get("homeTasks");
    const tasks = [...all.filter((task) => !task.last), ...all.filter((task) => task.last)];
    const deps = c.get("deps");
    const ctx = pageContext(c);
    const panels: Child[] = [];
    for (const panel of deps.extensions.get("homePanels")) if (panel.visible(actor)) panels.push(await panel.render({ deps, ctx, actor }));
    return renderPage(c, c.get("t")("nav.home"), (pageCtx) => <HomePage ctx={pageCtx} tasks={tasks} inbox={inbox} panels={panels} />);
  });
  return app;
}
