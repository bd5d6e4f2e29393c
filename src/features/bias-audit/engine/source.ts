// The reader interface. The audit only needs a count table; any file format
// that can produce one plugs in here. CSV is implemented (csv-source.ts);
// a Parquet source would read the same columns with a Parquet library.

import type { ScanPlan } from "./config.ts";
import type { CountTableData } from "./count-table.ts";

export interface SourceDescription {
  format: "csv" | "parquet";
  bytes: number;
  columns: string[];
  /** Detected or configured delimiter (CSV only). */
  delimiter?: string;
}

export interface ScanProgress {
  bytesRead: number;
  totalBytes: number;
}

export interface TableSource {
  describe(): Promise<SourceDescription>;
  /** One pass over the data into the finest-grain count table. */
  scan(plan: ScanPlan, onProgress?: (p: ScanProgress) => void): Promise<CountTableData>;
}
