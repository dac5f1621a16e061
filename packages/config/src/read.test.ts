import { describe, expect, it } from 'vitest';
import { readConfig, readSetting, settingOrFail } from './read.js';
import { VARIABLES } from './variables.js';

describe('readConfig', () => {
  it('gives every default for an empty environment', () => {
    const r = readConfig({});
    expect(r).toEqual({ ok: true, value: {
      db: 'data/fixops.duckdb', duckdbMemory: '512MB', loadMemory: '64MB', loadThreads: 1, maxUploadMb: 200,
      maxUploadFiles: 50, maxRows: 2_000_000, maxColumns: 200, maxFieldChars: 4096, maxRejectsStored: 10_000, maxDropRate: 0.3,
      webProtocolHeader: 'x-forwarded-proto', webHostHeader: 'host', comparisonsDir: 'data/comparisons', chromium: '/usr/bin/chromium',
    } });
  });

  it('reads set values with their types; empty text means unset', () => {
    const r = readConfig({
      FIXOPS_DB: '/tmp/x.duckdb', FIXOPS_DUCKDB_MEMORY: '1GB', FIXOPS_LOAD_MEMORY: '800 MiB', FIXOPS_LOAD_THREADS: '4',
      FIXOPS_MAX_UPLOAD_MB: '0.5', FIXOPS_LOG_LEVEL: 'debug', FIXOPS_API_URL: 'http://127.0.0.1:3000', FIXOPS_WEB_HOST_HEADER: 'X-Forwarded-Host',
      FIXOPS_TEMPLATES_DIR: '/srv/templates', FIXOPS_CHROMIUM: '', OTHER: 'x',
      FIXOPS_MAX_COLUMNS: '5', FIXOPS_MAX_DROP_RATE: '1', FIXOPS_MAX_REJECTS_STORED: '100',
    });
    expect(r.ok && r.value).toMatchObject({
      db: '/tmp/x.duckdb', duckdbMemory: '1GB', loadMemory: '800 MiB', loadThreads: 4, maxUploadMb: 0.5, logLevel: 'debug',
      apiUrl: 'http://127.0.0.1:3000', webHostHeader: 'x-forwarded-host', templatesDir: '/srv/templates', chromium: '/usr/bin/chromium',
      maxColumns: 5, maxDropRate: 1, maxRejectsStored: 100,
    });
  });

  it('refuses FIXOPS_LOAD_THREADS=abc naming the variable and the value, in zh and en, as a value', () => {
    const r = readConfig({ FIXOPS_LOAD_THREADS: 'abc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('config_invalid');
    expect(r.error.message.en).toBe('Environment variable FIXOPS_LOAD_THREADS="abc" is not valid: expected a positive whole number, e.g. 1 or 4');
    expect(r.error.message.zh).toBe('环境变量 FIXOPS_LOAD_THREADS="abc" 无效：应为正整数，例如 1 或 4');
    expect(r.error.details).toEqual({ variable: 'FIXOPS_LOAD_THREADS', value: 'abc' });
  });

  it.each([
    ['FIXOPS_LOAD_THREADS', '0'], ['FIXOPS_LOAD_THREADS', '1.5'], ['FIXOPS_LOAD_THREADS', '-2'],
    ['FIXOPS_MAX_UPLOAD_MB', '0'], ['FIXOPS_MAX_UPLOAD_MB', 'lots'],
    ['FIXOPS_MAX_UPLOAD_FILES', '0'], ['FIXOPS_MAX_ROWS', '1e6'], ['FIXOPS_MAX_COLUMNS', 'Infinity'], ['FIXOPS_MAX_FIELD_CHARS', '-1'],
    ['FIXOPS_MAX_REJECTS_STORED', '10.5'], ['FIXOPS_MAX_DROP_RATE', '0'], ['FIXOPS_MAX_DROP_RATE', '30%'], ['FIXOPS_MAX_DROP_RATE', '1.5'],
    ['FIXOPS_DUCKDB_MEMORY', '512'], ['FIXOPS_LOAD_MEMORY', 'big'],
    ['FIXOPS_LOG_LEVEL', 'loud'], ['FIXOPS_API_URL', 'localhost:3000'], ['FIXOPS_API_URL', 'ftp://x'],
    ['FIXOPS_WEB_PROTOCOL_HEADER', 'x forwarded'],
  ])('refuses %s=%s', (name, value) => {
    const r = readConfig({ [name]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toEqual({ variable: name, value });
  });

  it('lists every bad variable when there are several', () => {
    const r = readConfig({ FIXOPS_LOAD_THREADS: 'abc', FIXOPS_MAX_UPLOAD_MB: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details).toEqual({ problems: [{ variable: 'FIXOPS_LOAD_THREADS', value: 'abc' }, { variable: 'FIXOPS_MAX_UPLOAD_MB', value: 'x' }] });
    expect(r.error.message.en.split('\n')).toHaveLength(2);
  });
});

describe('readSetting / settingOrFail', () => {
  it('reads one variable and ignores bad others', () => {
    expect(readSetting('loadThreads', { FIXOPS_LOAD_THREADS: '3', FIXOPS_MAX_UPLOAD_MB: 'x' })).toEqual({ ok: true, value: 3 });
    expect(readSetting('logLevel', {})).toEqual({ ok: true, value: undefined });
  });

  it('settingOrFail throws the refusal as a FixopsException', () => {
    expect(settingOrFail('db', {})).toBe('data/fixops.duckdb');
    expect(() => settingOrFail('loadMemory', { FIXOPS_LOAD_MEMORY: 'lots' })).toThrow(/FIXOPS_LOAD_MEMORY="lots" is not valid/);
  });
});

describe('VARIABLES', () => {
  it('names each variable and field once, and each default passes its own parser', () => {
    expect(new Set(VARIABLES.map((x) => x.name)).size).toBe(VARIABLES.length);
    expect(new Set(VARIABLES.map((x) => x.key)).size).toBe(VARIABLES.length);
    for (const x of VARIABLES) {
      if (x.default !== undefined) expect((x.parse as (t: string) => unknown)(String(x.default))).toEqual({ ok: true, value: x.default });
      expect(x.meaning.zh).not.toBe('');
      expect(x.meaning.en).not.toBe('');
    }
  });
});
