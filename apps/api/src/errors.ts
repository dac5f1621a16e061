// HTTP errors: one shape for every failure, `{ error: { code, message, details } }`, with the
// message in the request's language. Package errors (values with zh/en) map onto it here.

import { preferredLang, type FixopsError, type Lang, type Message, type Result } from '@fixops/shared';

export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly text: Message;
  readonly details: Record<string, unknown> | undefined;
  constructor(statusCode: number, code: string, text: Message, details?: Record<string, unknown>) {
    super(`${code}: ${text.en}`);
    this.statusCode = statusCode;
    this.code = code;
    this.text = text;
    this.details = details;
  }
}

/** Status for a package error code: unknown names are 404 (with the valid choices), the rest 400. */
const STATUS: Record<string, number> = {
  unknown_dealer: 404, unknown_kpi: 404, unknown_group: 404, unknown_setting: 404, template_not_found: 404, unknown_template: 404, unknown_module: 404,
};

export function fromFixopsError(e: FixopsError, status?: number): ApiError {
  return new ApiError(status ?? STATUS[e.code] ?? 400, e.code, e.message, e.details);
}

/** The value of an ok Result, or the HTTP error its error maps to. */
export function orHttp<T>(r: Result<T>, status?: number): T {
  if (r.ok) return r.value;
  throw fromFixopsError(r.error, status);
}

export const unauthorized = () => new ApiError(401, 'unauthorized', {
  zh: '需要登录：请提供有效的令牌（Authorization: Bearer …）或会话。', en: 'Authentication required: send a valid token (Authorization: Bearer …) or session cookie.',
});

export const forbidden = (what?: string) => new ApiError(403, 'forbidden', {
  zh: `无权访问${what ? `：${what}` : ''}。`, en: `Forbidden${what ? `: ${what}` : ''}.`,
});

export const notFound = (zh: string, en: string, details?: Record<string, unknown>) => new ApiError(404, 'not_found', { zh, en }, details);

/** zh unless the request prefers English (Accept-Language, by q-value): @fixops/shared's preferredLang. */
export const requestLang = (header: string | string[] | undefined): Lang => preferredLang(header);
