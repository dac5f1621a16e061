// The five DMS styles as written: encodings, separators, headers, value formats, personal columns.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from './network.js';
import { PERSONAL_HEADERS, readExport } from './test-helpers/read-export.js';
import type { DemoFile, DemoNetwork } from './types.js';

let net: DemoNetwork;
beforeAll(() => {
  net = generateNetwork();
});

const styleOf = (f: DemoFile): string => net.dealers.find((d) => f.name.startsWith(`${d.code}_`))?.style ?? '-';
const firstLine = (text: string): string => text.split(/\r?\n/)[0] as string;

describe('DMS styles', () => {
  it('uses each of the five styles on at least two dealers', () => {
    for (const s of ['A', 'B', 'C', 'D', 'E']) expect(net.dealers.filter((d) => d.style === s).length).toBeGreaterThanOrEqual(2);
  });

  it('writes the encoding the manifest names', () => {
    for (const f of net.files) {
      const b = f.bytes;
      switch (f.encoding) {
        case 'utf-8-bom':
          expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          expect(b.subarray(3).toString('utf8')).toContain('经销商代码');
          break;
        case 'utf-16le': {
          expect([...b.subarray(0, 2)]).toEqual([0xff, 0xfe]);
          const text = iconv.decode(b, 'utf-16le', { stripBOM: true });
          expect(firstLine(text).split('\t')).toContain('dealer_id');
          expect(f.separator).toBe('\t');
          break;
        }
        case 'gb18030': {
          const text = iconv.decode(b, 'gb18030');
          expect(firstLine(text)).toContain('服务站代码');
          // genuinely not UTF-8: decoding as UTF-8 mangles the Chinese header
          expect(b.toString('utf8')).not.toContain('服务站代码');
          expect(iconv.encode(text, 'gb18030').equals(b)).toBe(true);
          break;
        }
        case 'utf-8':
          expect(b[0]).not.toBe(0xef);
          expect(b.toString('utf8')).not.toContain('\uFFFD');
          break;
      }
    }
  });

  it('style A: BOM, Chinese aliases, remarks with quoted line breaks and commas', () => {
    const f = net.files.find((x) => x.kind === 'repair_orders' && styleOf(x) === 'A') as DemoFile;
    const r = readExport(f);
    expect(r.headers).toEqual(expect.arrayContaining(['委托书号', '进厂时间', '结算金额（元）', '备注']));
    const text = f.bytes.toString('utf8');
    expect(text).toMatch(/"[^"]*\n[^"]*"/);
    expect(text).toMatch(/"[^"\n]*, [^"\n]*"/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00/);
  });

  it('style B: Chinese dates, amounts with 元 or ￥ and a 合计 row at the end', () => {
    for (const f of net.files.filter((x) => styleOf(x) === 'B')) {
      const text = iconv.decode(f.bytes, 'gb18030');
      const lines = text.trimEnd().split('\r\n');
      expect(lines[lines.length - 1]?.startsWith('合计,')).toBe(true);
      expect(f.totalsRows).toBe(1);
      if (f.kind === 'repair_orders') {
        expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
        expect(text).toMatch(/"\d{1,3}(,\d{3})+\.\d{2}元"|"￥\d{1,3}(,\d{3})+\.\d{2}"/);
      }
    }
  });

  it('style C: UTF-16LE, tab, English headers, slash dates', () => {
    const f = net.files.find((x) => x.kind === 'repair_orders' && styleOf(x) === 'C') as DemoFile;
    const r = readExport(f);
    expect(r.headers).toEqual(expect.arrayContaining(['ro_number', 'opened_at', 'ro_type', 'total']));
    expect(r.records[0]?.open_time).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}$/);
  });

  it('style D: semicolons, ISO T timestamps, short amounts', () => {
    const f = net.files.find((x) => x.kind === 'repair_orders' && styleOf(x) === 'D') as DemoFile;
    expect(f.separator).toBe(';');
    const r = readExport(f);
    expect(r.records[0]?.open_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
    expect(r.records.some((x) => /^\d+\.\d$/.test(x.total_amount ?? ''))).toBe(true);
  });

  it('style E: no dealer column (manifest names the dealer), personal columns, blank lines', () => {
    const eFiles = net.files.filter((x) => styleOf(x) === 'E');
    expect(eFiles.length).toBeGreaterThanOrEqual(8);
    for (const f of eFiles) {
      const r = readExport({ ...f, dealer: undefined });
      expect(r.fields).not.toContain('dealer_code');
      expect(f.dealer).toMatch(/^[A-Z]{2}\d{3}$/);
      expect(f.blankLines).toBeGreaterThan(0);
      if (f.kind === 'repair_orders') expect(r.headers).toEqual(expect.arrayContaining(['客户姓名', '手机号', '地址']));
    }
    // every other file carries a dealer column and so no `dealer` in the manifest
    for (const f of net.files.filter((x) => styleOf(x) !== 'E')) expect(f.dealer).toBeUndefined();
  });

  it('personal-data columns also appear outside style E', () => {
    const withPersonal = net.files.filter((f) => styleOf(f) !== 'E' && readExport(f).headers.some((h) => PERSONAL_HEADERS.includes(h)));
    expect(new Set(withPersonal.map(styleOf)).size).toBeGreaterThanOrEqual(3);
  });

  it('repair types and statuses come in varied raw words, some unclassifiable', () => {
    const raw = new Set<string>();
    let empty = 0;
    for (const f of net.files.filter((x) => x.kind === 'repair_orders')) {
      for (const r of readExport(f).records) {
        raw.add(r.repair_type ?? '');
        if (!r.repair_type) empty++;
      }
    }
    for (const w of ['保养', '钣喷', '索赔', '召回', 'PDI', 'warranty']) expect([...raw].some((x) => x.toLowerCase() === w.toLowerCase()), w).toBe(true);
    expect(raw.size).toBeGreaterThan(25);
    expect(empty).toBeGreaterThan(0);
    const statuses = new Set<string>();
    for (const f of net.files.filter((x) => x.kind === 'bookings')) for (const r of readExport(f).records) statuses.add(r.status ?? '');
    for (const s of ['爽约', '已取消']) expect([...statuses].some((x) => x === s), s).toBe(true);
    expect([...statuses].some((x) => /^(arrived|completed|show)$/.test(x))).toBe(true);
  });
});
