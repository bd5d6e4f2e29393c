import type { Child } from "hono/jsx";
import { assetHref } from "../platform/http/assets.ts";
import { Alert } from "./components.tsx";
import { CsrfField } from "./form.tsx";
import type { PageContext } from "./page-context.ts";

function isCurrent(ctx: PageContext, href: string): boolean {
  return href === "/" ? ctx.path === "/" : ctx.path === href || ctx.path.startsWith(`${href}/`);
}

export function Layout({ ctx, title, children }: { ctx: PageContext; title: string; children: Child }) {
  const { t, lang, actor, organisation } = ctx;
  const themeClass = organisation?.themeClass ?? "voorbeeld-theme";
  const visible = ctx.nav.filter((i) => i.visible(ctx));
  return (
    <html lang={lang} class="utrecht-root">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
        <title>{`${title} · ${t("app.name")}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assetHref("utrecht.css")} />
        <link rel="stylesheet" href={assetHref("voorbeeld-theme.css")} />
        {organisation?.themeCss ? <link rel="stylesheet" href={`/organisation/theme.css?o=${organisation.id}`} /> : null}
        <link rel="stylesheet" href={assetHref("fonts.css")} />
        <link rel="stylesheet" href={assetHref("app.css")} />
        <script src={assetHref("htmx.min.js")} defer></script>
        <script src={assetHref("app.js")} defer></script>
      </head>
      <body class={`utrecht-body ${themeClass}`}>
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">{t("nav.skip")}</a>
        <div class="utrecht-page-layout">
          <header class="utrecht-page-header afw-header">
            <div class="afw-header__inner">
              <a class="afw-brand utrecht-link" href="/">
                {organisation?.hasLogo ? (
                  <img class="afw-logo" src={`/organisation/logo?o=${organisation.id}`} alt={t("organisation.logo_alt", { name: organisation.name })} />
                ) : null}
                <span class="afw-brand__name">{t("app.name")}</span>
                {organisation ? <span class="afw-brand__org">{organisation.name}</span> : null}
              </a>
              <div class="afw-header__tools">
                <form method="post" action="/language" class="afw-inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="locale" value={lang === "nl" ? "en" : "nl"} />
                  <input type="hidden" name="returnTo" value={ctx.path} />
                  <button type="submit" class="utrecht-button utrecht-button--subtle" lang={lang === "nl" ? "en" : "nl"}>
                    {t("nav.switch_to")}
                  </button>
                </form>
                {actor ? (
                  <>
                    <a class="utrecht-link" href="/account">{actor.name}</a>
                    <form method="post" action="/logout" class="afw-inline-form">
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action">{t("nav.logout")}</button>
                    </form>
                  </>
                ) : null}
              </div>
            </div>
            {visible.length ? (
              <nav class="utrecht-nav-bar afw-nav" aria-label={t("nav.main")}>
                <ul class="utrecht-nav-list">
                  {visible.map((i) => (
                    <li class="utrecht-nav-list__item">
                      <a class="utrecht-nav-list__link" href={i.href} aria-current={isCurrent(ctx, i.href) ? "page" : undefined}>
                        {t(i.labelKey)}
                        {ctx.navCounts?.[i.href] ? (
                          <>
                            {" "}<span class="afw-nav__count" aria-hidden="true">{ctx.navCounts[i.href]}</span>
                            <span class="afw-visually-hidden">{t("nav.count", { count: ctx.navCounts[i.href]! })}</span>
                          </>
                        ) : null}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </header>
          <main class="utrecht-page-body utrecht-page-content afw-main" id="main" tabindex={-1}>
            {ctx.flash ? <Alert kind="ok">{t(ctx.flash)}</Alert> : null}
            {children}
          </main>
          <footer class="utrecht-page-footer afw-footer">
            <p class="utrecht-paragraph">{t("footer.text")}</p>
            <p class="utrecht-paragraph"><a class="utrecht-link" href="/api/docs">{t("footer.api")}</a></p>
          </footer>
        </div>
      </body>
    </html>
  );
}
