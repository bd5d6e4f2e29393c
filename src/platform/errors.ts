import type { MessageKey } from "./i18n/index.ts";

/** The one error type of the application. `code` names what went wrong; `messageKey` says it to people. */
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "csrf"
  | "throttled"
  | "payload_too_large"
  | "rule_refused"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  csrf: 403,
  throttled: 429,
  payload_too_large: 413,
  rule_refused: 422,
  internal: 500,
};

export interface FieldError {
  field: string;
  messageKey: MessageKey;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly params: Record<string, string | number>;
  readonly fieldErrors: FieldError[];

  constructor(
    code: ErrorCode,
    messageKey: MessageKey,
    options: { params?: Record<string, string | number>; fieldErrors?: FieldError[] } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.fieldErrors = options.fieldErrors ?? [];
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = () => new AppError("not_found", "error.not_found");
export const forbidden = () => new AppError("forbidden", "error.forbidden");
export const invalid = (fieldErrors: FieldError[]) =>
  new AppError("validation", "error.validation", { fieldErrors });
