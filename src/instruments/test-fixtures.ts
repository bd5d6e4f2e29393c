// Small instruments for the engine's tests, built in code so each test shows
// only the part it is about.
import { DEFAULT_VALUES } from "../features/values/defaults.ts";
import type { Instrument, Question, Section } from "./types.ts";

/** The keys of a new organisation's value set, which value tags in the shipped instruments use. */
export const VALUE_KEYS = DEFAULT_VALUES.map((v) => v.key);

export const t = (s: string) => ({ nl: `${s} (nl)`, en: `${s} (en)` });

export function instrument(sections: Section[], extra: Partial<Instrument> = {}): Instrument {
  return {
    id: "sample",
    version: "1.0.0",
    kind: "canvas",
    title: t("Sample"),
    licence: { id: "EUPL-1.2" },
    attribution: t("Own work"),
    sources: [{ title: "Test", author: "Afweging" }],
    sections,
    ...extra,
  };
}

export function section(id: string, questions: Question[], extra: Partial<Section> = {}): Section {
  return { id, title: t(id), questions, ...extra };
}

export const MINIMAL_YAML = `id: sample
version: 1.0.0
kind: canvas
title: { nl: Voorbeeld, en: Sample }
licence: { id: EUPL-1.2 }
attribution: { nl: Eigen werk, en: Own work }
sources:
  - { title: Test, author: Afweging }
sections:
  - id: s1
    title: { nl: Een, en: One }
    questions:
      - id: q1
        type: single_choice
        label: { nl: Vraag, en: Question }
        options:
          - { value: "yes", label: { nl: Ja, en: "Yes" } }
          - { value: "no", label: { nl: Nee, en: "No" } }
      - id: q2
        type: text
        label: { nl: Vraag 2, en: Question 2 }
`;

/** The words answers are written with, as the features' catalogues give them. */
export const WORDS = {
  nl: { yes: "Ja", no: "Nee", empty: "(leeg)" },
  en: { yes: "Yes", no: "No", empty: "(empty)" },
};
