// Values generated from a JSON Schema of the OpenAPI document (schema-aware
// generation): they keep to the schema's types, enums, lengths and ranges, so a
// request gets past the edge and the schema and reaches the use case, with
// hostile content where the schema leaves room (HTML, SQL, quotes, the longest
// text allowed, ids of real and of unknown records).
import fc from "fast-check";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
}

const HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "'; drop table users; --", "Robert'); --", "../../etc/passwd", "%00", "😀😀😀", "ééé", "  ", "2026-02-30"];

export interface SchemaContext {
  components: Record<string, JsonSchema>;
  /** Ids of real records, offered for fields whose name ends in "Id" or "Ids". */
  ids: string[];
}

function fit(s: string, min: number, max: number): string {
  const cut = [...s].slice(0, max).join("");
  return cut.length >= min ? cut : cut + "x".repeat(min - cut.length);
}

function text(s: JsonSchema, name: string, ctx: SchemaContext): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 200, 20_000);
  if (s.format === "date") return fc.oneof(fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constant("2026-02-30"));
  if (s.format === "email") return fc.constantFrom("iemand@voorbeeld.nl", "a@b.nl", "<x>@voorbeeld.nl");
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
    } catch {
      // a pattern JavaScript cannot read: fall through to plain text
    }
  }
  const printable = fc.string({ maxLength: Math.min(max, 60) }).map((v) => fit(v.replace(/[\u0000-\u001f\u007f]/g, ""), min, max));
  const options: fc.Arbitrary<string>[] = [printable, fc.constantFrom(...HOSTILE).map((v) => fit(v, min, max)), fc.constant(fit("x".repeat(max), min, max))];
  if (/Ids?$/.test(name) && ctx.ids.length) options.push(fc.constantFrom(...ctx.ids));
  return fc.oneof(...options);
}

function number(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000);
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
}

/** An arbitrary of values valid for the schema (as far as a schema can say). */
export function fromSchema(s: JsonSchema, ctx: SchemaContext, name = "", depth = 0): fc.Arbitrary<unknown> {
  if (s.$ref) return fromSchema(ctx.components[s.$ref.replace("#/components/schemas/", "")] ?? {}, ctx, name, depth);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromSchema(a, ctx, name, depth)));
  if (s.allOf?.length) return fromSchema(s.allOf[0]!, ctx, name, depth);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => fromSchema({ ...s, type }, ctx, name, depth)));
  const value = ((): fc.Arbitrary<unknown> => {
    switch (types[0]) {
      case "string":
        return text(s, name, ctx);
      case "integer":
        return number(s, true);
      case "number":
        return number(s, false);
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "array":
        return fc.array(depth > 4 ? fc.constant(null) : fromSchema(s.items ?? {}, ctx, name, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
      case "object": {
        const props = s.properties ?? {};
        return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, depth > 4 ? fc.constant(null) : fromSchema(v, ctx, k, depth + 1)])), { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return s.nullable ? fc.option(value, { nil: null }) : value;
}
