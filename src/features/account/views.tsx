import type { Child } from "hono/jsx";
import type { FieldError } from "../../platform/errors.ts";
import { Cell, formatDate, formatDateTime, Heading1, Heading2, Paragraph, Row, Table } from "../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type Values } from "../../ui/form.tsx";
import type { ApiTokenView } from "./api-tokens.ts";
import type { SessionView } from "../../platform/auth/sessions.ts";
import type { PageContext } from "../../ui/page-context.ts";

/** The login page: what other login methods add (buttons of the organisation's identity provider), then the password form where it is allowed. */
export async function LoginPage(props: { ctx: PageContext; values?: Values; errors?: FieldError[]; next: string; organisation?: string | null; sections?: Promise<({ content: Child; passwordsAllowed: boolean } | null)[]> }) {
  const { ctx, values, errors, next } = props;
  const { t } = ctx;
  const sections = (await props.sections)?.filter((s) => s !== null) ?? [];
  const query = new URLSearchParams({ next, ...(props.organisation ? { organisation: props.organisation } : {}) });
  return (
    <>
      <Heading1>{t("login.title")}</Heading1>
      <ErrorSummary t={t} errors={errors} />
      {sections.map((s) => s.content)}
      {sections.every((s) => s.passwordsAllowed) ? (
        <>
          <Paragraph>{t("login.intro")}</Paragraph>
          <PostForm action={`/login?${query}`} csrfToken={ctx.csrfToken}>
            <TextField t={t} name="email" type="email" label={t("login.email")} autocomplete="username" required values={values} errors={errors} />
            <TextField t={t} name="password" type="password" label={t("login.password")} autocomplete="current-password" required values={values} errors={errors} />
            <SubmitButton>{t("login.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}

export function AccountPage(props: {
  ctx: PageContext;
  errors?: FieldError[];
  tokens: ApiTokenView[];
  sessions: SessionView[];
  sessionErrors?: FieldError[];
  tokenErrors?: FieldError[];
  tokenValues?: Values;
  newToken?: string;
}) {
  const { ctx, errors, tokens, tokenErrors, newToken } = props;
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("account.title")}</Heading1>
      <Paragraph>{ctx.actor?.name} · {ctx.actor?.email}</Paragraph>
      <section aria-labelledby="account-password">
        <Heading2 id="account-password">{t("account.change_password")}</Heading2>
        <ErrorSummary t={t} errors={errors} />
        <PostForm action="/account/password" csrfToken={ctx.csrfToken} label={t("account.change_password")}>
          <TextField t={t} name="current" type="password" label={t("account.current_password")} autocomplete="current-password" required errors={errors} />
          <TextField t={t} name="password" type="password" label={t("account.new_password")} hint={t("user.password_hint")} autocomplete="new-password" required errors={errors} />
          <SubmitButton>{t("account.submit")}</SubmitButton>
        </PostForm>
      </section>
      <SessionsSection ctx={ctx} sessions={props.sessions} errors={props.sessionErrors} />
      <section aria-labelledby="account-tokens">
        <Heading2 id="account-tokens">{t("account.tokens")}</Heading2>
        <Paragraph>{t("account.tokens_intro")}</Paragraph>
        {newToken ? (
          <div class="utrecht-alert utrecht-alert--ok" role="status">
            <div class="utrecht-alert__content">
              <p class="utrecht-paragraph">{t("account.token_created")}</p>
              <TextField t={t} name="newToken" label={t("account.token_value")} values={{ newToken }} />
            </div>
          </div>
        ) : null}
        {tokens.length === 0 ? (
          <Paragraph>{t("account.tokens_empty")}</Paragraph>
        ) : (
          <Table caption={t("account.tokens")} captionHidden headers={[t("account.token_col.name"), t("account.token_col.scope"), t("account.token_col.expires"), t("account.token_col.last_used"), <span class="afw-visually-hidden">{t("account.col.action")}</span>]}>
            {tokens.map((tok) => (
              <Row>
                <Cell>{tok.name}</Cell>
                <Cell>{t(`account.token_scope_${tok.scope}`)}</Cell>
                <Cell>{formatDate(tok.expiresAt, lang)}</Cell>
                <Cell>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, lang) : t("account.token_never_used")}</Cell>
                <Cell>
                  <PostForm action={`/account/tokens/${tok.id}/revoke`} csrfToken={ctx.csrfToken} class="afw-inline-form">
                    <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t("account.token_revoke_label", { name: tok.name })}>{t("account.token_revoke")}</button>
                  </PostForm>
                </Cell>
              </Row>
            ))}
          </Table>
        )}
        <ErrorSummary t={t} errors={tokenErrors} />
        <PostForm action="/account/tokens" csrfToken={ctx.csrfToken} label={t("account.token_create")}>
          <TextField t={t} name="name" label={t("account.token_name")} required maxlength={80} values={props.tokenValues} errors={tokenErrors} />
          <SelectField t={t} name="scope" label={t("account.token_scope")} required options={[{ value: "read", label: t("account.token_scope_read") }, { value: "write", label: t("account.token_scope_write") }]} values={props.tokenValues} errors={tokenErrors} />
          <TextField t={t} name="days" type="number" label={t("account.token_days")} required values={props.tokenValues ?? { days: "90" }} errors={tokenErrors} />
          <SubmitButton variant="secondary">{t("account.token_create")}</SubmitButton>
        </PostForm>
      </section>
    </>
  );
}

function SessionsSection({ ctx, sessions, errors }: { ctx: PageContext; sessions: SessionView[]; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const others = sessions.filter((s) => !s.current);
  return (
    <section aria-labelledby="account-sessions">
      <Heading2 id="account-sessions">{t("account.sessions")}</Heading2>
      <Paragraph>{t("account.sessions_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <Table caption={t("account.sessions")} captionHidden headers={[t("account.session_col.started"), t("account.session_col.last_seen"), <span class="afw-visually-hidden">{t("account.col.action")}</span>]}>
        {sessions.map((s) => (
          <Row>
            <Cell>{formatDateTime(s.createdAt, lang)}</Cell>
            <Cell>{formatDateTime(s.lastSeenAt, lang)}</Cell>
            <Cell>
              {s.current ? (
                <strong>{t("account.session_current")}</strong>
              ) : (
                <PostForm action="/account/sessions/end" csrfToken={ctx.csrfToken} class="afw-inline-form">
                  <input type="hidden" name="session" value={s.id} />
                  <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t("account.session_end_label", { started: formatDateTime(s.createdAt, lang) })}>{t("account.session_end")}</button>
                </PostForm>
              )}
            </Cell>
          </Row>
        ))}
      </Table>
      {others.length > 1 ? (
        <PostForm action="/account/sessions/end" csrfToken={ctx.csrfToken}>
          <input type="hidden" name="session" value="others" />
          <SubmitButton variant="secondary">{t("account.sessions_end_others")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}
