import { describe, expect, it } from 'vitest';
import { chooseLang, htmlLang, MESSAGES, pick, t, translator } from './i18n.js';

describe('i18n', () => {
  it('has every message in Chinese and English', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect(text.zh, key).not.toBe('');
      expect(text.en, key).not.toBe('');
    }
  });
  it('fills placeholders', () => {
    expect(t('zh', 'overview.summary', { shown: 3, total: 12 })).toBe('3 / 12 家经销商 · 各店最新月份');
    expect(translator('en')('overview.summary', { shown: 3, total: 12 })).toContain('3 of 12 dealers');
    expect(pick('en', { zh: '共 {n} 条', en: '{n} rows' }, { n: 5 })).toBe('5 rows');
  });
  it('prefers the remembered choice, then the browser, then Chinese', () => {
    expect(chooseLang('en', 'zh-CN')).toBe('en');
    expect(chooseLang(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(chooseLang(undefined, 'en;q=0.5,zh-CN;q=0.8')).toBe('zh');
    expect(chooseLang('fr', 'de')).toBe('zh');
    expect(chooseLang(null, null)).toBe('zh');
    expect(htmlLang('zh')).toBe('zh-CN');
  });
});
