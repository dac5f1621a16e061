import { describe, expect, it } from 'vitest';
import { RecordScanner } from './scanner.js';

function scan(text: string, sep = ',', chunk = 0) {
  const s = new RecordScanner(sep);
  const bytes = Buffer.from(text, 'utf8');
  if (chunk === 0) s.push(bytes);
  else for (let i = 0; i < bytes.length; i += chunk) s.push(bytes.subarray(i, i + chunk));
  const idx = s.finish();
  const recs = Array.from({ length: idx.count }, (_, i) => ({
    line: idx.line(i),
    text: bytes.subarray(idx.offset(i), i + 1 < idx.count ? idx.offset(i + 1) : idx.end).toString('utf8'),
  }));
  return { idx, recs };
}

describe('record scanner', () => {
  const text = 'a,b,c\r\n1,"x\r\ny",z\r\n\r\n2,"q,""r""",s\r\n3,p,"multi\nline\nremark"\n4,,\n';

  it('indexes records with their starting line, through quoted line breaks and blank lines', () => {
    const { idx, recs } = scan(text);
    expect(idx.count).toBe(4);
    expect(idx.headerFields).toBe(3);
    expect(recs.map((r) => r.line)).toEqual([2, 5, 6, 9]);
    expect(recs[1]!.text.startsWith('2,"q,""r""",s')).toBe(true);
  });

  it('gives the same answer whatever the chunk boundaries', () => {
    const whole = scan(text).recs;
    for (const c of [1, 2, 3, 7]) expect(scan(text, ',', c).recs).toEqual(whole);
  });

  it('flags records with more fields than the header, even when the extra ones are empty', () => {
    // "1,234.50" unquoted shifts every later value one column right: the last field is empty.
    const { idx } = scan('a;b\n1;2\n3;4;5\n6;7;;\n8;\n', ';');
    expect([...idx.tooManyFields.entries()]).toEqual([[1, 3], [2, 4]]);
  });

  it('counts short records and notices quoted line breaks', () => {
    expect(scan(text).idx).toMatchObject({ shortRecords: 0, quotedLineBreaks: true });
    expect(scan('a,b,c\n1,2\n3,4,5\n').idx).toMatchObject({ shortRecords: 1, quotedLineBreaks: false });
  });

  it('handles a last record without a newline and CR-only line ends', () => {
    expect(scan('a,b\r1,2\r3,4').recs.map((r) => r.line)).toEqual([2, 3]);
  });

  it('treats a quote inside an unquoted value as a literal', () => {
    const { idx } = scan('a,b\n12" wheel,2\n3,4\n');
    expect(idx.count).toBe(2);
    expect(idx.line(1)).toBe(3);
  });
});
