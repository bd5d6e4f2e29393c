import type { FieldError } from "../../platform/errors.ts";
import { Cell, formatDate, formatDateTime, Heading1, Heading2, Paragraph, Row, StatusBadge, Table } from "../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type Values } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { SERVICE_TOKEN_ROLES, type ServiceTokenView } from "./service.ts";

type Props = { ctx: PageContext; tokens: ServiceTokenView[]; limit: number; newToken?: string; values?: Values; errors?: FieldError[] };

export function ServiceTokensPage({ ctx, tokens, limit, newToken, values, errors }: Props) {
  const { t, lang } = ctx;
  const roleLabel = (role: string | null) => (role ? t(`role.${role}` as MessageKey) : t("service_tokens.no_role"));
  return (
    <>
      <Heading1>{t("service_tokens.title")}</Heading1>
      <Paragraph>{t("service_tokens.intro")}</Paragraph>
      <Paragraph>{t("service_tokens.limit", { limit })}</Paragraph>
      {newToken ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <div class="utrecht-alert__content">
            <p class="utrecht-paragraph">{t("service_tokens.created")}</p>
            <TextField t={t} name="newToken" label={t("service_tokens.value")} values={{ newToken }} />
          </div>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <Paragraph>{t("service_tokens.empty")}</Paragraph>
      ) : (
        <Table caption={t("service_tokens.title")} captionHidden headers={[t("service_tokens.col.name"), t("service_tokens.col.scope"), t("service_tokens.col.role"), t("service_tokens.col.expires"), t("service_tokens.col.last_used"), <span class="afw-visually-hidden">{t("service_tokens.col.action")}</span>]}>
          {tokens.map((tok) => (
            <Row>
              <Cell>{tok.name}</Cell>
              <Cell>{t(`service_tokens.scope.${tok.scope}`)}</Cell>
              <Cell>{roleLabel(tok.role)}</Cell>
              <Cell>{tok.expired ? <StatusBadge status="invalid">{t("service_tokens.expired")}</StatusBadge> : formatDate(tok.expiresAt, lang)}</Cell>
              <Cell>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, lang) : t("service_tokens.never_used")}</Cell>
              <Cell>
                <PostForm action={`/admin/service-tokens/${tok.id}/revoke`} csrfToken={ctx.csrfToken} class="afw-inline-form">
                  <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t("service_tokens.revoke_label", { name: tok.name })}>{t("service_tokens.revoke")}</button>
                </PostForm>
              </Cell>
            </Row>
          ))}
        </Table>
      )}
      <section aria-labelledby="new-service-token">
        <Heading2 id="new-service-token">{t("service_tokens.create")}</Heading2>
        <ErrorSummary t={t} errors={errors} />
        <PostForm action="/admin/service-tokens" csrfToken={ctx.csrfToken} label={t("service_tokens.create")}>
          <TextField t={t} name="name" label={t("service_tokens.name")} hint={t("service_tokens.name_hint")} required maxlength={80} values={values} errors={errors} />
          <SelectField t={t} name="scope" label={t("service_tokens.scope")} options={[{ value: "read", label: t("service_tokens.scope.read") }, { value: "write", label: t("service_tokens.scope.write") }]} values={values} errors={errors} />
          <SelectField t={t} name="role" label={t("service_tokens.role")} hint={t("service_tokens.role_hint")} options={[{ value: "", label: t("service_tokens.no_role") }, ...SERVICE_TOKEN_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]} values={values} errors={errors} />
          <TextField t={t} name="days" type="number" label={t("service_tokens.days")} hint={t("service_tokens.days_hint")} required values={values ?? { days: "90" }} errors={errors} />
          <SubmitButton>{t("service_tokens.submit")}</SubmitButton>
        </PostForm>
      </section>
    </>
  );
}
