// Input errors with a stable code and a plain message in Dutch and English.
// The CLI maps any BiasAuditError to exit code 2.

export type BiasAuditErrorCode =
  | "file-not-found"
  | "file-too-large"
  | "empty-file"
  | "no-data-rows"
  | "not-csv"
  | "ragged-row"
  | "missing-column"
  | "non-numeric-score"
  | "bad-prediction"
  | "bad-label"
  | "bad-number"
  | "too-many-groups"
  | "bad-config";

export type ErrorParams = Record<string, string | number>;

const MESSAGES: Record<BiasAuditErrorCode, { nl: (p: ErrorParams) => string; en: (p: ErrorParams) => string }> = {
  "file-not-found": {
    nl: (p) => `Het bestand ${p.file} bestaat niet of is niet te lezen.`,
    en: (p) => `The file ${p.file} does not exist or cannot be read.`,
  },
  "file-too-large": {
    nl: (p) => `Het bestand is te groot: ${p.bytes} bytes, de grens is ${p.maxBytes} bytes.`,
    en: (p) => `The file is too large: ${p.bytes} bytes, the limit is ${p.maxBytes} bytes.`,
  },
  "empty-file": { nl: () => "Het bestand is leeg.", en: () => "The file is empty." },
  "no-data-rows": {
    nl: () => "Het bestand heeft alleen een kopregel en geen gegevens.",
    en: () => "The file has only a header line and no data.",
  },
  "not-csv": {
    nl: (p) => `Dit is geen CSV-bestand (tekst met scheidingstekens): ${p.reason}.`,
    en: (p) => `This is not a CSV file (delimited text): ${p.reason}.`,
  },
  "ragged-row": {
    nl: (p) => `Regel ${p.line} heeft ${p.found} velden, maar de kopregel heeft ${p.expected} kolommen.`,
    en: (p) => `Line ${p.line} has ${p.found} fields, but the header has ${p.expected} columns.`,
  },
  "missing-column": {
    nl: (p) => `De kolom "${p.column}" bestaat niet. Beschikbare kolommen: ${p.available}.`,
    en: (p) => `The column "${p.column}" does not exist. Available columns: ${p.available}.`,
  },
  "non-numeric-score": {
    nl: (p) => `Regel ${p.line}: de score in kolom "${p.column}" is geen getal ("${p.value}"). Met een drempel moet de score een getal zijn.`,
    en: (p) => `Line ${p.line}: the score in column "${p.column}" is not a number ("${p.value}"). With a threshold the score must be numeric.`,
  },
  "bad-prediction": {
    nl: (p) => `Regel ${p.line}: de voorspelling in kolom "${p.column}" is "${p.value}". Verwacht is 0/1 of true/false. Gebruik --threshold voor een score, of --favourable WAARDE voor een kolom met categorieën.`,
    en: (p) => `Line ${p.line}: the prediction in column "${p.column}" is "${p.value}". Expected 0/1 or true/false. Use --threshold for a score, or --favourable VALUE for a categorical column.`,
  },
  "bad-label": {
    nl: (p) => `Regel ${p.line}: de echte uitkomst in kolom "${p.column}" is "${p.value}". Verwacht is 0/1 of true/false.`,
    en: (p) => `Line ${p.line}: the true outcome in column "${p.column}" is "${p.value}". Expected 0/1 or true/false.`,
  },
  "bad-number": {
    nl: (p) => `Regel ${p.line}: de waarde in kolom "${p.column}" is geen getal ("${p.value}"), maar de kolom wordt in klassen verdeeld.`,
    en: (p) => `Line ${p.line}: the value in column "${p.column}" is not a number ("${p.value}"), but the column is being binned.`,
  },
  "too-many-groups": {
    nl: (p) => `Kolom "${p.column}" heeft meer dan ${p.limit} verschillende waarden. Is dit echt een groepskenmerk? Deel getallen in klassen in met --bin.`,
    en: (p) => `Column "${p.column}" has more than ${p.limit} distinct values. Is this really a group attribute? Bin numbers with --bin.`,
  },
  "bad-config": {
    nl: (p) => `Ongeldige instelling: ${p.nl ?? p.reason}`,
    en: (p) => `Invalid setting: ${p.en ?? p.reason}`,
  },
};

export class BiasAuditError extends Error {
  readonly code: BiasAuditErrorCode;
  readonly params: ErrorParams;
  constructor(code: BiasAuditErrorCode, params: ErrorParams = {}) {
    super(MESSAGES[code].nl(params));
    this.name = "BiasAuditError";
    this.code = code;
    this.params = params;
  }
  messageIn(lang: "nl" | "en"): string {
    return MESSAGES[this.code][lang](this.params);
  }
}

export function isBiasAuditError(e: unknown): e is BiasAuditError {
  return e instanceof BiasAuditError;
}
