import { ROLE_GROUPS, ROLE_GROUP_NAMES } from "../../../domain/permissions/roles.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { CheckboxField } from "../../../ui/choice-fields.tsx";
import { ButtonLink, Cell, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { LoginSettings } from "../login-settings.ts";
import type { ProviderView } from "../providers.ts";

/** The addresses an admin registers at the identity provider, and the organisation's own login address. */
export interface RegistrationAddresses {
  redirectUri: string;
  postLogoutRedirectUri: string;
  loginAddress: string;
}

/** A read-only text field: an address to copy into the provider's settings. */
function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label"><label class="utrecht-form-label" for={id}>{label}</label></div>
      <div class="utrecht-form-field__input">
        <input class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only afw-textbox--wide" id={id} type="text" readonly value={value} />
      </div>
    </div>
  );
}

function Addresses({ ctx, addresses }: { ctx: PageContext; addresses: RegistrationAddresses }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="sso-addresses">
      <Heading2 id="sso-addresses">{t("sso.admin.addresses")}</Heading2>
      <Paragraph>{t("sso.admin.addresses_intro")}</Paragraph>
      <CopyField id="sso-redirect-uri" label={t("sso.admin.redirect_uri")} value={addresses.redirectUri} />
      <CopyField id="sso-post-logout-uri" label={t("sso.admin.post_logout_uri")} value={addresses.postLogoutRedirectUri} />
      <CopyField id="sso-login-address" label={t("sso.admin.login_address")} value={addresses.loginAddress} />
    </section>
  );
}

