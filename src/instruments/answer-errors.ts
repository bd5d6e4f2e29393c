// Error codes for answers, with the Dutch and English sentences behind their
// message keys. The web layer merges ANSWER_ERROR_MESSAGES into its catalogue.
import type { Lang, LocalText } from "./types.ts";

export type AnswerErrorCode =
  | "unknown_question"
  | "required"
  | "wrong_type"
  | "invalid_option"
  | "duplicate_choice"
  | "exclusive_option"
  | "too_many_choices"
  | "not_integer"
  | "out_of_range"
  | "too_long"
  | "explanation_required"
  | "unknown_column"
  | "cell_wrong_type"
  | "cell_required"
  | "invalid_date"
  | "rows_mismatch"
  | "too_few_rows"
  | "too_many_rows"
  | "unknown_value_tag";

export interface AnswerError {
  questionId: string;
  /** Where inside the answer, e.g. `q1`, `q1.explanation`, `q1[2].likelihood`. */
  path: string;
  code: AnswerErrorCode;
  messageKey: `instrument.answer.${AnswerErrorCode}`;
  params: Record<string, string | number>;
}

export const ANSWER_ERROR_MESSAGES: Record<AnswerErrorCode, LocalText> = {
  unknown_question: { nl: "Deze vraag bestaat niet in dit instrument.", en: "This question does not exist in this instrument." },
  required: { nl: "Vul dit in. Deze vraag is verplicht.", en: "Please answer this. This question is required." },
  wrong_type: { nl: "Dit soort antwoord past niet bij deze vraag.", en: "This kind of answer does not fit this question." },
  invalid_option: { nl: "Kies een van de gegeven mogelijkheden.", en: "Choose one of the given options." },
  duplicate_choice: { nl: "U heeft dezelfde keuze twee keer gemaakt.", en: "The same choice was made twice." },
  exclusive_option: { nl: "‘{option}’ kunt u niet combineren met andere keuzes.", en: "‘{option}’ cannot be combined with other choices." },
  too_many_choices: { nl: "Kies er hoogstens {max}.", en: "Choose at most {max}." },
  not_integer: { nl: "Vul een heel getal in.", en: "Enter a whole number." },
  out_of_range: { nl: "Kies een waarde van {min} tot en met {max}.", en: "Choose a value from {min} to {max}." },
  too_long: { nl: "Gebruik hoogstens {max} tekens.", en: "Use at most {max} characters." },
  explanation_required: { nl: "Licht uw antwoord toe.", en: "Please explain your answer." },
  unknown_column: { nl: "Deze kolom bestaat niet in de tabel.", en: "This column does not exist in the table." },
  cell_wrong_type: { nl: "Dit soort waarde past niet in deze kolom.", en: "This kind of value does not fit this column." },
  cell_required: { nl: "Vul deze cel in.", en: "Please fill in this cell." },
  invalid_date: { nl: "Vul een datum in als jjjj-mm-dd.", en: "Enter a date as yyyy-mm-dd." },
  rows_mismatch: { nl: "De rijen van deze tabel liggen vast; er ontbreekt een rij of er is een onbekende rij.", en: "This table has fixed rows; a row is missing or unknown." },
  too_few_rows: { nl: "Vul minstens {min} rijen in.", en: "Fill in at least {min} rows." },
  too_many_rows: { nl: "Gebruik hoogstens {max} rijen.", en: "Use at most {max} rows." },
  unknown_value_tag: { nl: "‘{value}’ is geen waarde van uw organisatie.", en: "‘{value}’ is not one of your organisation's values." },
};

export function answerErrorMessage(error: AnswerError, lang: Lang): string {
  const template = ANSWER_ERROR_MESSAGES[error.code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(error.params[key] ?? `{${key}}`));
}
