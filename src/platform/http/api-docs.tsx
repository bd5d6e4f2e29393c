import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { isMessageKey, type Translate } from "../i18n/index.ts";
import { Cell, Heading1, Heading2, Link, Paragraph, Row, Table } from "../../ui/components.tsx";
import type { AppEnv } from "./env.ts";
import { renderPage } from "./render.tsx";

/**
 * Browsable documentation of /api/v1, rendered on the server from the same
 * OpenAPI document the API serves: no scripts of its own or of anyone else,
 * so it lives under the strict Content-Security-Policy and works without
 * JavaScript. An index of the API's parts, and a page per part with each
 * operation, its parameters, its request body's fields with their limits,
 * and its answers.
 */

type Json = Record<string, unknown>;
export interface OpenApiDoc {
  paths?: Record<string, Record<string, Json>>;
  components?: { schemas?: Record<string, Json> };
}
interface Operation {
  method: string;
  path: string;
  tag: string;
  op: Json;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const PUBLIC_PATH = /^\/(public\/|openapi\.json$)/;
const MAX_DEPTH = 4;

/** A part's name in the reader's language where the catalogue has one, else the tag itself. */
function partName(tag: string, t: Translate): string {
  const key = `apidocs.tag.${tagSlug(tag)}`;
  return isMessageKey(key) ? t(key) : tag;
}

/** A tag as it may appear in a path segment: letters, digits and dashes. */
export function tagSlug(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tags = Array.isArray(op.tags) && op.tags.length ? (op.tags as string[]) : ["api"];
      out.push({ method, path, tag: tags[0]!, op });
    }
  }
  return out;
}

function resolve(doc: OpenApiDoc, schema: Json | undefined, depth = 0): Json {
  if (!schema) return {};
  const ref = schema.$ref;
  if (typeof ref === "string" && depth < MAX_DEPTH) {
    const name = ref.replace("#/components/schemas/", "");
    return resolve(doc, doc.components?.schemas?.[name], depth + 1);
  }
  return schema;
}

/** What kind of value a schema takes, in words. */
function kindOf(doc: OpenApiDoc, raw: Json, t: Translate, depth = 0): string {
  const s = resolve(doc, raw);
  const variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (variants) {
    const kinds = variants.filter((v) => resolve(doc, v).type !== "null").map((v) => kindOf(doc, v, t, depth + 1));
    return [...new Set(kinds)].join(t("apidocs.or"));
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).find((x) => x !== "null") : (s.type as string | undefined);
  if (Array.isArray(s.enum)) return t("apidocs.kind.enum");
  if (type === "array") return depth < MAX_DEPTH ? t("apidocs.kind.array", { of: kindOf(doc, (s.items ?? {}) as Json, t, depth + 1) }) : t("apidocs.kind.array_plain");
  if (type === "string" && s.format === "date") return t("apidocs.kind.date");
  if (type === "string" && s.format === "date-time") return t("apidocs.kind.datetime");
  if (type === "string" && s.format === "email") return t("apidocs.kind.email");
  if (type === "string" && s.format === "uri") return t("apidocs.kind.uri");
  switch (type) {
    case "string":
      return t("apidocs.kind.string");
    case "integer":
      return t("apidocs.kind.integer");
    case "number":
      return t("apidocs.kind.number");
    case "boolean":
      return t("apidocs.kind.boolean");
    case "object":
      return t("apidocs.kind.object");
    default:
      return t("apidocs.kind.any");
  }
}

