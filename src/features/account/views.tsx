import type { FieldError } from "../../platform/errors.ts";
import { Heading1, Heading2, Paragraph } from "../../ui/components.tsx";
import { ErrorSummary, PostForm, SubmitButton, TextField, type Values } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/page-context.ts";

export function LoginPage({ ctx, values, errors, next }: { ctx: PageContext; values?: Values; errors?: FieldError[]; next: string }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("login.title")}</Heading1>
      <Paragraph>{t("login.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action={`/login?next=${encodeURIComponent(next)}`} csrfToken={ctx.csrfToken}>
        <TextField t={t} name="email" type="email" label={t("login.email")} autocomplete="username" required values={values} errors={errors} />
        <TextField t={t} name="password" type="password" label={t("login.password")} autocomplete="current-password" required values={values} errors={errors} />
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </PostForm>
    </>
  );
}

export function AccountPage({ ctx, errors }: { ctx: PageContext; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("account.title")}</Heading1>
      <Paragraph>{ctx.actor?.name} · {ctx.actor?.email}</Paragraph>
      <Heading2>{t("account.change_password")}</Heading2>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/account/password" csrfToken={ctx.csrfToken}>
        <TextField t={t} name="current" type="password" label={t("account.current_password")} autocomplete="current-password" required errors={errors} />
        <TextField t={t} name="password" type="password" label={t("account.new_password")} hint={t("user.password_hint")} autocomplete="new-password" required errors={errors} />
        <SubmitButton>{t("account.submit")}</SubmitButton>
      </PostForm>
    </>
  );
}
