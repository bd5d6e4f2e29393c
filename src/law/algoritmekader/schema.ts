// JSON Schema (draft 2020-12) for law/algoritmekader/<version>.yaml. It checks
// shape; references (laws, evidence links, served requirements) and counts are
// checked in cross-check.ts.
import { localText } from "../../instruments/schema.ts";
import { ADDITIONS, AI_ACT_ROLES, APPLICATION_TYPES, EVIDENCE_FACTS, PHASE_IDS, RISK_GROUPS, TRIGGERS } from "./types.ts";

const id = { type: "string", pattern: "^[a-z][a-z0-9_]*$" } as const;
const phases = { type: "array", minItems: 1, uniqueItems: true, items: { enum: PHASE_IDS } } as const;
const set = (values: readonly string[]) => ({ type: "array", minItems: 1, uniqueItems: true, items: { enum: values } }) as const;
export const REQUIREMENT_ID = "^urn:nl:ak:ver:(aia|arc|aut|avg|awb|bio|bzk|dat|grw|woo)-\\d{2}$";
export const MEASURE_ID = "^urn:nl:ak:mtr:(org|pba|owp|dat|owk|ver|imp|mon|uit)-\\d{2}$";
const requirementRef = { type: "string", pattern: REQUIREMENT_ID } as const;

export const frameworkSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://afweging.example/schemas/algoritmekader.json",
  title: "Algoritmekader requirements and measures",
  type: "object",
  required: ["id", "version", "title", "source", "licence", "counts", "phases", "laws", "evidence_links", "requirements", "measures"],
  additionalProperties: false,
  properties: {
    id: { const: "algoritmekader" },
    version: { type: "string", pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$" },
    title: { $ref: "#/$defs/localText" },
    source: {
      type: "object",
      required: ["repository", "tag", "commit", "date"],
      additionalProperties: false,
      properties: {
        repository: { type: "string", minLength: 1 },
        tag: { type: "string", minLength: 1 },
        commit: { type: "string", pattern: "^[0-9a-f]{7,40}$" },
        date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
        note: { $ref: "#/$defs/localText" },
      },
    },
    licence: {
      type: "object",
      required: ["id"],
      additionalProperties: false,
      properties: { id: { type: "string", minLength: 1 }, note: { $ref: "#/$defs/localText" } },
    },
    counts: {
      type: "object",
      required: ["requirements", "measures"],
      additionalProperties: false,
      properties: { requirements: { type: "integer", minimum: 1 }, measures: { type: "integer", minimum: 0 } },
    },
    phases: {
      type: "array",
      minItems: PHASE_IDS.length,
      maxItems: PHASE_IDS.length,
      items: {
        type: "object",
        required: ["id", "number", "title"],
        additionalProperties: false,
        properties: { id: { enum: PHASE_IDS }, number: { type: "integer", minimum: 0, maximum: 8 }, title: { $ref: "#/$defs/localText" } },
      },
    },
    laws: {
      type: "array",
      minItems: 1,
      items: { type: "object", required: ["id", "title"], additionalProperties: false, properties: { id, title: { $ref: "#/$defs/localText" } } },
    },
    evidence_links: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "label", "when"],
        additionalProperties: false,
        properties: { id, label: { $ref: "#/$defs/localText" }, when: { $ref: "#/$defs/evidenceCondition" } },
      },
    },
    requirements: { type: "array", minItems: 1, items: { $ref: "#/$defs/requirement" } },
    measures: { type: "array", items: { $ref: "#/$defs/measure" } },
  },
  $defs: {
    localText,
    requirement: {
      type: "object",
      required: ["id", "title", "sources", "phases", "applies"],
      additionalProperties: false,
      properties: {
        id: requirementRef,
        title: { $ref: "#/$defs/localText" },
        sources: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            required: ["law"],
            additionalProperties: false,
            properties: { law: id, articles: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } } },
          },
        },
        phases,
        applies: {
          type: "object",
          minProperties: 1,
          additionalProperties: false,
          properties: {
            always: { const: true },
            when: set(TRIGGERS),
            ai_act: {
              type: "object",
              minProperties: 1,
              additionalProperties: false,
              properties: {
                "soort-toepassing": set(APPLICATION_TYPES),
                risicogroep: set(RISK_GROUPS),
                "rol-ai-act": set(AI_ACT_ROLES),
                transparantieverplichting: set(["transparantieverplichting"]),
                systeemrisico: set(["systeemrisico"]),
              },
            },
            uitzondering: set(["risicogroep-uitzondering-van-toepassing"]),
            open_source_exception: { const: true },
            also_when: set(ADDITIONS),
          },
        },
        evidence: { type: "array", minItems: 1, uniqueItems: true, items: id },
        note: { $ref: "#/$defs/localText" },
      },
    },
    measure: {
      description: "must name the requirements it serves: serves or serves_all_except, not both",
      type: "object",
      required: ["id", "title", "phases"],
      additionalProperties: false,
      properties: {
        id: { type: "string", pattern: MEASURE_ID },
        title: { $ref: "#/$defs/localText" },
        phases,
        serves: { type: "array", uniqueItems: true, items: requirementRef },
        serves_all_except: { type: "array", minItems: 1, uniqueItems: true, items: requirementRef },
      },
      oneOf: [{ required: ["serves"] }, { required: ["serves_all_except"] }],
    },
    evidenceCondition: {
      description: "must be an evidence condition: {fact, equals|in|gte}, {all: [...]}, {any: [...]} or {not: ...}",
      anyOf: [
        { type: "object", required: ["all"], additionalProperties: false, properties: { all: { type: "array", minItems: 1, items: { $ref: "#/$defs/evidenceCondition" } } } },
        { type: "object", required: ["any"], additionalProperties: false, properties: { any: { type: "array", minItems: 1, items: { $ref: "#/$defs/evidenceCondition" } } } },
        { type: "object", required: ["not"], additionalProperties: false, properties: { not: { $ref: "#/$defs/evidenceCondition" } } },
        {
          type: "object",
          required: ["fact"],
          minProperties: 2,
          maxProperties: 2,
          additionalProperties: false,
          properties: {
            fact: { enum: Object.keys(EVIDENCE_FACTS) },
            equals: { type: ["string", "boolean", "number"] },
            in: { type: "array", minItems: 1, items: { type: ["string", "number"] } },
            gte: { type: "number" },
          },
        },
      ],
    },
  },
} as const;
