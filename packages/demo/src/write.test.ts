// writeNetwork: files on disk equal generateNetwork's bytes; manifest in load order; scale files plain.
import { readFile, readdir, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateNetwork } from './network.js';
import type { Manifest } from './types.js';
import { MANIFEST_NAME, writeNetwork } from './write.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('writeNetwork', () => {
  it('writes the same bytes as generateNetwork plus a manifest in load order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-write-'));
    dirs.push(dir);
    const opts = { dealers: 5, months: 4, seed: 11 };
    const { manifestPath, files } = await writeNetwork(dir, opts);
    expect(manifestPath).toBe(join(dir, MANIFEST_NAME));
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    const mem = generateNetwork(opts);
    expect(manifest.files.map((f) => f.name)).toEqual(mem.files.map((f) => f.name));
    expect(manifest.files[0]?.kind).toBe('dealers');
    const kinds = manifest.files.map((f) => f.kind);
    expect(kinds.indexOf('customers')).toBeGreaterThan(kinds.lastIndexOf('repair_orders'));
    expect(manifest.dealers).toHaveLength(5);
    expect(manifest.options).toMatchObject({ seed: 11, dealers: 5, months: 4, endMonth: '2025-12', scale: false });
    for (const f of mem.files) {
      const onDisk = await readFile(join(dir, f.name));
      expect(onDisk.equals(f.bytes), f.name).toBe(true);
      const { bytes: _b, ...info } = f;
      expect(manifest.files.find((m) => m.name === f.name)).toEqual(info);
      expect(files.find((w) => w.name === f.name)?.size).toBe(f.bytes.length);
    }
    expect((await readdir(dir)).sort()).toEqual([...mem.files.map((f) => f.name), MANIFEST_NAME].sort());
    expect(JSON.stringify(manifest)).not.toContain('"bytes"');
  });

  it('scale mode: plain UTF-8 comma files with the dealer column, clean', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-scale-'));
    dirs.push(dir);
    const { files } = await writeNetwork(dir, { dealers: 3, months: 2, scale: true, rosPerMonth: 200 });
    expect(files).toHaveLength(1 + 3 * 4);
    for (const f of files) {
      expect(f.encoding).toBe('utf-8');
      expect(f.separator).toBe(',');
      expect(f.dealer).toBeUndefined();
      expect(f.badRows + f.duplicateRows + f.totalsRows + f.blankLines).toBe(0);
    }
    const ro = files.find((f) => f.kind === 'repair_orders') as (typeof files)[number];
    const header = (await readFile(ro.path, 'utf8')).split('\n')[0];
    expect(header).toBe('经销商代码,工单号,VIN,进厂时间,维修类型,总金额,预计交车时间,实际交车时间,服务顾问,工时费,材料费,预估金额,预约单号,养护品金额,进厂里程');
    expect(ro.rows / 2).toBeGreaterThan(150);
  });
});
