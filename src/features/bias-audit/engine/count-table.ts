// The finest-grain count table: one cell per distinct combination of key
// values (group attributes and scan features), holding the confusion counts.
// Every metric, intersection and roll-up is derived from it afterwards.

import { CellTable, type CountTableData } from "./scan-core.mjs";

/** Slot order within a cell: predicted 1 & label 1, 1 & 0, 0 & 1, 0 & 0. Without a label, label counts as 0. */
// ByteInterner and CellTable live in scan-core.mjs (plain JavaScript, shared with the scanner workers).
export { ByteInterner, CellTable, type CountTableData, FN, FP, TN, TP } from "./scan-core.mjs";

/** Merge tables from several byte ranges; value ids are re-mapped by text. */
export function mergeTables(parts: CountTableData[]): CountTableData {
  const first = parts[0];
  if (!first) throw new Error("mergeTables: nothing to merge");
  if (parts.length === 1) return first;
  const width = first.keyNames.length;
  const dicts: string[][] = first.keyNames.map(() => []);
  const lookup: Map<string, number>[] = first.keyNames.map(() => new Map());
  const cells = new CellTable(width);
  const ids = new Int32Array(width);
  const out: CountTableData = {
    keyNames: first.keyNames,
    dictionaries: dicts,
    keys: new Int32Array(0),
    counts: new Float64Array(0),
    cellCount: 0,
    rows: 0,
    excluded: { missingPrediction: 0, missingLabel: 0 },
    lineFeeds: 0,
    bytes: 0,
    sawQuote: false,
  };
  for (const part of parts) {
    const remap = part.dictionaries.map((dict, k) =>
      dict.map((v) => {
        const m = lookup[k] as Map<string, number>;
        let id = m.get(v);
        if (id === undefined) {
          id = (dicts[k] as string[]).length;
          (dicts[k] as string[]).push(v);
          m.set(v, id);
        }
        return id;
      }),
    );
    for (let c = 0; c < part.cellCount; c++) {
      for (let k = 0; k < width; k++) ids[k] = (remap[k] as number[])[part.keys[c * width + k] as number] as number;
      const cell = cells.cellOf(ids);
      for (let s = 0; s < 4; s++) cells.counts[cell * 4 + s] = (cells.counts[cell * 4 + s] as number) + (part.counts[c * 4 + s] as number);
    }
    out.rows += part.rows;
    out.excluded.missingPrediction += part.excluded.missingPrediction;
    out.excluded.missingLabel += part.excluded.missingLabel;
    out.lineFeeds += part.lineFeeds;
    out.bytes += part.bytes;
    out.sawQuote ||= part.sawQuote;
  }
  out.keys = cells.keys.slice(0, cells.cellCount * width);
  out.counts = cells.counts.slice(0, cells.cellCount * 4);
  out.cellCount = cells.cellCount;
  return out;
}
