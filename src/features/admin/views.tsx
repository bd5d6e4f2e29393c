import { ORGANISATION_ROLES, PROJECT_ROLES, ROLE_GROUPS, ROLE_GROUP_NAMES, groupOf, isOrganisationRole } from "../../domain/permissions/roles.ts";
import type { FieldError } from "../../platform/errors.ts";
import { ButtonLink, Cell, Heading1, Heading2, Link, Pagination, Paragraph, Row, StatusBadge, Table } from "../../ui/components.tsx";
import { ErrorSummary, FileField, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import { isAnonymised } from "./anonymise-user.ts";
import type { Organisation } from "./organisation.ts";
import type { UserDetail, UserListItem } from "./service.ts";

export function UsersPage({ ctx, items, total, page, pageSize, query }: { ctx: PageContext; items: UserListItem[]; total: number; page: number; pageSize: number; query: string }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("users.title")}</Heading1>
      <Paragraph>{t("users.intro")}</Paragraph>
      <div class="afw-actions"><ButtonLink href="/admin/users/new" variant="primary">{t("users.new")}</ButtonLink></div>
      <form method="get" action="/admin/users" class="utrecht-form afw-filter" role="search">
        <TextField t={t} name="q" label={t("users.search")} values={{ q: query }} maxlength={100} />
        <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("users.search_submit")}</SubmitButton></div>
      </form>
      {items.length === 0 ? (
        <Paragraph>{t("users.empty")}</Paragraph>
      ) : (
        <Table caption={t("users.count", { total })} headers={[t("users.col.name"), t("users.col.email"), t("users.col.roles"), t("users.col.status")]}>
          {items.map((u) => (
            <Row>
              <Cell><Link href={`/admin/users/${u.id}`}>{u.name}</Link></Cell>
              <Cell>{u.email}</Cell>
              <Cell>{u.roles.map((r) => t(`role.${r}`)).join(", ")}</Cell>
              <Cell>{u.active ? <StatusBadge status="valid">{t("users.active")}</StatusBadge> : <StatusBadge status="invalid">{t("users.inactive")}</StatusBadge>}</Cell>
            </Row>
          ))}
        </Table>
      )}
      <Pagination t={t} page={page} pageSize={pageSize} total={total} href={(p) => `/admin/users?page=${p}${query ? `&q=${encodeURIComponent(query)}` : ""}`} />
    </>
  );
}

export function NewUserPage({ ctx, values, errors }: { ctx: PageContext; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("users.new")}</Heading1>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/admin/users" csrfToken={ctx.csrfToken}>
        <TextField t={t} name="name" label={t("user.name")} required maxlength={120} values={values} errors={errors} />
        <TextField t={t} name="email" type="email" label={t("user.email")} required maxlength={254} values={values} errors={errors} />
        <TextField t={t} name="password" type="password" label={t("user.password")} hint={t("user.password_hint")} autocomplete="new-password" required errors={errors} />
        <SubmitButton>{t("user.create_submit")}</SubmitButton>
      </PostForm>
    </>
  );
}

