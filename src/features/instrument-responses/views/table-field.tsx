// A table question as a grid of fields: fixed rows with their labels, or free
// rows with a few empty ones and a "meer rijen" button that works without JavaScript.
import type { Lang, TableColumn, TableQuestion } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { Fieldset } from "../../../ui/choice-fields.tsx";
import { fieldId } from "../../../ui/form.tsx";
import { fieldForPath, inputName, MAX_FORM_ROWS, tableRowCount } from "../form-input.ts";
import { TEXT_MAX } from "../model.ts";
import { errorText, text, type InstrumentPageModel } from "./page-model.tsx";

export function TableField({ model, q, value, errors }: { model: InstrumentPageModel; q: TableQuestion; value: unknown; errors: FieldError[] }) {
  const { ctx, instrument } = model;
  const { t, lang } = ctx;
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const count = tableRowCount(q, rows.length, model.extraRows?.[q.id] ?? 0);
  const name = inputName(q.id);
  const label = text(q.label, lang);
  const tableError = errorText(t, errors, instrument, name);
  const cellErrors = errors.filter((e) => fieldForPath(instrument, e.field) !== name && fieldForPath(instrument, e.field).startsWith(`${name}.`));
  const invalidCells = new Set(cellErrors.map((e) => fieldForPath(instrument, e.field)));
  const canAddRows = !q.rows && count < Math.min(q.max_rows ?? MAX_FORM_ROWS, MAX_FORM_ROWS);
  return (
    <Fieldset id={fieldId(name)} legend={label} hint={q.help ? text(q.help, lang) : undefined} error={[tableError, ...cellErrors.map((e) => t(e.messageKey, e.params))].filter(Boolean).join(" ") || undefined} required={q.required} requiredLabel={t("form.required")}>
      <input type="hidden" name={inputName(q.id, "__rows")} value={String(count)} />
      <div class="utrecht-table-container afw-table-input" id={fieldId(name)} tabindex={-1}>
        <table class="utrecht-table utrecht-table--html-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {q.rows ? <td class="utrecht-table__header-cell"></td> : <th class="utrecht-table__header-cell" scope="col"><span class="afw-visually-hidden">#</span></th>}
              {q.columns.map((c) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {text(c.label, lang)} {c.required ? <span class="afw-required">{t("form.required")}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {Array.from({ length: count }, (_, i) => {
              const fixed = q.rows?.[i];
              const row = fixed ? (rows.find((r) => r.row === fixed.id) ?? {}) : (rows[i] ?? {});
              const rowLabel = fixed ? text(fixed.label, lang) : String(i + 1);
              return (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">{rowLabel}</th>
                  {q.columns.map((c) => {
                    const cellName = inputName(q.id, i, c.id);
                    return <TableCell t={t} column={c} name={cellName} value={row[c.id]} label={t("instrument_responses.cell_label", { column: text(c.label, lang), number: rowLabel })} invalid={invalidCells.has(cellName)} lang={lang} />;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canAddRows ? (
        <button type="submit" name="_more" value={q.id} class="utrecht-button utrecht-button--subtle" aria-label={t("instrument_responses.more_rows_label", { question: label })}>
          {t("instrument_responses.more_rows")}
        </button>
      ) : null}
    </Fieldset>
  );
}

function TableCell(props: { t: Translate; column: TableColumn; name: string; value: unknown; label: string; invalid: boolean; lang: Lang }) {
  const { t, column: c, value: cell } = props;
  const common = { id: fieldId(`${props.name}-cell`), name: props.name, "aria-label": props.label, "aria-invalid": props.invalid ? "true" : undefined };
  return (
    <td class="utrecht-table__cell">
      {c.type === "yes_no" ? (
        <select class="utrecht-select utrecht-select--html-select" {...common}>
          <option value="">{t("instrument_responses.not_filled")}</option>
          <option value="yes" selected={cell === true}>{t("instrument_responses.yes")}</option>
          <option value="no" selected={cell === false}>{t("instrument_responses.no")}</option>
        </select>
      ) : c.type === "single_choice" ? (
        <select class="utrecht-select utrecht-select--html-select" {...common}>
          <option value="">{t("instrument_responses.not_filled")}</option>
          {(c.options ?? []).map((o) => <option value={o.value} selected={cell === o.value}>{text(o.label, props.lang)}</option>)}
        </select>
      ) : c.type === "long_text" ? (
        <textarea class="utrecht-textarea utrecht-textarea--html-textarea" rows={2} maxlength={TEXT_MAX} {...common}>{typeof cell === "string" ? cell : ""}</textarea>
      ) : (
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          type={c.type === "date" ? "date" : c.type === "number" ? "number" : "text"}
          step={c.type === "number" ? "any" : undefined}
          maxlength={c.type === "text" ? TEXT_MAX : undefined}
          value={cell === undefined || cell === null ? "" : String(cell)}
          {...common}
        />
      )}
    </td>
  );
}
