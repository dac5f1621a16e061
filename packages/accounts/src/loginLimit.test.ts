import { describe, expect, it } from 'vitest';
import { accountBlocked, AccountLoginLimit } from './loginLimit.js';

describe('AccountLoginLimit', () => {
  it('blocks an account after max failures within the window, until the window passes', () => {
    let now = 1_000_000;
    const limit = new AccountLoginLimit({ max: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 2; i++) limit.fail('bob');
    expect(limit.blockedFor('bob')).toBe(0);
    now += 10_000;
    limit.fail('bob');
    expect(limit.blockedFor('bob')).toBe(50_000);
    expect(limit.blockedFor('alice')).toBe(0);
    now += 50_000;
    expect(limit.blockedFor('bob')).toBe(0);
  });

  it('a success clears the count; memory is bounded', () => {
    const limit = new AccountLoginLimit({ max: 2, maxAccounts: 3 });
    limit.fail('bob');
    limit.succeed('bob');
    limit.fail('bob');
    expect(limit.blockedFor('bob')).toBe(0);
    for (const a of ['a', 'b', 'c', 'd']) { limit.fail(a); limit.fail(a); }
    expect(limit.blockedFor('d')).toBeGreaterThan(0);
    expect(limit.blockedFor('bob')).toBe(0);
  });

  it('says who is blocked and for how long, in zh and en', () => {
    const e = accountBlocked('bob', 61_500);
    expect(e.code).toBe('account_login_limited');
    expect(e.message.zh).toContain('62 秒');
    expect(e.message.en).toContain('"bob"');
    expect(e.details).toEqual({ account: 'bob', retryAfterSeconds: 62 });
  });
});
