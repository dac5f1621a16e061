import { describe, expect, it } from 'vitest';
import { closest } from './closest.js';

describe('closest choices', () => {
  it('puts near misses and substrings first', () => {
    expect(closest('bookng_rate', ['ro_count', 'booking_rate', 'booking_show_rate', 'revenue'], 2)).toEqual(['booking_rate', 'booking_show_rate']);
    expect(closest('sh00', ['SH001', 'BJ002', 'SH011'], 2)).toEqual(['SH001', 'SH011']);
  });
});
