import { describe, expect, it } from 'vitest';
import { KINDS } from './catalog.js';
import { KIND_IDS } from './types.js';
import { FIELD_NAMES, fieldName } from './fieldNames.js';

describe('field names for people', () => {
  it('every column of every kind has a Chinese name among its own header aliases and an English name in words (no ids)', () => {
    for (const k of KIND_IDS) {
      for (const c of KINDS[k].columns) {
        const n = FIELD_NAMES[c.name];
        expect(n, c.name).toBeDefined();
        expect(c.aliases, c.name).toContain(n!.zh);
        expect(n!.en).not.toMatch(/_/);
      }
    }
  });
  it('names the RO number and the open time as a user does', () => {
    expect(fieldName('ro_no')).toEqual({ zh: '工单号', en: 'RO number' });
    expect(fieldName('open_time').zh).toBe('进厂时间');
    expect(fieldName('unknown_thing')).toEqual({ zh: 'unknown_thing', en: 'unknown_thing' });
  });
});
