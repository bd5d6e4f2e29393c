import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { FieldError } from "../../platform/errors.ts";
import { issueCsrfCookie } from "../../platform/http/csrf.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions } from "../../platform/http/form-actions.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor, safeLocalPath } from "../../platform/http/render.tsx";
import { setSessionCookie } from "../../platform/http/session.ts";
import { getLoginSettings, updateLoginSettings } from "./login-settings.ts";
import { addMapping, createProvider, getProvider, listProviders, removeMapping, requireSsoAdmin, updateProvider } from "./providers.ts";
import { beginSignIn, CALLBACK_PATH, completeSignIn, redirectUri, SignInProblem } from "./sign-in.ts";
import { LOGGED_OUT_PATH, openSignOut, postLogoutRedirectUri, SIGNING_OUT_PATH } from "./sign-out.ts";
import { NewProviderPage, ProviderPage, SsoAdminPage, type RegistrationAddresses } from "./views/admin-pages.tsx";
import { SignInProblemPage, SigningOutPage } from "./views/sign-in-problem.tsx";

const ATTEMPT_COOKIE = "afw_sso_attempt";

function addresses(c: AppContext): RegistrationAddresses {
  const deps = c.get("deps");
  return { redirectUri: redirectUri(deps), postLogoutRedirectUri: postLogoutRedirectUri(deps), loginAddress: `${deps.config.baseUrl}/login/${c.get("organisation")?.slug ?? ""}` };
}

function showProblem(c: AppContext, e: unknown): Promise<Response> {
  if (!(e instanceof SignInProblem)) throw e;
  return renderPage(c, c.get("t")("sso.signin.failed_title"), (ctx) => <SignInProblemPage ctx={ctx} problem={e} />, e.status);
}

/** Signing in and out through the provider: start, callback, and the way back after the provider's sign-out. */
function signInRoutes(app: Hono<AppEnv>): void {
  app.get("/login/sso/:providerId/start", async (c) => {
    if (c.get("actor")) return c.redirect("/", 303);
    const deps = c.get("deps");
    const hint = c.req.query("login_hint")?.trim().slice(0, 254) || undefined;
    try {
      const { redirect, attempt } = await beginSignIn(deps, c.req.param("providerId"), { next: safeLocalPath(c.req.query("next")), loginHint: hint });
      // Lax: the provider sends the browser back with a top-level GET, which carries it; another site's request does not.
      setCookie(c, ATTEMPT_COOKIE, attempt, { httpOnly: true, sameSite: "Lax", secure: deps.config.secureCookies, path: "/login/sso", maxAge: 600 });
      return c.redirect(redirect, 303);
    } catch (e) {
      return showProblem(c, e);
    }
  });

  app.get(CALLBACK_PATH, async (c) => {
    const deps = c.get("deps");
    const attempt = getCookie(c, ATTEMPT_COOKIE);
    deleteCookie(c, ATTEMPT_COOKIE, { path: "/login/sso" });
    // The address the provider sent the browser to, as registered: the public BASE_URL, not the address behind a proxy.
    const callbackUrl = new URL(`${CALLBACK_PATH}${new URL(c.req.url).search}`, deps.config.baseUrl);
    try {
      const { token, next } = await completeSignIn(deps, attempt, callbackUrl);
      setSessionCookie(c, token, deps.config.secureCookies);
      issueCsrfCookie(c, deps.config.secureCookies);
      return c.redirect(next, 303);
    } catch (e) {
      return showProblem(c, e);
    }
  });

  // After Afweging's logout: on to the provider's sign-out. A Refresh header, not a redirect: the logout
  // form's navigation may not leave the site (form-action 'self'), a new navigation from this page may.
  app.get(SIGNING_OUT_PATH, (c) => {
    const target = openSignOut(c.get("deps"), c.req.query("to"));
    if (!target) return c.redirect("/login", 303);
    c.header("Refresh", `0; url=${target.url}`);
    return renderPage(c, c.get("t")("sso.signout.title"), (ctx) => <SigningOutPage ctx={ctx} target={target} />);
  });

  // The provider's sign-out is done; `state` names the organisation whose login address to show.
  app.get(LOGGED_OUT_PATH, (c) => {
    const slug = c.req.query("state") ?? "";
    return redirectWithFlash(c, /^[a-z0-9-]{2,60}$/.test(slug) ? `/login/${slug}` : "/login", "login.logged_out");
  });
}

function adminRoutes(app: Hono<AppEnv>): void {
  const showAdmin = async (c: AppContext, errors?: FieldError[], status = 200) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const [providers, settings] = await Promise.all([listProviders(deps, actor), getLoginSettings(deps, actor)]);
    return renderPage(c, c.get("t")("sso.admin.title"), (ctx) => <SsoAdminPage ctx={ctx} providers={providers} settings={settings} addresses={addresses(c)} errors={errors} />, status);
  };
  app.get("/admin/sso", (c) => showAdmin(c));

  app.post("/admin/sso/settings", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await updateLoginSettings(c.get("deps"), actor, body);
        return redirectWithFlash(c, "/admin/sso#sso-passwords", "sso.settings.saved");
      },
      (errors, status) => showAdmin(c, errors, status),
    );
  });

  app.get("/admin/sso/new", (c) => {
    requireSsoAdmin(requireActor(c));
    return renderPage(c, c.get("t")("sso.admin.new"), (ctx) => <NewProviderPage ctx={ctx} addresses={addresses(c)} />);
  });

  app.post("/admin/sso", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, `/admin/sso/${await createProvider(c.get("deps"), actor, body)}`, "sso.admin.created"),
      (errors, status) => renderPage(c, c.get("t")("sso.admin.new"), (ctx) => <NewProviderPage ctx={ctx} addresses={addresses(c)} values={{ ...body, clientSecret: "" }} errors={errors} />, status),
    );
  });

  const showProvider = async (c: AppContext, id: string, again?: { values: Record<string, string>; errors: FieldError[]; errorsFor: string; status: number }) => {
    const provider = await getProvider(c.get("deps"), requireActor(c), id);
    return renderPage(c, provider.name, (ctx) => <ProviderPage ctx={ctx} provider={provider} values={again?.values} errors={again?.errors} errorsFor={again?.errorsFor} />, again?.status ?? 200);
  };
  app.get("/admin/sso/:id", (c) => showProvider(c, c.req.param("id")));

  mountFormActions(
    app,
    "/admin/sso/:id",
    [
      { path: "details", form: "details", flash: "sso.admin.saved", run: (c, id, body) => updateProvider(c.get("deps"), requireActor(c), id, body) },
      { path: "mappings", form: "mappings", flash: "sso.mapping.added", run: (c, id, body) => addMapping(c.get("deps"), requireActor(c), id, body) },
    ],
    (c, id, again) => showProvider(c, id, again),
    (id) => `/admin/sso/${id}`,
  );

  app.post("/admin/sso/:id/mappings/:mappingId/remove", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await removeMapping(c.get("deps"), actor, id, c.req.param("mappingId"));
        return redirectWithFlash(c, `/admin/sso/${id}#mappings`, "sso.mapping.removed");
      },
      (errors, status) => showProvider(c, id, { values: {}, errors, errorsFor: "mappings", status }),
    );
  });
}

export function ssoRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  signInRoutes(app);
  adminRoutes(app);
  return app;
}
