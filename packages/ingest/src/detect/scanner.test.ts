import { describe, expect, it } from 'vitest';
import { ReferenceScanner } from '../test-helpers/referenceScanner.js';
import { RecordScanner } from './scanner.js';

function scan(text: string | Buffer, sep = ',', chunk = 0) {
  const s = new RecordScanner(sep);
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  if (chunk === 0) s.push(bytes);
  else for (let i = 0; i < bytes.length; i += chunk) s.push(bytes.subarray(i, i + chunk));
  const idx = s.finish();
  const recs = Array.from({ length: idx.count }, (_, i) => ({
    line: idx.line(i),
    text: bytes.subarray(idx.offset(i), i + 1 < idx.count ? idx.offset(i + 1) : idx.end).toString('utf8'),
  }));
  return { idx, recs };
}

function reference(bytes: Buffer, sep: string) {
  const r = new ReferenceScanner(sep);
  r.push(bytes);
  const idx = r.finish();
  return Array.from({ length: idx.count }, (_, i) => [idx.offset(i), idx.line(i)]);
}

describe('record scanner', () => {
  const text = 'a,b,c\r\n1,"x\r\ny",z\r\n\r\n2,"q,""r""",s\r\n3,p,"multi\nline\nremark"\n4,,\n';

  it('indexes records with their starting line, through quoted line breaks and blank lines', () => {
    const { idx, recs } = scan(text);
    expect(idx.count).toBe(4);
    expect(recs.map((r) => r.line)).toEqual([2, 5, 6, 9]);
    expect(recs[1]!.text.startsWith('2,"q,""r""",s')).toBe(true);
  });

  it('gives the same answer whatever the chunk boundaries', () => {
    const whole = scan(text).recs;
    for (const c of [1, 2, 3, 7]) expect(scan(text, ',', c).recs).toEqual(whole);
  });

  it('handles a last record without a newline and CR-only line ends', () => {
    expect(scan('a,b\r1,2\r3,4').recs.map((r) => r.line)).toEqual([2, 3]);
    expect(scan('a,b\r1,"x\ry"\r3,4\r', ',', 1).recs.map((r) => r.line)).toEqual([2, 4]);
  });

  it('treats a quote inside an unquoted value as a literal', () => {
    const { idx } = scan('a,b\n12" wheel,2\n3,4\n');
    expect(idx.count).toBe(2);
    expect(idx.line(1)).toBe(3);
  });

  it('opens a quoted value only at a field start, for any separator', () => {
    expect(scan('a;b\n1;"x;\ny"\n2;3\n', ';').recs.map((r) => r.line)).toEqual([2, 4]);
    expect(scan('a\tb\n1\t"x\ny"\n2\t3\n', '\t').recs.map((r) => r.line)).toEqual([2, 4]);
  });

  it('agrees with the byte-by-byte reference on random CSV, in random chunks', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['a', 'bc', '工单', ',', ',', ';', '"', '""', '"x,\ny"', '\n', '\r\n', '\r', '\n\n', ' ', '12" ', '"q"'];
    for (let round = 0; round < 300; round++) {
      const sep = round % 3 === 0 ? ';' : ',';
      let body = 'h1,h2,h3\n';
      const len = 5 + Math.floor(rnd() * 60);
      for (let k = 0; k < len; k++) body += pieces[Math.floor(rnd() * pieces.length)]!;
      const bytes = Buffer.from(body, 'utf8');
      const expected = reference(bytes, sep);
      const chunk = 1 + Math.floor(rnd() * 9);
      const got = new RecordScanner(sep);
      for (let i = 0; i < bytes.length; i += chunk) got.push(bytes.subarray(i, i + chunk));
      const idx = got.finish();
      const actual = Array.from({ length: idx.count }, (_, i) => [idx.offset(i), idx.line(i)]);
      expect(actual, JSON.stringify(body)).toEqual(expected);
    }
  });
});
