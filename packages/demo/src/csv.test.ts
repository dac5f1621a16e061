// RFC 4180 quoting of fields and rows.
import { describe, expect, it } from 'vitest';
import { joinRow, quoteField } from './csv.js';

describe('csv', () => {
  it('quotes only when needed', () => {
    expect(quoteField('abc', ',')).toBe('abc');
    expect(quoteField('a,b', ',')).toBe('"a,b"');
    expect(quoteField('a,b', ';')).toBe('a,b');
    expect(quoteField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(quoteField('line1\nline2', '\t')).toBe('"line1\nline2"');
  });

  it('joins rows', () => {
    expect(joinRow(['a', '1,234.50元', ''], ',')).toBe('a,"1,234.50元",');
    expect(joinRow(['a', 'b'], '\t')).toBe('a\tb');
  });
});
