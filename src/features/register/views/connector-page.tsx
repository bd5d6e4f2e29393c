import type { FieldError } from "../../../platform/errors.ts";
import { CheckboxField, Fieldset } from "../../../ui/choice-fields.tsx";
import { formatDateTime, Heading1, Paragraph } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ConnectorView } from "../connector.ts";

export const CONNECTOR_PATH = "/admin/register-koppeling";

/** The organisation's connection to the national Algoritmeregister (its administrator). */
export function ConnectorPage({ ctx, connector, values, errors }: { ctx: PageContext; connector: ConnectorView; values?: Record<string, string>; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const v = values ?? { apiUrl: connector.apiUrl, tokenUrl: connector.tokenUrl, clientId: connector.clientId };
  const enabled = values ? values.enabled === "on" : connector.enabled;
  return (
    <>
      <Heading1>{t("register.connector_title")}</Heading1>
      <Paragraph lead>{t("register.connector_intro")}</Paragraph>
      <Paragraph>{connector.enabled ? t("register.connector_on") : t("register.connector_off")}</Paragraph>
      {connector.updatedByName && connector.updatedAt ? <Paragraph>{t("register.connector_changed", { name: connector.updatedByName, date: formatDateTime(connector.updatedAt, lang) })}</Paragraph> : null}
      {errors?.length ? <ErrorSummary t={t} errors={errors} /> : null}
      <PostForm action={CONNECTOR_PATH} csrfToken={ctx.csrfToken} label={t("register.connector_title")}>
        <CheckboxField name="enabled" label={t("register.connector_enabled")} hint={t("register.connector_enabled_hint")} checked={enabled} />
        <Fieldset id="connector-api" legend={t("register.connector_api")}>
          <TextField t={t} name="apiUrl" label={t("register.connector_api_url")} hint={t("register.connector_api_url_hint")} type="url" maxlength={500} values={v} errors={errors} />
          <TextField t={t} name="tokenUrl" label={t("register.connector_token_url")} type="url" maxlength={500} values={v} errors={errors} />
          <TextField t={t} name="clientId" label={t("register.connector_client_id")} maxlength={200} autocomplete="off" values={v} errors={errors} />
          <TextField t={t} name="clientSecret" label={t("register.connector_client_secret")} hint={connector.hasSecret ? t("register.connector_secret_kept") : t("register.connector_secret_hint")} type="password" autocomplete="new-password" maxlength={500} values={{}} errors={errors} />
        </Fieldset>
        <SubmitButton>{t("register.connector_save")}</SubmitButton>
      </PostForm>
    </>
  );
}
