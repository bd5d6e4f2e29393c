import { Alert, ButtonLink, Heading2, Paragraph } from "../../../ui/components.tsx";
import { SubmitButton, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { LoginChoices } from "../login-choices.ts";

/** The part of the login page for signing in through the organisation: its buttons, or a question for the e-mail address. */
export function SsoLoginSection({ ctx, choices, next, email }: { ctx: PageContext; choices: LoginChoices; next: string; email: string | null }) {
  const { t } = ctx;
  return (
    <>
      <section aria-labelledby="sso-login">
        <Heading2 id="sso-login">{choices.organisationName ? t("sso.login.heading_org", { organisation: choices.organisationName }) : t("sso.login.heading")}</Heading2>
        {choices.buttons.length ? (
          <>
            <Paragraph>{t("sso.login.intro")}</Paragraph>
            <div class="afw-actions">
              {choices.buttons.map((b) => (
                <ButtonLink href={b.href} variant="primary">{t("sso.login.button", { provider: b.name })}</ButtonLink>
              ))}
            </div>
          </>
        ) : null}
        {choices.lookup === "no_match" ? <Alert kind="info">{t("sso.login.no_match", { domain: choices.domain ?? "" })}</Alert> : null}
        {choices.lookup ? (
          <form method="get" action="/login" class="utrecht-form" aria-label={t("sso.login.heading")}>
            <Paragraph>{t("sso.login.lookup_intro")}</Paragraph>
            <input type="hidden" name="next" value={next} />
            <TextField t={t} name="address" type="email" label={t("sso.login.lookup_label")} autocomplete="email" values={{ address: email ?? "" }} />
            <SubmitButton variant="secondary">{t("sso.login.lookup_submit")}</SubmitButton>
          </form>
        ) : null}
        {!choices.passwordsAllowed && !choices.buttons.length ? <Alert kind="warning">{t("sso.login.none")}</Alert> : null}
      </section>
      {choices.passwordsAllowed ? <Heading2 id="password-login">{t("sso.login.password_heading")}</Heading2> : null}
    </>
  );
}
