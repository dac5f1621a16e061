import { describe, expect, it } from 'vitest';
import { csvCell, csvChunks, csvLine, csvText, neutralizeFormula, recordRows } from './csv.js';

const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\tinvisible', '\rreturn'];

describe('CSV writing', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    expect(HOSTILE.map(neutralizeFormula)).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers we computed as numbers, negative ones included', () => {
    expect(csvCell(-0.05)).toBe('-0.05');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(12n)).toBe('12');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvLine([-0.05, '-0.05'])).toBe("-0.05,'-0.05");
  });

  it('quotes as RFC 4180 says: commas, quotes, line breaks (and edge spaces, as papaparse does)', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', ' pad', 'plain', 3])).toBe('"a,b","say ""hi""","two\nlines"," pad",plain,3');
  });

  it('writes a document with a BOM and the line ending asked for', () => {
    expect(csvText([['a', 'b'], [1, '=x']], { bom: true })).toBe("\uFEFFa,b\r\n1,'=x\r\n");
    expect(csvText([['a']], { newline: '\n' })).toBe('a\n');
    expect(csvText([])).toBe('');
  });

  it('streams the same text one line at a time, from async rows too', async () => {
    async function* rows() {
      yield ['a', 'b'];
      await Promise.resolve(); // the next row arrives a tick later, as from a stream
      yield [1, '@x'];
    }
    const chunks: string[] = [];
    for await (const c of csvChunks(rows(), { bom: true })) chunks.push(c);
    expect(chunks).toEqual(['\uFEFF', 'a,b\r\n', "1,'@x\r\n"]);
    expect(chunks.join('')).toBe(csvText([['a', 'b'], [1, '@x']], { bom: true }));
  });

  it('turns records into a header and rows, keyed by the first record', () => {
    expect(recordRows([{ a: 1, b: 'x' }, { b: 'y', a: 2 }])).toEqual([['a', 'b'], [1, 'x'], [2, 'y']]);
    expect(recordRows([])).toEqual([]);
  });
});
