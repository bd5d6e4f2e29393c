// Maps a path inside the parsed value back to a line in the YAML source, so an
// author sees exactly where a file is wrong.
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from "yaml";

export type DataPath = ReadonlyArray<string | number>;

export interface SourceMap {
  /** 1-based line of the deepest node that exists along the path. */
  lineOf(path: DataPath, options?: { pointAtKey?: boolean }): number;
}

export function createSourceMap(doc: Document, lineCounter: LineCounter): SourceMap {
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  return {
    lineOf(path, options = {}) {
      let node: unknown = doc.contents;
      let keyNode: unknown = undefined;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
          if (!pair) break;
          keyNode = pair.key;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          const item = node.items[segment];
          if (item === undefined) break;
          keyNode = undefined;
          node = item;
        } else {
          break;
        }
      }
      const target = options.pointAtKey && isNode(keyNode) ? keyNode : node;
      return lineAt(isNode(target) ? (target as Node).range?.[0] : undefined);
    },
  };
}

/** `["sections", 2, "questions", 0, "type"]` → `sections[2].questions[0].type` */
export function formatPath(path: DataPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out === "" ? "(root)" : out;
}
