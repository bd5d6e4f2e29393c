import { isOrganisationRole } from "../../../domain/permissions/roles.ts";
import { Alert, ButtonLink, Heading1, Link, Paragraph } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { SignInProblem } from "../sign-in.ts";

/** Why signing in through the provider did not work, in words, and the way back. Nothing was changed. */
export function SignInProblemPage({ ctx, problem }: { ctx: PageContext; problem: SignInProblem }) {
  const { t } = ctx;
  const params = { ...problem.params };
  // Role codes become their names here, in the reader's language.
  if (typeof params.roles === "string") {
    params.roles = params.roles.split(",").filter(isOrganisationRole).map((r) => t(`role.${r}`)).join(", ");
  }
  return (
    <>
      <Heading1>{t("sso.signin.failed_title")}</Heading1>
      <Alert kind="error">{t(problem.messageKey, params)}</Alert>
      <Paragraph>{t("sso.signin.nothing_changed")}</Paragraph>
      {problem.detail ? <Paragraph>{t("sso.signin.detail", { detail: problem.detail })}</Paragraph> : null}
      <Paragraph><Link href={problem.loginPath}>{t("sso.signin.back")}</Link></Paragraph>
    </>
  );
}

/** Between Afweging's logout and the provider's: the browser goes on by itself, the button is there if it does not. */
export function SigningOutPage({ ctx, target }: { ctx: PageContext; target: { url: string; provider: string } }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("sso.signout.title")}</Heading1>
      <Paragraph>{t("sso.signout.intro", { provider: target.provider })}</Paragraph>
      <div class="afw-actions"><ButtonLink href={target.url} variant="primary">{t("sso.signout.continue", { provider: target.provider })}</ButtonLink></div>
    </>
  );
}
