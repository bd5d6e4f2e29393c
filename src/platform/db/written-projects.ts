import type { OperationNode } from "kysely";

/**
 * The projects a write statement is about, read from its Kysely operation
 * tree: the `project_id` values it inserts, and the `project_id = …` /
 * `project_id in (…)` conditions of an update or delete (for the projects
 * table itself, its `id`). Raw SQL and writes that name a project only
 * through another row are not seen: use cases that open a project through
 * the projects feature mark it there as well.
 */
export function projectIdsWritten(node: OperationNode): string[] {
  const out: string[] = [];
  const n = node as AnyNode;
  if (n.kind === "InsertQueryNode") {
    const table = tableName(n.into);
    const columns: string[] = (n.columns ?? []).map((c: AnyNode) => c.column?.name);
    const at = columns.findIndex((c) => c === "project_id" || (table === "projects" && c === "id"));
    if (at >= 0 && n.values?.kind === "ValuesNode") {
      for (const row of n.values.values as AnyNode[]) {
        const value = row.kind === "PrimitiveValueListNode" ? row.values[at] : row.values?.[at]?.value;
        if (typeof value === "string" && value !== "") out.push(value);
      }
    }
  } else if (n.kind === "UpdateQueryNode" || n.kind === "DeleteQueryNode") {
    const table = n.kind === "UpdateQueryNode" ? tableName(n.table) : tableName(n.from?.froms?.[0]);
    if (n.where) collectConditions(n.where.where, table === "projects" ? ["project_id", "id"] : ["project_id"], out);
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNode = any;

function tableName(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.kind === "AliasNode") return tableName(node.node);
  return node.kind === "TableNode" ? node.table?.identifier?.name : undefined;
}

function columnOf(node: AnyNode): string | undefined {
  if (node?.kind === "ReferenceNode") return node.column?.column?.name;
  if (node?.kind === "ColumnNode") return node.column?.name;
  return undefined;
}

/** Walks and/or/parens for `column = value` and `column in (values)`. */
function collectConditions(node: AnyNode, columns: string[], out: string[]): void {
  if (!node) return;
  if (node.kind === "AndNode" || node.kind === "OrNode") {
    collectConditions(node.left, columns, out);
    collectConditions(node.right, columns, out);
  } else if (node.kind === "ParensNode") {
    collectConditions(node.node, columns, out);
  } else if (node.kind === "BinaryOperationNode") {
    const column = columnOf(node.leftOperand);
    if (!column || !columns.includes(column)) return;
    const op = node.operator?.operator;
    const right = node.rightOperand;
    if (op === "=" && right?.kind === "ValueNode" && typeof right.value === "string") out.push(right.value);
    if (op === "in" && right?.kind === "PrimitiveValueListNode") for (const v of right.values) if (typeof v === "string") out.push(v);
    if (op === "in" && right?.kind === "ValueListNode") for (const v of right.values) if (typeof v?.value === "string") out.push(v.value);
  }
}
