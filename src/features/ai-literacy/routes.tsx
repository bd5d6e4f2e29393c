import { Hono } from "hono";
import { isRole, type Role } from "../../domain/permissions/roles.ts";
import { forbidden } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { formLists } from "../expert-table/form-lists.ts";
import { canReadLiteracy, canRecordLiteracy } from "./access.ts";
import { literacyOverview, recentSessions } from "./overview.ts";
import { recordSession } from "./record-session.ts";
import { addTraining } from "./trainings.ts";
import { LiteracyPage, PeoplePage, type FormState } from "./views/pages.tsx";

const deps = (c: AppContext) => c.get("deps");
const lines = (s: string | undefined) => (s ?? "").split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

async function show(c: AppContext, state: FormState = {}, status = 200) {
  const actor = requireActor(c);
  const overview = await literacyOverview(deps(c), actor);
  const sessions = await recentSessions(deps(c), actor);
  return renderPage(c, c.get("t")("ai_literacy.title"), (ctx) => <LiteracyPage ctx={ctx} overview={overview} sessions={sessions} canRecord={canRecordLiteracy(actor)} state={state} />, status);
}

export function aiLiteracyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/ai-literacy", (c) => show(c));

  app.post("/ai-literacy/trainings", async (c) => {
    const actor = requireActor(c);
    const values = await formBody(c);
    const lists = await formLists(c);
    return handleForm(
      c,
      async () => {
        await addTraining(deps(c), actor, { title: values.title ?? "", description: values.description ?? "", validityMonths: values.validityMonths ?? "", audience: lists.audience ?? [] });
        return redirectWithFlash(c, "/ai-literacy#lit-trainings", "ai_literacy.training.saved");
      },
      (errors, status) => show(c, { form: "training", values, lists, errors }, status),
    );
  });

  app.post("/ai-literacy/sessions", async (c) => {
    const actor = requireActor(c);
    const values = await formBody(c);
    const lists = await formLists(c);
    return handleForm(
      c,
      async () => {
        await recordSession(deps(c), actor, { trainingId: values.trainingId ?? "", date: values.date ?? "", participantUserIds: lists.participantUserIds ?? [], participantNames: lines(values.participantNames) });
        return redirectWithFlash(c, "/ai-literacy#lit-sessions", "ai_literacy.session.saved");
      },
      (errors, status) => show(c, { form: "session", values, lists, errors }, status),
    );
  });

  app.get("/ai-literacy/people", async (c) => {
    const actor = requireActor(c);
    if (!canReadLiteracy(actor)) throw forbidden();
    const overview = await literacyOverview(deps(c), actor);
    const q = c.req.query("role") ?? "";
    const role: Role | "all" | null = q === "all" ? "all" : isRole(q) ? q : null;
    const people = overview.people.filter((p) => (role === "all" ? true : role ? p.roles.includes(role) : p.inScope));
    return renderPage(c, c.get("t")("ai_literacy.people.title"), (ctx) => <PeoplePage ctx={ctx} overview={overview} people={people} role={role} />);
  });
  return app;
}
