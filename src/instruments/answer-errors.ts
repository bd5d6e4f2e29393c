// Error codes for answers. The engine names what is wrong and with which
// parameters; the features word it from their own catalogues
// (instrument-responses: `instrument_responses.answer.<code>`).

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
  params: Record<string, string | number>;
}
