import { Hono } from "hono";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { clientAddress } from "../../platform/http/client-address.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { findOrganisation } from "../../platform/organisations.ts";
import { formLists } from "../expert-table/form-lists.ts";
import { listPublishedAdvice } from "../committee/public-advice.ts";
import { getConnector, saveConnector } from "./connector.ts";
import { deliverSoon, retryDelivery } from "./deliver.ts";
import { registerAtom } from "./export.ts";
import { CONNECTOR_PATH, ConnectorPage } from "./views/connector-page.tsx";
import { feedbackFormToken, submitFeedback } from "./feedback.ts";
import { fieldsFromForm, formFieldOf } from "./form-values.ts";
import { prepareEntry } from "./prepare-entry.ts";
import { getPublicEntry, publicFacets, publishedEntriesOf, searchPublic, similarEntries } from "./public.ts";
import { getTeamEntry, listTeamEntries } from "./queries.ts";
import { approveEntry, publishEntry, retractEntry } from "./release.ts";
import { PublicDetailPage, PublicHomePage, PublicListPage } from "./views/public-pages.tsx";
import { entryPath, EntryPage, TeamListPage, type Again } from "./views/team-pages.tsx";

const deps = (c: AppContext): Deps => c.get("deps");

async function showEntry(c: AppContext, projectId: string, again?: Again & { status: number }) {
  const actor = requireActor(c);
  const entry = await getTeamEntry(deps(c), actor, projectId);
  return renderPage(c, c.get("t")("register.entry_title", { project: entry.project.title }), (ctx) => <EntryPage ctx={ctx} entry={entry} again={again} />, again?.status ?? 200);
}

/** The public start page: the register, published advice, and signing in for staff. */
export async function publicStartPage(c: AppContext): Promise<Response> {
  const orgs = await deps(c).db.selectFrom("organisations").select(["id", "name"]).orderBy("name").limit(100).execute();
  const advice: { id: string; title: string; organisationName: string }[] = [];
  for (const o of orgs) for (const a of (await listPublishedAdvice(deps(c), o.id)).slice(0, 10)) advice.push({ id: a.id, title: a.title, organisationName: o.name });
  return renderPage(c, c.get("t")("register.public_home_title"), (ctx) => <PublicHomePage ctx={ctx} advice={advice.slice(0, 20)} />);
}

async function showDetail(c: AppContext, lars: string, version?: number, feedback?: { values: Record<string, string>; errors?: AppError["fieldErrors"]; status: number }) {
  const entry = await getPublicEntry(deps(c), lars, version);
  c.set("organisation", await findOrganisation(deps(c).db, entry.organisationId));
  const similar = await similarEntries(deps(c), entry.id);
  const sent = c.req.query("verstuurd") === "1";
  return renderPage(
    c,
    String(entry.fields.name ?? ""),
    (ctx) => <PublicDetailPage ctx={ctx} entry={entry} similar={similar} feedback={{ values: feedback?.values ?? {}, errors: feedback?.errors, token: feedbackFormToken(deps(c)), sent }} />,
    feedback?.status ?? 200,
  );
}

const TEAM_ACTIONS: { path: string; form: string; flash: MessageKey; run: (c: AppContext, id: string, body: Record<string, string>) => Promise<unknown> }[] = [
  { path: "approve", form: "release", flash: "register.approved", run: (c, id, body) => approveEntry(deps(c), requireActor(c), id, body) },
  {
    path: "publish",
    form: "release",
    flash: "register.published",
    run: async (c, id) => {
      const actor = requireActor(c);
      await publishEntry(deps(c), actor, id);
      deliverSoon(deps(c), actor.organisationId); // after the commit; what fails is tried again later
    },
  },
  {
    path: "deliver",
    form: "deliveries",
    flash: "register.delivery_retrying",
    run: async (c, id) => {
      const actor = requireActor(c);
      await retryDelivery(deps(c), actor, id);
      deliverSoon(deps(c), actor.organisationId);
    },
  },
  { path: "retract", form: "retract", flash: "register.retracted", run: (c, id, body) => retractEntry(deps(c), requireActor(c), id, body) },
];

