// Failed logins counted per account, beside the per-IP limit: someone trying tokens for one
// user from many addresses is stopped too. After `max` failures within `windowMs` the account
// refuses logins (even with a good token) until the window has passed; a success clears it.

import { err, type FixopsError } from '@fixops/shared';

export interface LoginLimitOptions {
  max?: number;
  windowMs?: number;
  /** Accounts remembered at most (oldest forgotten first). */
  maxAccounts?: number;
  now?: () => number;
}

export const DEFAULT_LOGIN_FAILURES = 5;
export const DEFAULT_LOGIN_WINDOW_MS = 15 * 60_000;

export class AccountLoginLimit {
  private readonly failures = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly maxAccounts: number;
  private readonly now: () => number;

  constructor(opts: LoginLimitOptions = {}) {
    this.max = opts.max ?? DEFAULT_LOGIN_FAILURES;
    this.windowMs = opts.windowMs ?? DEFAULT_LOGIN_WINDOW_MS;
    this.maxAccounts = opts.maxAccounts ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  private recent(account: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(account) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(account);
    else this.failures.set(account, list);
    return list;
  }

  /** Milliseconds until the account may try again; 0 when it may try now. */
  blockedFor(account: string): number {
    const list = this.recent(account);
    if (list.length < this.max) return 0;
    return Math.max(1, list[list.length - this.max]! + this.windowMs - this.now());
  }

  fail(account: string): void {
    const list = this.recent(account);
    list.push(this.now());
    this.failures.delete(account);
    this.failures.set(account, list.slice(-this.max));
    while (this.failures.size > this.maxAccounts) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(account: string): void {
    this.failures.delete(account);
  }
}

/** The error a blocked account gets (the API answers it as 429). */
export function accountBlocked(account: string, ms: number): FixopsError {
  const s = Math.ceil(ms / 1000);
  const r = err('account_login_limited', {
    zh: `账户“${account}”登录失败次数过多，请 ${s} 秒后再试`,
    en: `Too many failed logins for account "${account}", try again in ${s} s`,
  }, { account, retryAfterSeconds: s });
  return r.error;
}
