// Runs the JSON Schema and turns ajv's first error into one sentence an author
// can act on: the path in the file and what is wrong there.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { instrumentSchema } from "./schema.ts";
import { QUESTION_TYPES } from "./types.ts";
import type { DataPath } from "./source-map.ts";

export interface FileIssue {
  path: DataPath;
  reason: string;
  pointAtKey?: boolean;
}

const ajv = new Ajv2020({ allErrors: false, verbose: true, discriminator: true, strict: false });
const validate = ajv.compile(instrumentSchema);

/** Compiles another data file's schema with the same settings, for use with `schemaIssue`. */
export function compileSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}

export function checkSchema(value: unknown): FileIssue | null {
  return schemaIssue(validate, value, "does not match the instrument schema");
}

/** The first problem ajv finds, as a path and a sentence; null when the value is valid. */
export function schemaIssue(check: ValidateFunction, value: unknown, fallback: string): FileIssue | null {
  if (check(value)) return null;
  const errors = check.errors ?? [];
  const combinator = errors
    .filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf")
    .sort((a, b) => a.instancePath.length - b.instancePath.length)[0];
  const chosen = combinator ?? errors[0];
  return chosen ? describe(chosen) : { path: [], reason: fallback };
}

function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject): FileIssue {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path, reason: `must have property '${String(params.missingProperty)}'` };
    case "additionalProperties":
      return {
        path: [...path, String(params.additionalProperty)],
        reason: "is not a known property",
        pointAtKey: true,
      };
    case "enum":
      return { path, reason: `must be one of ${(params.allowedValues as unknown[]).join(", ")}` };
    case "const":
      return { path, reason: `must be ${String(params.allowedValue)}` };
    case "discriminator":
      return { path: [...path, String(params.tag)], reason: `must be one of ${QUESTION_TYPES.join(", ")}` };
    case "anyOf":
    case "oneOf": {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return { path, reason: description ?? "does not match any allowed form" };
    }
    case "pattern":
      return { path, reason: `${JSON.stringify(error.data)} must match ${String(params.pattern)}` };
    default:
      return { path, reason: error.message ?? "is not valid" };
  }
}
