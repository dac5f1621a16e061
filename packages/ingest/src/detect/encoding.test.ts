import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { type FixopsException } from '@fixops/shared';
import { completeUtf8Prefix, parseEncoding, sniffEncoding } from './encoding.js';

const code = (bytes: Uint8Array) => {
  try {
    sniffEncoding(bytes, 'x.csv');
  } catch (e) {
    return (e as FixopsException).error.code;
  }
  return 'ok';
};

describe('encoding detection', () => {
  const text = '工单号,VIN,进厂时间\nRO1,LSV1,2025-03-07\n';
  it('detects UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM, and GB18030', () => {
    expect(sniffEncoding(Buffer.from(text), 'f')).toBe('utf-8');
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'f')).toBe('utf-8-bom');
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'f')).toBe('utf-16le');
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'f')).toBe('utf-16be');
    expect(sniffEncoding(iconv.encode(text, 'gb18030'), 'f')).toBe('gb18030');
    expect(sniffEncoding(iconv.encode(text, 'gbk'), 'f')).toBe('gb18030');
  });

  it('does not mistake a sample cut inside a UTF-8 character for GB18030', () => {
    const bytes = Buffer.from('工单号');
    expect(sniffEncoding(bytes.subarray(0, 4), 'f')).toBe('utf-8');
    expect(completeUtf8Prefix(bytes.subarray(0, 4)).length).toBe(3);
    expect(completeUtf8Prefix(bytes).length).toBe(9);
  });

  it('refuses empty, xlsx, xls and binary files with a reason', () => {
    expect(code(new Uint8Array(0))).toBe('empty_file');
    expect(code(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('xlsx_not_supported');
    expect(code(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('xls_not_supported');
    expect(code(Buffer.from([0x01, 0x00, 0x02, 0x00, 0x41]))).toBe('binary_file');
  });

  it('refuses UTF-16 without a BOM with its own clear reason, binary with NULs as binary', () => {
    const text = '工单号,VIN,进厂时间\nRO1,LSV1,2025-03-07\n';
    expect(code(iconv.encode(text, 'utf-16le'))).toBe('utf16_without_bom');
    expect(code(iconv.encode(text, 'utf-16be'))).toBe('utf16_without_bom');
    try {
      sniffEncoding(iconv.encode(text, 'utf-16le'), 'u16.csv');
    } catch (e) {
      const { message } = (e as FixopsException).error;
      expect(message.zh).toContain('BOM');
      expect(message.en).toContain('UTF-16 text without a byte-order mark');
      expect(message.en).toContain('u16.csv');
    }
    expect(code(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('binary_file');
    expect(code(Buffer.from('%PDF-1.7\n'))).toBe('binary_file');
    expect(sniffEncoding(Buffer.from('MZ001,x\n'), 'f')).toBe('utf-8');
  });

  it('says xlsx is not supported yet, in both languages', () => {
    try {
      sniffEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'a.xlsx');
    } catch (e) {
      const { message } = (e as FixopsException).error;
      expect(message.zh).toContain('暂不支持 xlsx');
      expect(message.en).toContain('xlsx is not supported yet');
      expect(message.en).toContain('a.xlsx');
    }
  });

  it('accepts the usual names for a user override', () => {
    expect(parseEncoding('GBK')).toBe('gb18030');
    expect(parseEncoding('utf8')).toBe('utf-8');
    expect(parseEncoding('UTF-16LE')).toBe('utf-16le');
    expect(parseEncoding('latin1')).toBeUndefined();
  });
});
