// Scans one byte range of a CSV file with fs.createReadStream. A range owns
// the records that *start* inside it: it skips the partial record at its
// start and reads past its end to finish its last record.

import { createReadStream } from "node:fs";
import { BiasAuditError } from "./errors.ts";
import type { ScanPlan } from "./config.ts";
import type { CountTableData } from "./count-table.ts";
import { RecordScanner } from "./scanner.ts";

export interface RangeTask {
  filePath: string;
  plan: ScanPlan;
  /** Absolute byte offsets. The first range starts exactly at the first data record. */
  start: number;
  end: number;
  alignToLine: boolean;
  /**
   * Splitting at line feeds is only safe without quoted fields (they may hold
   * line breaks). Ranges after the first stop as soon as they see a quote,
   * and the caller falls back to one pass.
   */
  abortOnQuote: boolean;
  highWaterMark?: number;
}

export type RangeOutcome = { kind: "table"; table: CountTableData } | { kind: "quote-found" };

const LF = 10;
const DEFAULT_HWM = 4 << 20;

export async function scanRange(task: RangeTask, onProgress?: (bytesDone: number) => void): Promise<RangeOutcome> {
  const scanner = new RecordScanner(task.plan);
  const readFrom = task.alignToLine ? task.start - 1 : task.start;
  const stream = createReadStream(task.filePath, { start: readFrom, highWaterMark: task.highWaterMark ?? DEFAULT_HWM });
  let abs = readFrom;
  let aligning = task.alignToLine;
  let carry: Buffer | null = null;
  let carryAbs = 0;
  let done = false;
  try {
    for await (const raw of stream) {
      const chunk = raw as Buffer;
      const chunkAbs = abs;
      abs += chunk.length;
      if (chunk.indexOf(0) >= 0) throw new BiasAuditError("not-csv", { reason: "het bevat NUL-bytes (binaire gegevens)" });
      if (task.abortOnQuote && chunk.indexOf(34) >= 0) return { kind: "quote-found" };
      let pos = 0;
      if (aligning) {
        const i = chunk.indexOf(LF);
        if (i < 0) continue;
        pos = i + 1;
        aligning = false;
      }
      if (carry) {
        // Finish the record that straddles the chunk boundary on a small joined buffer.
        const i = chunk.indexOf(LF, pos);
        if (i < 0) {
          carry = Buffer.concat([carry, chunk.subarray(pos)]);
          continue;
        }
        const joined = Buffer.concat([carry, chunk.subarray(pos, i + 1)]);
        const r = scanner.feed(joined, 0, joined.length, false, task.end - carryAbs);
        if (r.stopped) {
          done = true;
          break;
        }
        if (r.next === joined.length) {
          carry = null;
          pos = i + 1;
        } else {
          // A quoted field holds a line break: join the whole chunk instead.
          const whole = Buffer.concat([carry, chunk.subarray(pos)]);
          const r2 = scanner.feed(whole, r.next, whole.length, false, task.end - carryAbs);
          if (r2.stopped) {
            done = true;
            break;
          }
          carryAbs += r2.next;
          carry = r2.next < whole.length ? Buffer.from(whole.subarray(r2.next)) : null;
          onProgress?.(Math.min(abs, task.end) - task.start);
          continue;
        }
      }
      const r = scanner.feed(chunk, pos, chunk.length, false, task.end - chunkAbs);
      if (r.stopped) {
        done = true;
        break;
      }
      carry = r.next < chunk.length ? Buffer.from(chunk.subarray(r.next)) : null;
      carryAbs = chunkAbs + r.next;
      onProgress?.(Math.min(abs, task.end) - task.start);
    }
    if (!done && carry && carry.length > 0) scanner.feed(carry, 0, carry.length, true, task.end - carryAbs);
  } finally {
    stream.destroy();
  }
  onProgress?.(task.end - task.start);
  return { kind: "table", table: scanner.result(task.end - task.start) };
}
