import { AppError } from "../../src/platform/errors.ts";

/** "code:messageKey" of a refused call (the first field error's key when there is one), or "no error". */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    if (e instanceof AppError) return `${e.code}:${e.fieldErrors[0]?.messageKey ?? e.messageKey}`;
    throw e;
  }
}
