// ChunkWriter: chunked output equals the whole text in every encoding, sink or not.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ChunkWriter, CHUNK_CHARS } from './chunks.js';
import type { DemoEncoding } from './encoding.js';

const lines = Array.from({ length: 40_000 }, (_, i) => `SH001,WT${i},保养,"备注, ${i}",￥1,234.50`);
const expected = `${lines.join('\r\n')}\r\n`;

describe('ChunkWriter', () => {
  for (const [encoding, decode] of [
    ['utf-8', (b: Buffer) => b.toString('utf8')],
    ['utf-8-bom', (b: Buffer) => b.subarray(3).toString('utf8')],
    ['utf-16le', (b: Buffer) => b.subarray(2).toString('utf16le')],
    ['gb18030', (b: Buffer) => iconv.decode(b, 'gb18030')],
  ] as Array<[DemoEncoding, (b: Buffer) => string]>) {
    it(`${encoding}: chunked output equals the whole text, sink or not`, () => {
      const w = new ChunkWriter(encoding, '\r\n');
      for (const l of lines) w.line(l);
      const whole = w.finish();
      expect(decode(whole)).toBe(expected);
      const chunks: Buffer[] = [];
      const s = new ChunkWriter(encoding, '\r\n', (c) => chunks.push(c));
      for (const l of lines) s.line(l);
      expect(s.finish().length).toBe(0);
      expect(chunks.length).toBeGreaterThan(1);
      for (const c of chunks.slice(1, -1)) expect(c.length).toBeLessThan(CHUNK_CHARS * 3);
      expect(Buffer.concat(chunks).equals(whole)).toBe(true);
    });
  }

  it('copes with a line longer than a chunk', () => {
    const long = 'x'.repeat(CHUNK_CHARS * 2);
    const w = new ChunkWriter('utf-8', '\n');
    w.line('a');
    w.line(long);
    w.line('b');
    expect(w.finish().toString('utf8')).toBe(`a\n${long}\nb\n`);
  });
});
