// Which database a command line names, and whether a remote command reads (pooled connection)
// or writes (the server's write queue): anything not known to only read goes through the queue.

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbPathOf, lineReader } from './protocol.js';
import { accessOf } from './server.js';

describe('dbPathOf', () => {
  it('takes --db in both spellings, then FIXOPS_DB, then the default', () => {
    expect(dbPathOf(['kpis', '--db', 'x.duckdb', '--json'])).toBe(resolve('x.duckdb'));
    expect(dbPathOf(['kpis', '--db=/tmp/y.duckdb'])).toBe('/tmp/y.duckdb');
    const saved = process.env.FIXOPS_DB;
    try {
      process.env.FIXOPS_DB = '/srv/z.duckdb';
      expect(dbPathOf(['kpis'])).toBe('/srv/z.duckdb');
      delete process.env.FIXOPS_DB;
      expect(dbPathOf(['kpis'])).toBe(resolve('data/fixops.duckdb'));
    } finally {
      if (saved === undefined) delete process.env.FIXOPS_DB;
      else process.env.FIXOPS_DB = saved;
    }
  });
});

describe('accessOf', () => {
  it('reads for reporting commands and list forms', () => {
    for (const argv of [['kpis', '--json'], ['flags'], ['export', '--parquet', 'd'], ['users'], ['users', '--json', 'list'], ['tokens', 'list', '--user', 'a'],
      ['settings', '--json'], ['loads', '--dealer', 'SH001', '--json'], ['rejects', '--load', '3', '--csv']]) {
      expect(accessOf(argv), argv.join(' ')).toEqual({ write: false });
    }
  });
  it('writes through the queue for every action and unknown command', () => {
    expect(accessOf(['ingest', 'a.csv'])).toEqual({ write: true, kind: 'load' });
    expect(accessOf(['loads', 'undo', '7'])).toEqual({ write: true, kind: 'load' });
    expect(accessOf(['users', '--db', 'x', 'add', 'bob'])).toEqual({ write: true, kind: 'account' });
    expect(accessOf(['tokens', 'revoke', '2'])).toEqual({ write: true, kind: 'account' });
    expect(accessOf(['settings', 'set', 'k', 'v'])).toEqual({ write: true, kind: 'settings' });
    expect(accessOf(['assess', '--dealer', 'D'])).toEqual({ write: true, kind: 'assessment' });
    expect(accessOf(['actions', '--dealer', 'D', '--json'])).toEqual({ write: false });
    expect(accessOf(['actions', 'add', '--dealer', 'D'])).toEqual({ write: true, kind: 'assessment' });
    expect(accessOf(['actions', 'set', '3', '--status', 'done'])).toEqual({ write: true, kind: 'assessment' });
    expect(accessOf(['backup', 'b.duckdb'])).toEqual({ write: true, kind: 'settings' });
    expect(accessOf(['something-new'])).toEqual({ write: true, kind: 'settings' });
  });
});

describe('lineReader', () => {
  it('joins a character split between two chunks', () => {
    const lines: unknown[] = [];
    const bytes = Buffer.from(`${JSON.stringify({ text: '预约率' })}\n`);
    const read = lineReader((v) => lines.push(v));
    read(bytes.subarray(0, 13));
    read(bytes.subarray(13));
    expect(lines).toEqual([{ text: '预约率' }]);
  });
});
