// JSON Schema (draft 2020-12) for instrument files. It checks shape only;
// references between parts of a file are checked in cross-check.ts, where the
// messages can name what is missing.
import { INSTRUMENT_KINDS, LAW_DUTIES, LAW_RULE_EFFECTS } from "./types.ts";

const id = { type: "string", pattern: "^[a-z][a-z0-9_]*$" } as const;
/** A text in Dutch and English; shared with the other data files' schemas. */
export const localText = {
  type: "object",
  required: ["nl", "en"],
  additionalProperties: false,
  properties: { nl: { type: "string", minLength: 1 }, en: { type: "string", minLength: 1 } },
} as const;
const valueList = { type: "array", items: { type: "string", pattern: "^[a-z][a-z0-9_]*$" }, uniqueItems: true } as const;
const scalar = { type: ["string", "number", "boolean"] } as const;
const isoDate = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } as const;

const option = {
  type: "object",
  required: ["value", "label"],
  additionalProperties: false,
  properties: {
    value: id,
    label: { $ref: "#/$defs/localText" },
    help: { $ref: "#/$defs/localText" },
    exclusive: { type: "boolean" },
  },
} as const;

const questionBase = {
  id,
  type: { type: "string" },
  label: { $ref: "#/$defs/localText" },
  help: { $ref: "#/$defs/localText" },
  required: { type: "boolean" },
  values: valueList,
  when: { $ref: "#/$defs/condition" },
  prefill_from: {
    type: "object",
    required: ["instrument", "question"],
    additionalProperties: false,
    properties: { instrument: { type: "string", pattern: "^[a-z][a-z0-9-]*$" }, question: id },
  },
} as const;

function questionVariant(type: string | string[], extra: Record<string, unknown>, required: string[] = []) {
  return {
    type: "object",
    required: ["id", "type", "label", ...required],
    additionalProperties: false,
    properties: {
      ...questionBase,
      type: Array.isArray(type) ? { enum: type } : { const: type },
      ...extra,
    },
  };
}

// The legal rules of a classification instrument (the AI Act): the provisions
// with the dates from which they apply, the rules that read the answers, the
// duties that follow, and the answer combinations that contradict each other.
const lawBlock = {
  type: "object",
  required: ["title", "version", "provisions", "rules", "duties"],
  additionalProperties: false,
  properties: {
    title: { $ref: "#/$defs/localText" },
    version: { type: "string", minLength: 1 },
    provisions: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["id", "article", "applies_from", "status", "label"],
        additionalProperties: false,
        properties: {
          id,
          article: { type: "string", minLength: 1 },
          label: { $ref: "#/$defs/localText" },
          applies_from: isoDate,
          previously_from: isoDate,
          status: { enum: ["confirmed", "reported", "unclear"] },
          note: { $ref: "#/$defs/localText" },
        },
      },
    },
    rules: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["id", "effect", "when"],
        additionalProperties: false,
        properties: {
          id,
          effect: { enum: LAW_RULE_EFFECTS },
          when: { $ref: "#/$defs/condition" },
          provision: id,
          article: { type: "string", minLength: 1 },
          annex_point: { type: "string", pattern: "^[1-8](\\([a-e]\\))?$" },
          role: { enum: ["provider", "deployer"] },
          label: { $ref: "#/$defs/localText" },
        },
      },
    },
    duties: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["id", "provision", "article", "label"],
        additionalProperties: false,
        properties: {
          id: { enum: LAW_DUTIES },
          provision: id,
          article: { type: "string", minLength: 1 },
          label: { $ref: "#/$defs/localText" },
        },
      },
    },
    contradictions: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "when", "questions", "message"],
        additionalProperties: false,
        properties: {
          id,
          when: { $ref: "#/$defs/condition" },
          questions: { type: "array", minItems: 1, items: id, uniqueItems: true },
          message: { $ref: "#/$defs/localText" },
        },
      },
    },
  },
} as const;