function ProvidersTable({ ctx, providers }: { ctx: PageContext; providers: ProviderView[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="sso-providers">
      <Heading2 id="sso-providers">{t("sso.admin.providers")}</Heading2>
      {providers.length === 0 ? (
        <Paragraph>{t("sso.admin.no_providers")}</Paragraph>
      ) : (
        <Table caption={t("sso.admin.providers_count", { total: providers.length })} headers={[t("sso.col.name"), t("sso.col.status"), t("sso.col.jit"), t("sso.col.mappings")]}>
          {providers.map((p) => (
            <Row>
              <Cell><Link href={`/admin/sso/${p.id}`} label={t("sso.admin.edit_label", { name: p.name })}>{p.name}</Link></Cell>
              <Cell>{p.enabled ? <StatusBadge status="valid">{t("sso.status.on")}</StatusBadge> : <StatusBadge status="invalid">{t("sso.status.off")}</StatusBadge>}</Cell>
              <Cell>{p.jitAccounts ? t("sso.yes") : t("sso.no")}</Cell>
              <Cell>{p.mappings.length}</Cell>
            </Row>
          ))}
        </Table>
      )}
      <div class="afw-actions"><ButtonLink href="/admin/sso/new" variant="primary">{t("sso.admin.new")}</ButtonLink></div>
    </section>
  );
}

function PasswordSettings({ ctx, settings, errors }: { ctx: PageContext; settings: LoginSettings; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="sso-passwords">
      <Heading2 id="sso-passwords">{t("sso.settings.title")}</Heading2>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/admin/sso/settings" csrfToken={ctx.csrfToken} label={t("sso.settings.title")}>
        <CheckboxField name="localPasswords" label={t("sso.settings.local_passwords")} hint={t("sso.settings.local_passwords_hint")} checked={settings.localPasswords} />
        <SubmitButton variant="secondary">{t("sso.save")}</SubmitButton>
      </PostForm>
      <Heading2 id="sso-break-glass">{t("sso.break_glass.title")}</Heading2>
      <Paragraph>{t("sso.break_glass.intro")}</Paragraph>
      <Paragraph><code>npx afweging user add --organisation … --email … --name … --password … --break-glass</code></Paragraph>
      {settings.breakGlass.length ? (
        <ul class="utrecht-unordered-list">
          {settings.breakGlass.map((b) => <li class="utrecht-unordered-list__item"><Link href={`/admin/users/${b.userId}`}>{b.name}</Link> · {b.email}</li>)}
        </ul>
      ) : (
        <Paragraph>{t("sso.break_glass.none")}</Paragraph>
      )}
    </section>
  );
}

export function SsoAdminPage(props: { ctx: PageContext; providers: ProviderView[]; settings: LoginSettings; addresses: RegistrationAddresses; errors?: FieldError[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("sso.admin.title")}</Heading1>
      <Paragraph>{t("sso.admin.intro")}</Paragraph>
      <ProvidersTable ctx={ctx} providers={props.providers} />
      <Addresses ctx={ctx} addresses={props.addresses} />
      <PasswordSettings ctx={ctx} settings={props.settings} errors={props.errors} />
    </>
  );
}

/** A provider's values as the form shows them. */
export function providerFormValues(p: ProviderView): Values {
  return {
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    scopes: p.scopes,
    claimSubject: p.claims.subject,
    claimEmail: p.claims.email,
    claimName: p.claims.name,
    claimGroups: p.claims.groups,
    emailDomains: p.emailDomains.join(", "),
    jitAccounts: p.jitAccounts ? "1" : "",
    enabled: p.enabled ? "1" : "",
  };
}

export const NEW_PROVIDER_VALUES: Values = { scopes: "openid email profile", claimSubject: "sub", claimEmail: "email", claimName: "name", claimGroups: "groups", jitAccounts: "1", enabled: "1" };

function ProviderFields({ ctx, values, errors, editing }: { ctx: PageContext; values: Values; errors?: FieldError[]; editing: boolean }) {
  const { t } = ctx;
  // On the provider's page these are parts of its "Settings" section, one level down.
  const Sub = ({ id, children }: { id: string; children: string }) => (editing ? <h3 class="utrecht-heading-3" id={id}>{children}</h3> : <Heading2 id={id}>{children}</Heading2>);
  const on = (name: string) => ["1", "on", "true"].includes(values[name] ?? "");
  return (
    <>
      <TextField t={t} name="name" label={t("sso.field.name")} hint={t("sso.field.name_hint")} required maxlength={80} values={values} errors={errors} />
      <TextField t={t} name="issuer" type="url" label={t("sso.field.issuer")} hint={t("sso.field.issuer_hint")} required maxlength={500} values={values} errors={errors} />
      <TextField t={t} name="clientId" label={t("sso.field.client_id")} required maxlength={200} values={values} errors={errors} />
      <TextField t={t} name="clientSecret" type="password" label={t("sso.field.client_secret")} hint={t(editing ? "sso.field.client_secret_keep" : "sso.field.client_secret_hint")} required={!editing} maxlength={1000} values={values} errors={errors} />
      <TextField t={t} name="scopes" label={t("sso.field.scopes")} hint={t("sso.field.scopes_hint")} maxlength={300} values={values} errors={errors} />
      <Sub id="sso-claims">{t("sso.field.claims")}</Sub>
      <Paragraph>{t("sso.field.claims_intro")}</Paragraph>
      <TextField t={t} name="claimSubject" label={t("sso.field.claim_subject")} hint={t("sso.field.claim_subject_hint")} maxlength={100} values={values} errors={errors} />
      <TextField t={t} name="claimEmail" label={t("sso.field.claim_email")} hint={t("sso.field.claim_email_hint")} maxlength={100} values={values} errors={errors} />
      <TextField t={t} name="claimName" label={t("sso.field.claim_name")} maxlength={100} values={values} errors={errors} />
      <TextField t={t} name="claimGroups" label={t("sso.field.claim_groups")} hint={t("sso.field.claim_groups_hint")} maxlength={100} values={values} errors={errors} />
      <Sub id="sso-accounts">{t("sso.field.accounts")}</Sub>
      <TextField t={t} name="emailDomains" label={t("sso.field.email_domains")} hint={t("sso.field.email_domains_hint")} maxlength={500} values={values} errors={errors} />
      <CheckboxField name="jitAccounts" label={t("sso.field.jit")} hint={t("sso.field.jit_hint")} checked={on("jitAccounts")} />
      <CheckboxField name="enabled" label={t("sso.field.enabled")} checked={on("enabled")} />
    </>
  );
}

export function NewProviderPage({ ctx, addresses, values, errors }: { ctx: PageContext; addresses: RegistrationAddresses; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <p class="utrecht-paragraph"><Link href="/admin/sso">{t("sso.admin.back")}</Link></p>
      <Heading1>{t("sso.admin.new")}</Heading1>
      <Paragraph>{t("sso.admin.new_intro", { redirectUri: addresses.redirectUri })}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/admin/sso" csrfToken={ctx.csrfToken} label={t("sso.admin.new")}>
        <ProviderFields ctx={ctx} values={values ?? NEW_PROVIDER_VALUES} errors={errors} editing={false} />
        <SubmitButton>{t("sso.admin.create")}</SubmitButton>
      </PostForm>
    </>
  );
}

function MappingsSection({ ctx, provider, values, errors }: { ctx: PageContext; provider: ProviderView; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  const groups = ROLE_GROUP_NAMES.map((g) => ({ label: t(`line.${g}`), options: ROLE_GROUPS[g].map((r) => ({ value: r, label: t(`role.${r}`) })) }));
  return (
    <section aria-labelledby="mappings">
      <Heading2 id="mappings">{t("sso.mapping.title")}</Heading2>
      <Paragraph>{t("sso.mapping.intro")}</Paragraph>
      {provider.claims.groups ? null : <Paragraph>{t("sso.mapping.no_groups_claim")}</Paragraph>}
      <ErrorSummary t={t} errors={errors} />
      {provider.mappings.length === 0 ? (
        <Paragraph>{t("sso.mapping.none")}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list" aria-label={t("sso.mapping.count", { total: provider.mappings.length })}>
          {provider.mappings.map((m) => (
            <li class="utrecht-unordered-list__item">
              <code>{m.group}</code> → {t(`role.${m.role}`)}{" "}
              <PostForm action={`/admin/sso/${provider.id}/mappings/${m.id}/remove`} csrfToken={ctx.csrfToken} class="afw-inline-form">
                <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t("sso.mapping.remove_label", { group: m.group, role: t(`role.${m.role}`) })}>{t("sso.mapping.remove")}</button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <PostForm action={`/admin/sso/${provider.id}/mappings`} csrfToken={ctx.csrfToken} label={t("sso.mapping.add")}>
        <TextField t={t} name="group" label={t("sso.mapping.group")} hint={t("sso.mapping.group_hint")} required maxlength={254} values={values} errors={errors} />
        <SelectField t={t} name="role" label={t("sso.mapping.role")} required options={[{ value: "", label: t("sso.mapping.choose_role") }]} groups={groups} values={values} errors={errors} />
        <SubmitButton variant="secondary">{t("sso.mapping.add")}</SubmitButton>
      </PostForm>
    </section>
  );
}

export function ProviderPage(props: { ctx: PageContext; provider: ProviderView; values?: Values; errors?: FieldError[]; errorsFor?: string }) {
  const { ctx, provider, errorsFor } = props;
  const { t } = ctx;
  return (
    <>
      <p class="utrecht-paragraph"><Link href="/admin/sso">{t("sso.admin.back")}</Link></p>
      <Heading1>{provider.name}</Heading1>
      <MappingsSection ctx={ctx} provider={provider} values={errorsFor === "mappings" ? props.values : undefined} errors={errorsFor === "mappings" ? props.errors : undefined} />
      <section aria-labelledby="details">
        <Heading2 id="details">{t("sso.admin.details")}</Heading2>
        <ErrorSummary t={t} errors={errorsFor === "details" ? props.errors : undefined} />
        <PostForm action={`/admin/sso/${provider.id}/details`} csrfToken={ctx.csrfToken} label={t("sso.admin.details")}>
          <ProviderFields ctx={ctx} values={errorsFor === "details" && props.values ? props.values : providerFormValues(provider)} errors={errorsFor === "details" ? props.errors : undefined} editing />
          <SubmitButton>{t("sso.save")}</SubmitButton>
        </PostForm>
      </section>
    </>
  );
}
