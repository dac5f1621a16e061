import { describe, expect, it } from 'vitest';
import { bilingual, fill, isLang, pick, preferredLang } from './lang.js';

describe('language', () => {
  it('picks one side of a pair, language first, placeholders filled', () => {
    expect(pick('zh', { zh: '共 {n} 条', en: '{n} rows' }, { n: 5 })).toBe('共 5 条');
    expect(pick('en', { zh: '共 {n} 条', en: '{n} rows' }, { n: 5 })).toBe('5 rows');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(bilingual({ zh: '甲', en: '甲' })).toBe('甲');
  });

  it('reads Accept-Language by q-value, zh unless English is preferred', () => {
    expect(preferredLang('en-US,en;q=0.9')).toBe('en');
    expect(preferredLang('en;q=0.5,zh-CN;q=0.8')).toBe('zh');
    expect(preferredLang('zh-CN;q=0.4, en-GB;q=0.6')).toBe('en');
    expect(preferredLang(['fr', 'en;q=0.3'])).toBe('en');
    expect(preferredLang('de, fr')).toBe('zh');
    expect(preferredLang('en;q=0')).toBe('zh');
    expect(preferredLang(undefined)).toBe('zh');
    expect(preferredLang(null)).toBe('zh');
    expect(isLang('en') && isLang('zh') && !isLang('fr')).toBe(true);
  });
});