/** Limits of a value (lengths, bounds, enum values), as short phrases. */
function limitsOf(doc: OpenApiDoc, raw: Json, t: Translate): Child[] {
  const s = resolve(doc, raw);
  const variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (variants) return variants.flatMap((v) => limitsOf(doc, v, t));
  const out: Child[] = [];
  const n = (k: string) => (typeof s[k] === "number" ? (s[k] as number) : undefined);
  if (n("minLength") !== undefined && n("minLength")! > 1) out.push(t("apidocs.limit.min_length", { n: n("minLength")! }));
  if (n("maxLength") !== undefined) out.push(t("apidocs.limit.max_length", { n: n("maxLength")! }));
  if (n("minimum") !== undefined) out.push(t("apidocs.limit.minimum", { n: n("minimum")! }));
  if (n("maximum") !== undefined) out.push(t("apidocs.limit.maximum", { n: n("maximum")! }));
  if (n("minItems") !== undefined && n("minItems")! > 0) out.push(t("apidocs.limit.min_items", { n: n("minItems")! }));
  if (n("maxItems") !== undefined) out.push(t("apidocs.limit.max_items", { n: n("maxItems")! }));
  if (Array.isArray(s.enum)) {
    out.push(
      <>
        {t("apidocs.limit.one_of")}{" "}
        {(s.enum as unknown[]).map((v, i) => (
          <>
            {i ? ", " : ""}
            <code>{String(v)}</code>
          </>
        ))}
      </>,
    );
  }
  if (s.type === "array" && s.items) out.push(...limitsOf(doc, s.items as Json, t));
  return out;
}

interface FieldRow {
  name: string;
  kind: string;
  required: boolean;
  limits: Child[];
}

/** The fields of an object schema, nested objects as dotted names. */
function fieldsOf(doc: OpenApiDoc, raw: Json | undefined, t: Translate, prefix = "", depth = 0): FieldRow[] {
  const s = resolve(doc, raw);
  const props = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required ?? []) as string[]);
  const rows: FieldRow[] = [];
  for (const [name, prop] of Object.entries(props)) {
    const full = prefix + name;
    const p = resolve(doc, prop);
    rows.push({ name: full, kind: kindOf(doc, prop, t), required: required.has(name), limits: limitsOf(doc, prop, t) });
    if (p.type === "object" && p.properties && depth < MAX_DEPTH) rows.push(...fieldsOf(doc, p, t, `${full}.`, depth + 1));
    const items = p.type === "array" ? resolve(doc, p.items as Json) : undefined;
    if (items?.type === "object" && items.properties && depth < MAX_DEPTH) rows.push(...fieldsOf(doc, items, t, `${full}[].`, depth + 1));
  }
  return rows;
}

/** Fields as a list rather than a table: names and limits stay readable at 390 px. */
function FieldList({ heading, rows, t }: { heading: string; rows: (FieldRow & { where?: string })[]; t: Translate }) {
  return (
    <>
      <h3 class="utrecht-heading-4">{heading}</h3>
      <dl class="afw-apidocs__fields">
        {rows.map((r) => (
          <>
            <dt><code>{r.name}</code></dt>
            <dd>
              {[r.kind, r.required ? t("apidocs.required") : t("apidocs.optional"), ...(r.where ? [r.where] : [])].join(" · ")}
              {r.limits.map((l) => <> · {l}</>)}
            </dd>
          </>
        ))}
      </dl>
    </>
  );
}