function roleOptions(ctx: PageContext) {
  const { t } = ctx;
  return [
    ...ROLE_GROUP_NAMES.map((group) => ({ label: t(`line.${group}`), options: ROLE_GROUPS[group].map((r) => ({ value: r, label: t(`role.${r}`) })) })),
    { label: t("line.first_line"), options: PROJECT_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
  ];
}

type UserPageProps = {
  ctx: PageContext;
  user: UserDetail;
  projects: { id: string; title: string }[];
  values?: Values;
  errors?: FieldError[];
  errorsFor?: "details" | "role" | "password";
};

export function UserPage(props: UserPageProps) {
  const { ctx, user, errors, errorsFor } = props;
  const { t } = ctx;
  const detailValues = errorsFor === "details" ? props.values : { name: user.name, email: user.email };
  return (
    <>
      <Heading1>{user.name}</Heading1>
      <Paragraph>
        {user.active ? <StatusBadge status="valid">{t("users.active")}</StatusBadge> : <StatusBadge status="invalid">{t("users.inactive")}</StatusBadge>}
      </Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <UserRolesSection {...props} />

      <section aria-labelledby="user-details">
        <Heading2 id="user-details">{t("user.details")}</Heading2>
        <PostForm action={`/admin/users/${user.id}`} csrfToken={ctx.csrfToken} label={t("user.details")}>
          <TextField t={t} name="name" label={t("user.name")} required maxlength={120} values={detailValues} errors={errorsFor === "details" ? errors : undefined} />
          <TextField t={t} name="email" type="email" label={t("user.email")} required maxlength={254} values={detailValues} errors={errorsFor === "details" ? errors : undefined} />
          <SubmitButton variant="secondary">{t("user.save")}</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="user-password">
        <Heading2 id="user-password">{t("user.reset_password")}</Heading2>
        <Paragraph>{t("user.reset_password_hint")}</Paragraph>
        <PostForm action={`/admin/users/${user.id}/password`} csrfToken={ctx.csrfToken} label={t("user.reset_password")}>
          <TextField t={t} name="password" type="password" label={t("user.password")} hint={t("user.password_hint")} autocomplete="new-password" required errors={errorsFor === "password" ? errors : undefined} />
          <SubmitButton variant="secondary">{t("user.reset_password")}</SubmitButton>
        </PostForm>
      </section>

      <div class="afw-actions">
        {user.active ? (
          <ButtonLink href={`/admin/users/${user.id}/deactivate`}>{t("user.deactivate")}</ButtonLink>
        ) : (
          <PostForm action={`/admin/users/${user.id}/activate`} csrfToken={ctx.csrfToken} class="afw-inline-form">
            <SubmitButton variant="secondary">{t("user.activate")}</SubmitButton>
          </PostForm>
        )}
      </div>
      {!user.active && !isAnonymised(user.email) ? (
        <section aria-labelledby="user-anonymise">
          <Heading2 id="user-anonymise">{t("user.anonymise")}</Heading2>
          <Paragraph>{t("user.anonymise_hint")}</Paragraph>
          <ButtonLink href={`/admin/users/${user.id}/anonymise`}>{t("user.anonymise")}</ButtonLink>
        </section>
      ) : null}
    </>
  );
}

/** One role of the user, with the button that takes it away; `what` names it for a screen reader. */
function RoleItem({ ctx, userId, assignmentId, text, what }: { ctx: PageContext; userId: string; assignmentId: string; text: string; what: string }) {
  const { t } = ctx;
  return (
    <li class="utrecht-unordered-list__item">
      {text}{" "}
      <PostForm action={`/admin/users/${userId}/roles/${assignmentId}/remove`} csrfToken={ctx.csrfToken} class="afw-inline-form">
        <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t("user.remove_role_label", { role: what })}>{t("user.remove_role")}</button>
      </PostForm>
    </li>
  );
}

