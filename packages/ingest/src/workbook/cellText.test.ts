import { describe, expect, it } from 'vitest';
import { isDateFormat, isoToText, numberText, serialToText } from './cellText.js';

describe('Excel cells as text', () => {
  it('reads date serials in the 1900 and 1904 systems, to the second', () => {
    expect(serialToText(45723.37847222222, false)).toBe('2025-03-07 09:05:00');
    expect(serialToText(45723, false)).toBe('2025-03-07 00:00:00');
    expect(serialToText(45723 - 1462, true)).toBe('2025-03-07 00:00:00');
    expect(serialToText(61, false)).toBe('1900-03-01 00:00:00');
    expect(serialToText(1, false)).toBe('1900-01-01 00:00:00');
  });
  it('tells date formats from number formats', () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(31, undefined)).toBe(true); // yyyy"年"m"月"d"日" in Chinese Excel
    expect(isDateFormat(4, undefined)).toBe(false);
    expect(isDateFormat(164, 'yyyy-mm-dd hh:mm')).toBe(true);
    expect(isDateFormat(165, '[$¥-804]#,##0.00;[Red]-[$¥-804]#,##0.00')).toBe(false);
    expect(isDateFormat(166, '#,##0.00"元"')).toBe(false);
    expect(isDateFormat(167, '[h]:mm:ss')).toBe(true);
    expect(isDateFormat(0, 'General')).toBe(false);
  });
  it('writes numbers as plain digits and ISO date cells as timestamps', () => {
    expect(numberText('1234.5')).toBe('1234.5');
    expect(numberText('1.5E+20')).toBe('150000000000000000000');
    expect(numberText('1.25E-3')).toBe('0.00125');
    expect(isoToText('2025-03-07T09:05:00Z')).toBe('2025-03-07 09:05:00');
    expect(isoToText('2025-03-07')).toBe('2025-03-07 00:00:00');
  });
});
