// The words answers are written with beside the instrument's own labels
// (yes, no, empty), from this feature's catalogue, for the engine's formatAnswer.
import type { AnswerWords } from "../../instruments/index.ts";
import { translator, type Lang, type Translate } from "../../platform/i18n/index.ts";

export function answerWords(t: Translate): AnswerWords {
  return { yes: t("instrument_responses.yes"), no: t("instrument_responses.no"), empty: t("instrument_responses.empty_answer") };
}

/** Both languages, for diffs that carry each side in Dutch and English. */
export function answerWordsByLang(): Record<Lang, AnswerWords> {
  return { nl: answerWords(translator("nl")), en: answerWords(translator("en")) };
}
