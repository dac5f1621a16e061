import { describe, expect, it } from 'vitest';
import { err, fail, FixopsException, toFixopsError } from './errors.js';
import { bilingual, pick } from './lang.js';

describe('errors as values', () => {
  it('carries code, both languages and details', () => {
    const r = err('empty_file', { zh: '文件为空', en: 'The file is empty' }, { file: 'a.csv' });
    expect(r.ok).toBe(false);
    expect(r.error.details).toEqual({ file: 'a.csv' });
    expect(pick('en', r.error.message)).toBe('The file is empty');
    expect(bilingual(r.error.message)).toBe('文件为空 / The file is empty');
  });
  it('round-trips through an exception inside a package', () => {
    try {
      fail('x', { zh: '甲', en: 'a' });
    } catch (e) {
      expect(e).toBeInstanceOf(FixopsException);
      expect(toFixopsError(e).code).toBe('x');
    }
    expect(toFixopsError(new Error('boom')).code).toBe('internal');
  });
});