function operationId(o: Operation): string {
  return `${o.method}-${o.path}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/-$/, "");
}

function OperationSection({ doc, o, t }: { doc: OpenApiDoc; o: Operation; t: Translate }) {
  const id = operationId(o);
  const params = ((o.op.parameters ?? []) as Json[]).map((p) => resolve(doc, p));
  const bodySchema = (((o.op.requestBody as Json | undefined)?.content as Json | undefined)?.["application/json"] as Json | undefined)?.schema as Json | undefined;
  const bodyRows = bodySchema ? fieldsOf(doc, bodySchema, t) : [];
  const responses = Object.entries((o.op.responses ?? {}) as Record<string, Json>);
  return (
    <section class="afw-section afw-apidocs__op" aria-labelledby={id}>
      <h2 class="utrecht-heading-3" id={id}>
        <span class="afw-apidocs__method">{o.method.toUpperCase()}</span> <code>/api/v1{o.path}</code>
      </h2>
      {/* Summaries are written in English in the route declarations. */}
      {typeof o.op.summary === "string" ? <p class="utrecht-paragraph" lang="en">{o.op.summary}</p> : null}
      <Paragraph>{PUBLIC_PATH.test(o.path) ? t("apidocs.access.public") : t("apidocs.access.login")}</Paragraph>
      {params.length ? (
        <FieldList
          heading={t("apidocs.parameters")}
          t={t}
          rows={params.map((p) => ({
            name: String(p.name),
            kind: kindOf(doc, (p.schema ?? {}) as Json, t),
            required: !!p.required,
            limits: limitsOf(doc, (p.schema ?? {}) as Json, t),
            where: p.in === "path" ? t("apidocs.in.path") : p.in === "query" ? t("apidocs.in.query") : String(p.in),
          }))}
        />
      ) : null}
      {bodySchema ? (
        bodyRows.length ? <FieldList heading={t("apidocs.body")} rows={bodyRows} t={t} /> : <Paragraph>{t("apidocs.body_kind", { kind: kindOf(doc, bodySchema, t) })}</Paragraph>
      ) : null}
      <h3 class="utrecht-heading-4">{t("apidocs.responses")}</h3>
      <ul class="utrecht-unordered-list afw-apidocs__responses">
        {responses.map(([code, r]) => (
          <li class="utrecht-unordered-list__item">
            <code>{code}</code> <span lang="en">{typeof r.description === "string" ? r.description : ""}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function IndexView({ doc, t }: { doc: OpenApiDoc; t: Translate }) {
  const ops = operationsOf(doc);
  const tags = [...new Set(ops.map((o) => o.tag))].sort((a, b) => partName(a, t).localeCompare(partName(b, t)));
  return (
    <>
      <Heading1>{t("apidocs.title")}</Heading1>
      <Paragraph lead>{t("apidocs.lead")}</Paragraph>
      <Heading2>{t("apidocs.how.title")}</Heading2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">{t("apidocs.how.public")}</li>
        <li class="utrecht-unordered-list__item">{t("apidocs.how.tokens")}</li>
        <li class="utrecht-unordered-list__item">{t("apidocs.how.session")}</li>
        <li class="utrecht-unordered-list__item">{t("apidocs.how.errors")}</li>
        <li class="utrecht-unordered-list__item">
          {t("apidocs.how.document")} <Link href="/api/v1/openapi.json">{t("apidocs.how.document_link")}</Link>
        </li>
      </ul>
      <Heading2>{t("apidocs.parts")}</Heading2>
      <Table caption={t("apidocs.parts")} captionHidden headers={[t("apidocs.col.part"), t("apidocs.col.count")]}>
        {tags.map((tag) => (
          <Row>
            <Cell><Link href={`/api/docs/${tagSlug(tag)}`}>{partName(tag, t)}</Link></Cell>
            <Cell numeric>{ops.filter((o) => o.tag === tag).length}</Cell>
          </Row>
        ))}
      </Table>
    </>
  );
}

function TagView({ doc, tag, t }: { doc: OpenApiDoc; tag: string; t: Translate }) {
  const ops = operationsOf(doc).filter((o) => o.tag === tag);
  return (
    <>
      <Paragraph>
        <Link href="/api/docs">{t("apidocs.back")}</Link>
      </Paragraph>
      <Heading1>{t("apidocs.part_title", { part: partName(tag, t) })}</Heading1>
      <Paragraph lead>{t("apidocs.part_lead", { count: ops.length })}</Paragraph>
      <ul class="utrecht-unordered-list afw-apidocs__toc">
        {ops.map((o) => (
          <li class="utrecht-unordered-list__item">
            <Link href={`#${operationId(o)}`}>
              {o.method.toUpperCase()} /api/v1{o.path}
            </Link>
          </li>
        ))}
      </ul>
      {ops.map((o) => <OperationSection doc={doc} o={o} t={t} />)}
    </>
  );
}

/** `/api/docs` and `/api/docs/:part`; `document()` is asked once, on first use. */
export function apiDocsRoutes(document: () => OpenApiDoc): Hono<AppEnv> {
  let doc: OpenApiDoc | undefined;
  const current = () => (doc ??= document());
  const app = new Hono<AppEnv>();
  app.get("/api/docs", (c) => renderPage(c, c.get("t")("apidocs.title"), (ctx) => <IndexView doc={current()} t={ctx.t} />));
  app.get("/api/docs/:part", (c) => {
    const part = c.req.param("part");
    const tag = operationsOf(current()).find((o) => tagSlug(o.tag) === part)?.tag;
    if (!tag) return c.notFound();
    return renderPage(c, c.get("t")("apidocs.part_title", { part: partName(tag, c.get("t")) }), (ctx) => <TagView doc={current()} tag={tag} t={ctx.t} />);
  });
  return app;
}
