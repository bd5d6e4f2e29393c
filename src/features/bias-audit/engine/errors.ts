// Input errors with a stable code and parameters; their texts are catalogue
// keys (messages.ts). The CLI maps any BiasAuditError to exit code 2.

import { engineText, isEngineMessageKey, type EngineMessageKey, type Lang } from "./messages.ts";

export type BiasAuditErrorCode =
  | "file-not-found"
  | "file-too-large"
  | "empty-file"
  | "no-data-rows"
  | "not-csv"
  | "ragged-row"
  | "unterminated-quote"
  | "missing-column"
  | "non-numeric-score"
  | "bad-prediction"
  | "bad-label"
  | "bad-number"
  | "too-many-groups"
  | "bad-config";

/** Why a file is not CSV: the `reason` parameter of "not-csv". */
export type NotCsvReason = "nul-bytes" | "control-characters" | "no-line-break";
/** Which setting is wrong: the `reason` parameter of "bad-config". */
export type BadConfigReason = "delimiter" | "threshold" | "favourable" | "groups" | "bins" | "columns" | "config" | "parquet";

export type ErrorParams = Record<string, string | number>;

// Every code and every reason has its text: the compiler refuses one without a catalogue key.
type ErrorKey = `bias_audit.error.${BiasAuditErrorCode}` | `bias_audit.error.not-csv.${NotCsvReason}` | `bias_audit.error.bad-config.${BadConfigReason}`;
export const EVERY_ERROR_HAS_A_TEXT: ErrorKey extends EngineMessageKey ? true : never = true;

const CODES: ReadonlySet<string> = new Set<BiasAuditErrorCode>([
  "file-not-found",
  "file-too-large",
  "empty-file",
  "no-data-rows",
  "not-csv",
  "ragged-row",
  "unterminated-quote",
  "missing-column",
  "non-numeric-score",
  "bad-prediction",
  "bad-label",
  "bad-number",
  "too-many-groups",
  "bad-config",
]);

export function isBiasAuditErrorCode(code: string): code is BiasAuditErrorCode {
  return CODES.has(code);
}

/**
 * The catalogue key of an error (also one read back from the database), or
 * null for a code the engine does not know. "not-csv" and "bad-config" are
 * worded per reason; an unknown reason gets the general text.
 */
export function errorMessageKey(code: string, params: Readonly<ErrorParams> = {}): EngineMessageKey | null {
  if (!isBiasAuditErrorCode(code)) return null;
  const key = `bias_audit.error.${code}` as const;
  if (code !== "not-csv" && code !== "bad-config") return key;
  const detailed = `${key}.${String(params.reason ?? "")}`;
  return isEngineMessageKey(detailed) ? detailed : key;
}

export class BiasAuditError extends Error {
  readonly code: BiasAuditErrorCode;
  readonly params: ErrorParams;
  constructor(code: "not-csv", params: { reason: NotCsvReason });
  constructor(code: "bad-config", params: { reason: BadConfigReason } & ErrorParams);
  constructor(code: Exclude<BiasAuditErrorCode, "not-csv" | "bad-config">, params?: ErrorParams);
  constructor(code: BiasAuditErrorCode, params: ErrorParams = {}) {
    super(engineText("nl")(errorMessageKey(code, params) ?? "bias_audit.error.bad-config", params));
    this.name = "BiasAuditError";
    this.code = code;
    this.params = params;
  }
  /** An error that travelled as data (from a worker thread): its code and parameters as they came. */
  static fromData(code: BiasAuditErrorCode, params: ErrorParams): BiasAuditError {
    return new BiasAuditError(code as "missing-column", params);
  }
  get messageKey(): EngineMessageKey {
    return errorMessageKey(this.code, this.params) as EngineMessageKey;
  }
  messageIn(lang: Lang): string {
    return engineText(lang)(this.messageKey, this.params);
  }
}

export function isBiasAuditError(e: unknown): e is BiasAuditError {
  return e instanceof BiasAuditError;
}
