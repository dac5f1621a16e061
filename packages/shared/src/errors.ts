// Errors are values at package edges: a stable code, a message in zh and en, and details
// (file, row, column, value…) that a caller can show or turn into an HTTP error.

export interface Message {
  zh: string;
  en: string;
}

export interface FixopsError {
  code: string;
  message: Message;
  details?: Record<string, unknown>;
}

export type Result<T, E = FixopsError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err(code: string, message: Message, details?: Record<string, unknown>): { ok: false; error: FixopsError } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Thrown only inside a package; `toFixopsError` turns it back into a value at the edge. */
export class FixopsException extends Error {
  readonly error: FixopsError;
  constructor(error: FixopsError) {
    super(`${error.code}: ${error.message.en}`);
    this.error = error;
  }
}

export function fail(code: string, message: Message, details?: Record<string, unknown>): never {
  throw new FixopsException(details === undefined ? { code, message } : { code, message, details });
}

export function toFixopsError(e: unknown): FixopsError {
  if (e instanceof FixopsException) return e.error;
  const text = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: { zh: `内部错误：${text}`, en: `Internal error: ${text}` } };
}
