import { describe, expect, it } from 'vitest';
import { configuredLimits, configuredMaxDropRate, DEFAULT_LIMITS, resolveLimits } from './limits.js';
import { DEFAULT_MAX_DROP_RATE } from './load/slices.js';

describe('configuredLimits', () => {
  it('gives the defaults for an empty environment, and the hold threshold is 0.3', () => {
    expect(configuredLimits({})).toEqual({
      filesPerRequest: 50, bytesPerFile: 200 * 1048576, rowsPerFile: 2_000_000, columnsPerFile: 200, fieldChars: 4096, rejectsStored: 10_000,
    });
    expect(DEFAULT_LIMITS).toEqual(configuredLimits({}));
    expect(configuredMaxDropRate({})).toBe(DEFAULT_MAX_DROP_RATE);
  });
  it('takes each limit from its FIXOPS_* variable', () => {
    expect(configuredLimits({
      FIXOPS_MAX_UPLOAD_FILES: '3', FIXOPS_MAX_UPLOAD_MB: '0.5', FIXOPS_MAX_ROWS: '1000', FIXOPS_MAX_COLUMNS: '5',
      FIXOPS_MAX_FIELD_CHARS: '64', FIXOPS_MAX_REJECTS_STORED: '7',
    })).toEqual({ filesPerRequest: 3, bytesPerFile: 524288, rowsPerFile: 1000, columnsPerFile: 5, fieldChars: 64, rejectsStored: 7 });
    expect(configuredMaxDropRate({ FIXOPS_MAX_DROP_RATE: '0.5' })).toBe(0.5);
  });
  it('refuses a bad value naming the variable', () => {
    expect(() => configuredLimits({ FIXOPS_MAX_COLUMNS: 'many' })).toThrow(/FIXOPS_MAX_COLUMNS="many" is not valid/);
    expect(() => configuredMaxDropRate({ FIXOPS_MAX_DROP_RATE: '30%' })).toThrow(/FIXOPS_MAX_DROP_RATE="30%" is not valid/);
  });
  it('resolveLimits keeps the given limits over the defaults', () => {
    expect(resolveLimits({ columnsPerFile: 5 })).toEqual({ ...DEFAULT_LIMITS, columnsPerFile: 5 });
  });
});