const numberComparison = {
  equals: { type: "number" },
  gt: { type: "number" },
  gte: { type: "number" },
  lt: { type: "number" },
  lte: { type: "number" },
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
    title: { $ref: "#/$defs/localText" },
    intro: { $ref: "#/$defs/localText" },
    licence: {
      type: "object",
      required: ["id"],
      additionalProperties: false,
      properties: { id: { type: "string", minLength: 1 }, url: { type: "string" }, note: { $ref: "#/$defs/localText" } },
    },
    attribution: { $ref: "#/$defs/localText" },
    sources: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["title", "author"],
        additionalProperties: false,
        properties: {
          title: { type: "string", minLength: 1 },
          author: { type: "string", minLength: 1 },
          year: { type: "string" },
          url: { type: "string" },
          licence: { type: "string" },
          note: { $ref: "#/$defs/localText" },
        },
      },
    },
    groups: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "title"],
        additionalProperties: false,
        properties: { id, title: { $ref: "#/$defs/localText" }, intro: { $ref: "#/$defs/localText" } },
      },
    },
    sections: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["id", "title", "questions"],
        additionalProperties: false,
        properties: {
          id,
          title: { $ref: "#/$defs/localText" },
          intro: { $ref: "#/$defs/localText" },
          group: id,
          values: valueList,
          when: { $ref: "#/$defs/condition" },
          questions: { type: "array", minItems: 1, items: { $ref: "#/$defs/question" } },
        },
      },
    },
    outcomes: {
      type: "object",
      additionalProperties: false,
      properties: {
        criteria: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "label", "when", "explanation"],
            additionalProperties: false,
            properties: {
              id,
              group: id,
              label: { $ref: "#/$defs/localText" },
              when: { $ref: "#/$defs/condition" },
              explanation: { $ref: "#/$defs/localText" },
            },
          },
        },
        scores: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "label", "weighted_sum"],
            additionalProperties: false,
            properties: {
              id,
              label: { $ref: "#/$defs/localText" },
              explanation: { $ref: "#/$defs/localText" },
              threshold: { type: "number" },
              weighted_sum: {
                type: "array",
                minItems: 1,
                items: {
                  type: "object",
                  required: ["question", "weight"],
                  additionalProperties: false,
                  properties: { question: id, weight: { type: "number" } },
                },
              },
            },
          },
        },
        decisions: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "label", "results", "default", "default_explanation", "rules"],
            additionalProperties: false,
            properties: {
              id,
              label: { $ref: "#/$defs/localText" },
              results: {
                type: "array",
                minItems: 1,
                items: {
                  type: "object",
                  required: ["value", "label"],
                  additionalProperties: false,
                  properties: { value: id, label: { $ref: "#/$defs/localText" } },
                },
              },
              default: id,
              default_explanation: { $ref: "#/$defs/localText" },
              rules: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "result", "when", "explanation"],
                  additionalProperties: false,
                  properties: {
                    id,
                    result: id,
                    when: { $ref: "#/$defs/condition" },
                    explanation: { $ref: "#/$defs/localText" },
                  },
                },
              },
            },
          },
        },
        signals: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "label", "when", "explanation"],
            additionalProperties: false,
            properties: {
              id,
              label: { $ref: "#/$defs/localText" },
              when: { $ref: "#/$defs/condition" },
              explanation: { $ref: "#/$defs/localText" },
            },
          },
        },
      },
    },
    law: { $ref: "#/$defs/law" },
  },
  $defs: {
    localText,
    law: lawBlock,
    question: {
      type: "object",
      required: ["type"],
      discriminator: { propertyName: "type" },
      oneOf: [
        questionVariant("text", { max_length: { type: "integer", minimum: 1 } }),
        questionVariant("long_text", { max_length: { type: "integer", minimum: 1 } }),
        questionVariant("single_choice", { options: { type: "array", minItems: 2, items: option } }, ["options"]),
        questionVariant(
          "multiple_choice",
          { options: { type: "array", minItems: 2, items: option }, max_choices: { type: "integer", minimum: 1 } },
          ["options"],
        ),
        questionVariant(
          "scale",
          {
            min: { type: "integer" },
            max: { type: "integer" },
            labels: {
              type: "array",
              items: {
                type: "object",
                required: ["value", "label"],
                additionalProperties: false,
                properties: { value: { type: "integer" }, label: { $ref: "#/$defs/localText" } },
              },
            },
          },
          ["min", "max"],
        ),
        questionVariant("yes_no_explain", {
          explanation_required_when: { enum: ["yes", "no", "always"] },
          explanation_label: { $ref: "#/$defs/localText" },
        }),
        questionVariant(
          "table",
          {
            columns: {
              type: "array",
              minItems: 1,
              items: {
                type: "object",
                required: ["id", "label", "type"],
                additionalProperties: false,
                properties: {
                  id,
                  label: { $ref: "#/$defs/localText" },
                  help: { $ref: "#/$defs/localText" },
                  type: { enum: ["text", "long_text", "number", "date", "yes_no", "single_choice"] },
                  options: { type: "array", minItems: 2, items: option },
                  required: { type: "boolean" },
                },
              },
            },
            rows: {
              type: "array",
              minItems: 1,
              items: {
                type: "object",
                required: ["id", "label"],
                additionalProperties: false,
                properties: { id, label: { $ref: "#/$defs/localText" } },
              },
            },
            min_rows: { type: "integer", minimum: 0 },
            max_rows: { type: "integer", minimum: 1 },
          },
          ["columns"],
        ),
        questionVariant("value_tags", {}),
      ],
    },
    condition: {
      description:
        "must be a condition: {question, equals|not_equals|in|includes|answered|gt|gte|lt|lte}, {criterion}, {count, <comparison>}, {score, <comparison>|above_threshold}, {all: [...]}, {any: [...]} or {not: ...}",
      anyOf: [
        {
          type: "object",
          required: ["all"],
          additionalProperties: false,
          properties: { all: { type: "array", minItems: 1, items: { $ref: "#/$defs/condition" } } },
        },
        {
          type: "object",
          required: ["any"],
          additionalProperties: false,
          properties: { any: { type: "array", minItems: 1, items: { $ref: "#/$defs/condition" } } },
        },
        {
          type: "object",
          required: ["not"],
          additionalProperties: false,
          properties: { not: { $ref: "#/$defs/condition" } },
        },
        {
          type: "object",
          required: ["question"],
          minProperties: 2,
          maxProperties: 2,
          additionalProperties: false,
          properties: {
            question: id,
            ...numberComparison,
            equals: scalar,
            not_equals: scalar,
            in: { type: "array", minItems: 1, items: scalar },
            includes: { type: "string" },
            answered: { type: "boolean" },
          },
        },
        { type: "object", required: ["criterion"], additionalProperties: false, properties: { criterion: id } },
        {
          type: "object",
          required: ["count"],
          minProperties: 2,
          maxProperties: 2,
          additionalProperties: false,
          properties: { count: id, ...numberComparison },
        },
        {
          type: "object",
          required: ["score"],
          minProperties: 2,
          maxProperties: 2,
          additionalProperties: false,
          properties: { score: id, above_threshold: { type: "boolean" }, ...numberComparison },
        },
      ],
    },
  },
} as const;