function UserRolesSection({ ctx, user, projects, values, errors, errorsFor }: UserPageProps) {
  const { t } = ctx;
  const orgAssignments = user.assignments.filter((a) => !a.projectId && isOrganisationRole(a.role));
  const projectAssignments = user.assignments.filter((a) => a.projectId);
  const lines = Object.keys(ROLE_GROUPS) as (keyof typeof ROLE_GROUPS)[];
  const roleValues = errorsFor === "role" ? values : undefined;
  const roleErrors = errorsFor === "role" ? errors : undefined;
  return (
    <section aria-labelledby="user-roles">
      <Heading2 id="user-roles">{t("user.roles")}</Heading2>
      {user.assignments.length === 0 ? <Paragraph>{t("user.no_roles")}</Paragraph> : null}
      {lines.map((line) => {
        const here = orgAssignments.filter((a) => isOrganisationRole(a.role) && groupOf(a.role) === line);
        return here.length ? (
          <>
            <h3 class="utrecht-heading-3">{t(`line.${line}`)}</h3>
            <ul class="utrecht-unordered-list">
              {here.map((a) => <RoleItem ctx={ctx} userId={user.id} assignmentId={a.id} text={t(`role.${a.role}`)} what={t(`role.${a.role}`)} />)}
            </ul>
          </>
        ) : null;
      })}
      {projectAssignments.length ? (
        <>
          <h3 class="utrecht-heading-3">{t("line.first_line")}</h3>
          <ul class="utrecht-unordered-list">
            {projectAssignments.map((a) => (
              <RoleItem ctx={ctx} userId={user.id} assignmentId={a.id} text={`${t(`role.${a.role}`)} — ${a.projectTitle ?? a.projectId}`} what={`${t(`role.${a.role}`)} ${a.projectTitle ?? ""}`} />
            ))}
          </ul>
        </>
      ) : null}
      <PostForm action={`/admin/users/${user.id}/roles`} csrfToken={ctx.csrfToken} label={t("user.assign_role")}>
        <SelectField t={t} name="role" label={t("user.role")} required options={[]} groups={roleOptions(ctx)} values={roleValues} errors={roleErrors} />
        <SelectField
          t={t}
          name="projectId"
          label={t("user.project")}
          options={[{ value: "", label: t("user.project_none") }, ...projects.map((p) => ({ value: p.id, label: p.title }))]}
          values={roleValues}
          errors={roleErrors}
        />
        <SubmitButton variant="secondary">{t("user.assign_role")}</SubmitButton>
      </PostForm>
    </section>
  );
}

export function ConfirmAnonymisePage({ ctx, user }: { ctx: PageContext; user: UserDetail }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("user.anonymise_title")}</Heading1>
      <Paragraph lead>{t("user.anonymise_confirm", { name: user.name })}</Paragraph>
      <PostForm action={`/admin/users/${user.id}/anonymise`} csrfToken={ctx.csrfToken}>
        <div class="afw-actions">
          <SubmitButton>{t("user.anonymise_yes")}</SubmitButton>
          <Link href={`/admin/users/${user.id}`}>{t("user.cancel")}</Link>
        </div>
      </PostForm>
    </>
  );
}

export function ConfirmDeactivatePage({ ctx, user }: { ctx: PageContext; user: UserDetail }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("user.confirm_title")}</Heading1>
      <Paragraph lead>{t("user.confirm_deactivate", { name: user.name })}</Paragraph>
      <PostForm action={`/admin/users/${user.id}/deactivate`} csrfToken={ctx.csrfToken}>
        <div class="afw-actions">
          <SubmitButton>{t("user.confirm_yes")}</SubmitButton>
          <Link href={`/admin/users/${user.id}`}>{t("user.cancel")}</Link>
        </div>
      </PostForm>
    </>
  );
}

export function OrganisationPage({ ctx, organisation, values, errors }: { ctx: PageContext; organisation: Organisation; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  const v = values ?? { name: organisation.name, tooiCode: organisation.tooiCode ?? "", themeClass: organisation.themeClass, themeCss: organisation.themeCss ?? "" };
  return (
    <>
      <Heading1>{t("organisation.title")}</Heading1>
      <Paragraph>{t("organisation.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/admin/organisation" csrfToken={ctx.csrfToken} multipart>
        <TextField t={t} name="name" label={t("organisation.name")} required maxlength={120} values={v} errors={errors} />
        <TextField t={t} name="tooiCode" label={t("organisation.tooi_code")} hint={t("organisation.tooi_hint")} maxlength={40} values={v} errors={errors} />
        <TextField t={t} name="themeClass" label={t("organisation.theme_class")} hint={t("organisation.theme_class_hint")} required maxlength={60} values={v} errors={errors} />
        <TextArea t={t} name="themeCss" label={t("organisation.theme_css")} hint={t("organisation.theme_css_hint")} rows={8} values={v} errors={errors} />
        <FileField t={t} name="logo" label={t("organisation.logo")} hint={t("organisation.logo_hint")} accept="image/png,image/jpeg,image/svg+xml" errors={errors} />
        <SubmitButton>{t("organisation.save")}</SubmitButton>
      </PostForm>
    </>
  );
}

export const ALL_ROLES = [...ORGANISATION_ROLES, ...PROJECT_ROLES];
