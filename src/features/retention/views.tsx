import type { FieldError } from "../../platform/errors.ts";
import { Heading1, Paragraph } from "../../ui/components.tsx";
import { ErrorSummary, PostForm, SubmitButton, TextField, type Values } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import type { RetentionPeriodView } from "./update-retention-periods.ts";

function hint(ctx: PageContext, v: RetentionPeriodView): string {
  const { t } = ctx;
  const p = v.period;
  const dflt = p.defaultDays === null ? t("retention.default_keep") : t("retention.default", { days: p.defaultDays });
  const bounds = p.mayKeep ? t("retention.bounds_or_keep", { min: p.minDays, max: p.maxDays }) : t("retention.bounds", { min: p.minDays, max: p.maxDays });
  return `${t(p.hintKey)} ${bounds} ${dflt}`;
}

export function RetentionPage({ ctx, periods, values, errors }: { ctx: PageContext; periods: RetentionPeriodView[]; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  const v: Values = values ?? Object.fromEntries(periods.map((p) => [`periods.${p.key}`, p.days === null ? "" : String(p.days)]));
  return (
    <>
      <Heading1>{t("retention.title")}</Heading1>
      <Paragraph>{t("retention.intro")}</Paragraph>
      {periods.length === 0 ? (
        <Paragraph>{t("retention.none")}</Paragraph>
      ) : (
        <>
          <ErrorSummary t={t} errors={errors} />
          <PostForm action="/admin/retention" csrfToken={ctx.csrfToken}>
            {periods.map((p) => (
              <TextField t={t} name={`periods.${p.key}`} type="number" label={t("retention.days_label", { label: t(p.period.labelKey) })} hint={hint(ctx, p)} required={!p.period.mayKeep} maxlength={6} values={v} errors={errors} />
            ))}
            <SubmitButton>{t("retention.save")}</SubmitButton>
          </PostForm>
        </>
      )}
    </>
  );
}
