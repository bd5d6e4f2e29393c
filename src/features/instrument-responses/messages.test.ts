import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../instruments/index.ts";
import { instrument, section, t as label } from "../../instruments/test-fixtures.ts";
import { installCatalogues, translator } from "../../platform/i18n/index.ts";
import { answerWords } from "./answer-words.ts";
import { instrumentResponsesFeature } from "./index.ts";
import { answerFieldErrors } from "./save-answers.ts";

describe("the instrument engine's codes, worded by this feature", () => {
  installCatalogues([instrumentResponsesFeature.messages!]);
  const form = instrument([section("s1", [{ id: "level", type: "scale", label: label("level"), min: 1, max: 5 }])]);

  it("gives every answer error a Dutch and an English text", () => {
    const [error] = answerFieldErrors(validateAnswers(form, { level: 9 }, { partial: true }));
    expect(error).toEqual({ field: "level", messageKey: "instrument_responses.answer.out_of_range", params: { min: 1, max: 5 } });
    expect(translator("nl")(error!.messageKey, error!.params)).toBe("Kies een waarde van 1 tot en met 5.");
    expect(translator("en")(error!.messageKey, error!.params)).toBe("Choose a value from 1 to 5.");
  });

  it("writes yes, no and an empty answer in the page's language", () => {
    expect(answerWords(translator("nl"))).toEqual({ yes: "Ja", no: "Nee", empty: "(leeg)" });
    expect(answerWords(translator("en"))).toEqual({ yes: "Yes", no: "No", empty: "(empty)" });
  });
});