export function registerRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/openbaar", async (c) => {
    const facets = await publicFacets(deps(c));
    return handleForm(
      c,
      async () => {
        const result = await searchPublic(deps(c), c.req.query());
        return renderPage(c, c.get("t")("register.public_title"), (ctx) => <PublicListPage ctx={ctx} result={result} facets={facets} />);
      },
      async (errors, status) => {
        const result = await searchPublic(deps(c), {});
        return renderPage(c, c.get("t")("register.public_title"), (ctx) => <PublicListPage ctx={ctx} result={result} facets={facets} errors={errors} />, status);
      },
    );
  });

  app.get("/openbaar/register.atom", async (c) => {
    const entries = await publishedEntriesOf(deps(c), c.req.query("organisation")?.slice(0, 100) ?? null, 50);
    c.header("Content-Type", "application/atom+xml; charset=utf-8");
    return c.body(registerAtom(entries, deps(c).config.baseUrl, c.get("t")("register.feed_title")));
  });

  app.get("/openbaar/register/:lars", (c) => showDetail(c, c.req.param("lars")));
  app.get("/openbaar/register/:lars/versies/:version", (c) => {
    const v = c.req.param("version");
    if (!/^\d{1,6}$/.test(v)) throw new AppError("not_found", "error.not_found");
    return showDetail(c, c.req.param("lars"), Number(v));
  });
  app.post("/openbaar/register/:lars/melding", async (c) => {
    const lars = c.req.param("lars");
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await submitFeedback(deps(c), lars, body, clientAddress(c));
        return redirectWithFlash(c, `/openbaar/register/${lars}?verstuurd=1#melding`);
      },
      (errors, status) => showDetail(c, lars, undefined, { values: body, errors, status }),
    );
  });

  const showConnector = async (c: AppContext, again?: { values: Record<string, string>; errors: AppError["fieldErrors"]; status: number }) => {
    const connector = await getConnector(deps(c), requireActor(c));
    return renderPage(c, c.get("t")("register.connector_title"), (ctx) => <ConnectorPage ctx={ctx} connector={connector} values={again?.values} errors={again?.errors} />, again?.status ?? 200);
  };
  app.get(CONNECTOR_PATH, (c) => showConnector(c));
  app.post(CONNECTOR_PATH, async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await saveConnector(deps(c), actor, body);
        return redirectWithFlash(c, CONNECTOR_PATH, "register.connector_saved");
      },
      (errors, status) => showConnector(c, { values: { ...body, clientSecret: "" }, errors, status }),
    );
  });

  app.get("/register", async (c) => {
    const actor = requireActor(c);
    const items = await listTeamEntries(deps(c), actor);
    return renderPage(c, c.get("t")("register.team_title"), (ctx) => <TeamListPage ctx={ctx} items={items} />);
  });

  app.get("/projects/:id/register", (c) => showEntry(c, c.req.param("id")));
  app.post("/projects/:id/register", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    const body = await formBody(c);
    const lists = await formLists(c);
    return handleForm(
      c,
      async () => {
        await prepareEntry(deps(c), actor, id, fieldsFromForm(body, lists));
        return redirectWithFlash(c, `${entryPath(id)}#entry`, "register.saved");
      },
      (errors, status) => showEntry(c, id, { values: body, lists, errors: errors.map((e) => ({ ...e, field: formFieldOf(e.field) })), errorsFor: "entry", status }),
    );
  });
  for (const action of TEAM_ACTIONS) {
    app.post(`/projects/:id/register/${action.path}`, async (c) => {
      requireActor(c);
      const id = c.req.param("id");
      const body = await formBody(c);
      return handleForm(
        c,
        async () => {
          await action.run(c, id, body);
          return redirectWithFlash(c, `${entryPath(id)}#${action.form}`, action.flash);
        },
        (errors, status) => showEntry(c, id, { values: body, lists: {}, errors, errorsFor: action.form, status }),
      );
    });
  }
  return app;
}
