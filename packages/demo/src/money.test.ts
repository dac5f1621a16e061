// Amount formats of the five DMS styles.
import { describe, expect, it } from 'vitest';
import { formatMoney, plainAmount } from './money.js';

describe('money', () => {
  it('writes every format', () => {
    expect(formatMoney('fixed2', 123450)).toBe('1234.50');
    expect(formatMoney('fixed2', 5)).toBe('0.05');
    expect(formatMoney('short', 123450)).toBe('1234.5');
    expect(formatMoney('short', 123400)).toBe('1234');
    expect(formatMoney('grouped-yuan', 123450)).toBe('1,234.50元');
    expect(formatMoney('grouped-yen', 123456789)).toBe('￥1,234,567.89');
    expect(formatMoney('yen-short', 123450)).toBe('¥1234.5');
    expect(formatMoney('fixed2', -12000)).toBe('-120.00');
    expect(plainAmount(99)).toBe('0.99');
  });
});
