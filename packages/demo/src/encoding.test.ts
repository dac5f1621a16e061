// The four encodings round-trip, with the right BOMs, and the fast GB18030 writer matches iconv-lite.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bomFor, decodeBytes, encodeText, writeGb18030 } from './encoding.js';

describe('encoding', () => {
  const text = '经销商代码,金额\r\nSH001,"1,234.50元"\r\n￥¥';

  it('gb18030 round-trips and is not UTF-8', () => {
    const bytes = encodeText(text, 'gb18030');
    expect(iconv.decode(bytes, 'gb18030')).toBe(text);
    expect(bytes.toString('utf8')).not.toBe(text);
    expect(decodeBytes(bytes, 'gb18030')).toBe(text);
  });

  it('utf-16le carries a BOM', () => {
    const bytes = Buffer.concat([bomFor('utf-16le'), encodeText(text, 'utf-16le')]);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(decodeBytes(bytes, 'utf-16le')).toBe(text);
  });

  it('utf-8-bom carries EF BB BF, utf-8 none', () => {
    expect([...bomFor('utf-8-bom')]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bomFor('utf-8').length).toBe(0);
  });

  it('writeGb18030 matches iconv-lite byte for byte, astral characters included', () => {
    const sample = `${text}，。、《》“”－—…·ÀéΩЖ€£©®™𠀀𝄞 end`;
    const buf = Buffer.alloc(sample.length * 4);
    const n = writeGb18030(sample, buf, 0);
    expect(buf.subarray(0, n).equals(iconv.encode(sample, 'gb18030'))).toBe(true);
    // cached second pass gives the same bytes
    const again = Buffer.alloc(sample.length * 4);
    expect(again.subarray(0, writeGb18030(sample, again, 0)).equals(buf.subarray(0, n))).toBe(true);
  });
});
