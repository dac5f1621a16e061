import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { bomLength, notTextReason, sniffBytes } from './sniff.js';

describe('the Node-free sniff', () => {
  const text = '工单号,VIN,进厂时间\nRO1,LSV1,2025-03-07\n';
  it('names the encoding or the refusal as a value', () => {
    expect(sniffBytes(new Uint8Array(Buffer.from(text)), 'f')).toEqual({ ok: true, encoding: 'utf-8' });
    expect(sniffBytes(new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true })), 'f')).toEqual({ ok: true, encoding: 'utf-16le' });
    expect(sniffBytes(new Uint8Array(iconv.encode(text, 'gb18030')), 'f')).toEqual({ ok: true, encoding: 'gb18030' });
    const u16 = sniffBytes(new Uint8Array(iconv.encode(text, 'utf-16le')), 'f.csv');
    expect(u16.ok || u16.code).toBe('utf16_without_bom');
    expect(bomLength('utf-8-bom')).toBe(3);
    expect(bomLength('utf-16be')).toBe(2);
    expect(bomLength('gb18030')).toBe(0);
  });

  it('says whether a sample looks like text, for the API check before a load', () => {
    expect(notTextReason(new Uint8Array(Buffer.from(text)), 'f')).toBeUndefined();
    expect(notTextReason(new Uint8Array(iconv.encode(text, 'utf-16be', { addBOM: true })), 'f')).toBeUndefined();
    expect(notTextReason(new Uint8Array([0x1f, 0x8b, 8, 0]), 'f')?.code).toBe('binary_file');
    expect(notTextReason(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'f')?.code).toBe('xls_not_supported');
    expect(notTextReason(new Uint8Array(Buffer.from('a,b\n\u0000\u0000x\n')), 'f')?.code).toBe('binary_file');
  });
});
