// JSON Schema (draft 2020-12) for instrument files. It checks shape only;
// references between parts of a file are checked in cross-check.ts, where the
// messages can name what is missing.
import { INSTRUMENT_KINDS, LAW_DUTIES, LAW_RULE_EFFECTS } from "./types.ts";

/** An object with exactly these properties, of which `required` must be there. */
function strict<P extends Record<string, unknown>>(required: readonly string[], properties: P) {
  return { type: "object", required, additionalProperties: false, properties } as const;
}

/** A list of items, with a least number when given. */
function listOf<I>(items: I, minItems?: number) {
  return minItems === undefined ? ({ type: "array", items } as const) : ({ type: "array", minItems, items } as const);
}

const id = { type: "string", pattern: "^[a-z][a-z0-9_]*$" } as const;
/** A text in Dutch and English; shared with the other data files' schemas. */
export const localText = strict(["nl", "en"], { nl: { type: "string", minLength: 1 }, en: { type: "string", minLength: 1 } });
/** References to the shared definitions at the end. */
const text = { $ref: "#/$defs/localText" } as const;
const condition = { $ref: "#/$defs/condition" } as const;
const valueList = { type: "array", items: { type: "string", pattern: "^[a-z][a-z0-9_]*$" }, uniqueItems: true } as const;
const scalar = { type: ["string", "number", "boolean"] } as const;
const integer = { type: "integer" } as const;
const isoDate = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } as const;

const option = strict(["value", "label"], { value: id, label: text, help: text, exclusive: { type: "boolean" } });

const questionBase = {
  id,
  type: { type: "string" },
  label: text,
  help: text,
  required: { type: "boolean" },
  values: valueList,
  when: condition,
  prefill_from: strict(["instrument", "question"], { instrument: { type: "string", pattern: "^[a-z][a-z0-9-]*$" }, question: id }),
} as const;

function questionVariant(type: string | string[], extra: Record<string, unknown>, required: string[] = []) {
  return strict(["id", "type", "label", ...required], { ...questionBase, type: Array.isArray(type) ? { enum: type } : { const: type }, ...extra });
}

// The legal rules of a classification instrument (the AI Act): the provisions
// with the dates from which they apply, the rules that read the answers, the
// duties that follow, and the answer combinations that contradict each other.
const lawBlock = strict(["title", "version", "provisions", "rules", "duties"], {
  title: text,
  version: { type: "string", minLength: 1 },
  provisions: listOf(
    strict(["id", "article", "applies_from", "status", "label"], {
      id,
      article: { type: "string", minLength: 1 },
      label: text,
      applies_from: isoDate,
      previously_from: isoDate,
      status: { enum: ["confirmed", "reported", "unclear"] },
      note: text,
    }),
    1,
  ),
  rules: listOf(
    strict(["id", "effect", "when"], {
      id,
      effect: { enum: LAW_RULE_EFFECTS },
      when: condition,
      provision: id,
      article: { type: "string", minLength: 1 },
      annex_point: { type: "string", pattern: "^[1-8](\\([a-e]\\))?$" },
      role: { enum: ["provider", "deployer"] },
      label: text,
    }),
    1,
  ),
  duties: listOf(strict(["id", "provision", "article", "label"], { id: { enum: LAW_DUTIES }, provision: id, article: { type: "string", minLength: 1 }, label: text }), 1),
  contradictions: listOf(
    strict(["id", "when", "questions", "message"], { id, when: condition, questions: { type: "array", minItems: 1, items: id, uniqueItems: true }, message: text }),
  ),
});

const numberComparison = {
  equals: { type: "number" },
  gt: { type: "number" },
  gte: { type: "number" },
  lt: { type: "number" },
  lte: { type: "number" },
} as const;

/** A condition with one key and one comparison beside it, e.g. {count: edpb, gte: 2}. */
function comparison(key: string, properties: Record<string, unknown>) {
  return { type: "object", required: [key], minProperties: 2, maxProperties: 2, additionalProperties: false, properties } as const;
}

const sourceSchema = strict(["title", "author"], {
  title: { type: "string", minLength: 1 },
  author: { type: "string", minLength: 1 },
  year: { type: "string" },
  url: { type: "string" },
  licence: { type: "string" },
  note: text,
});

const sectionSchema = strict(["id", "title", "questions"], {
  id,
  title: text,
  intro: text,
  group: id,
  values: valueList,
  when: condition,
  questions: listOf({ $ref: "#/$defs/question" }, 1),
});

const outcomesSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    criteria: listOf(strict(["id", "label", "when", "explanation"], { id, group: id, label: text, when: condition, explanation: text })),
    scores: listOf(
      strict(["id", "label", "weighted_sum"], {
        id,
        label: text,
        explanation: text,
        threshold: { type: "number" },
        weighted_sum: listOf(strict(["question", "weight"], { question: id, weight: { type: "number" } }), 1),
      }),
    ),
    decisions: listOf(
      strict(["id", "label", "results", "default", "default_explanation", "rules"], {
        id,
        label: text,
        results: listOf(strict(["value", "label"], { value: id, label: text }), 1),
        default: id,
        default_explanation: text,
        rules: listOf(strict(["id", "result", "when", "explanation"], { id, result: id, when: condition, explanation: text })),
      }),
    ),
    signals: listOf(strict(["id", "label", "when", "explanation"], { id, label: text, when: condition, explanation: text })),
  },
} as const;

const tableColumn = strict(["id", "label", "type"], {
  id,
  label: text,
  help: text,
  type: { enum: ["text", "long_text", "number", "date", "yes_no", "single_choice"] },
  options: listOf(option, 2),
  required: { type: "boolean" },
});

const questionSchema = {
  type: "object",
  required: ["type"],
  discriminator: { propertyName: "type" },
  oneOf: [
    questionVariant("text", { max_length: { type: "integer", minimum: 1 } }),
    questionVariant("long_text", { max_length: { type: "integer", minimum: 1 } }),
    questionVariant("single_choice", { options: listOf(option, 2) }, ["options"]),
    questionVariant("multiple_choice", { options: listOf(option, 2), max_choices: { type: "integer", minimum: 1 } }, ["options"]),
    questionVariant("scale", { min: integer, max: integer, labels: listOf(strict(["value", "label"], { value: integer, label: text })) }, ["min", "max"]),
    questionVariant("yes_no_explain", { explanation_required_when: { enum: ["yes", "no", "always"] }, explanation_label: text }),
    questionVariant(
      "table",
      {
        columns: listOf(tableColumn, 1),
        rows: listOf(strict(["id", "label"], { id, label: text }), 1),
        min_rows: { type: "integer", minimum: 0 },
        max_rows: { type: "integer", minimum: 1 },
      },
      ["columns"],
    ),
    questionVariant("value_tags", {}),
  ],
} as const;

const conditionSchema = {
  description:
    "must be a condition: {question, equals|not_equals|in|includes|answered|gt|gte|lt|lte}, {criterion}, {count, <comparison>}, {score, <comparison>|above_threshold}, {all: [...]}, {any: [...]} or {not: ...}",
  anyOf: [
    strict(["all"], { all: listOf(condition, 1) }),
    strict(["any"], { any: listOf(condition, 1) }),
    strict(["not"], { not: condition }),
    comparison("question", {
      question: id,
      ...numberComparison,
      equals: scalar,
      not_equals: scalar,
      in: listOf(scalar, 1),
      includes: { type: "string" },
      answered: { type: "boolean" },
    }),
    strict(["criterion"], { criterion: id }),
    comparison("count", { count: id, ...numberComparison }),
    comparison("score", { score: id, above_threshold: { type: "boolean" }, ...numberComparison }),
  ],
} as const;

export const instrumentSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://afweging.example/schemas/instrument.json",
  title: "Afweging instrument",
  type: "object",
  required: ["id", "version", "kind", "title", "licence", "attribution", "sources", "sections"],
  additionalProperties: false,
  properties: {
    id: { type: "string", pattern: "^[a-z][a-z0-9-]*$" },
    version: { type: "string", pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$" },
    kind: { enum: INSTRUMENT_KINDS },
    title: text,
    intro: text,
    licence: strict(["id"], { id: { type: "string", minLength: 1 }, url: { type: "string" }, note: text }),
    attribution: text,
    sources: listOf(sourceSchema, 1),
    groups: listOf(strict(["id", "title"], { id, title: text, intro: text })),
    sections: listOf(sectionSchema, 1),
    outcomes: outcomesSchema,
    law: { $ref: "#/$defs/law" },
  },
  $defs: { localText, law: lawBlock, question: questionSchema, condition: conditionSchema },
} as const;
