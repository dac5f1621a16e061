// Comparisons as the API and the web use them, on a real demo database and a real folder of
// comparison files: the list (with invalid files for staff only), a run scoped to a dealer
// user (its own row plus anonymous peers in the JSON and in every download), and saving a new
// comparison (checked as the CLI checks, written as YAML that reads back, never over an
// existing file unless asked, never outside the folder, audited).

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadComparisonFile } from '@fixops/compare';
import { listAudit } from '@fixops/db';
import { kpiDefinition } from '@fixops/metrics';
import { comparisonDownload, listComparisons, openComparison, readComparison } from './comparisons.js';
import { compareSheet } from './comparisonsSheet.js';
import { peerLetter } from './comparisonsScope.js';
import { saveComparison } from './comparisonsSave.js';
import { loadedNetwork, type LoadedNetwork } from './test-helpers/network.js';

const ADMIN = { role: 'admin' } as const;
const SH001 = { role: 'dealer', dealer: 'SH001' } as const;
const actor = { user: 'consultant', via: 'api', ip: '127.0.0.1' } as const;

const ALL_THREE = `id: trio
title: { zh: 三家对比, en: Three dealers }
dealers: { codes: [SH001, BJ002, GZ003] }
kpis:
  - { kpi: on_time_rate, weight: 500, floor: 0.5 }
  - { kpi: rework_rate, weight: 500 }
`;
const WITHOUT_SH001 = ALL_THREE.replace('id: trio', 'id: pair').replace('[SH001, BJ002, GZ003]', '[BJ002, GZ003]');

const newComparison = (over: Record<string, unknown> = {}) => ({
  id: 'web-made',
  title: { zh: '网页新建', en: 'Made in the web' },
  dealers: { codes: ['SH001', 'GZ003'] },
  month: 'latest',
  compareWith: 'previous_month',
  kpis: [{ kpi: 'on_time_rate', weight: 600, floor: 0.5 }, { kpi: 'booking_rate', weight: 400, target: 0.35 }],
  ...over,
});

let net: LoadedNetwork;
let dir: string;

beforeAll(async () => {
  net = await loadedNetwork();
  dir = join(net.dir, 'comparisons');
  await mkdir(dir);
  await writeFile(join(dir, 'trio.yaml'), ALL_THREE);
  await writeFile(join(dir, 'pair.yaml'), WITHOUT_SH001);
  await writeFile(join(dir, 'broken.yaml'), ALL_THREE.replace('weight: 500, floor', 'weight: 400, floor'));
  await writeFile(join(dir, 'Not Safe.yaml'), ALL_THREE);
});
afterAll(async () => net.close());

describe('listComparisons', () => {
  it('lists every file for staff, invalid ones with the problem; a dealer user only the valid ones holding its dealer, without codes', async () => {
    const staff = await listComparisons(net.db.connection, dir, ADMIN);
    expect(staff.map((s) => s.id)).toEqual(['broken', 'pair', 'trio']);
    const broken = staff[0]!;
    expect(broken.problem?.en).toContain('Weights must add up to 1000');
    expect(broken.problem?.en).not.toContain(net.dir);
    const trio = staff[2]!;
    expect(trio).toMatchObject({ title: { zh: '三家对比' }, dealerCount: 3, month: 'latest', compareWith: 'previous_month', problem: null });
    expect(trio.selection.zh).toBe('经销商 SH001、BJ002、GZ003');
    expect(trio.kpis.map((k) => [k.id, k.weight])).toEqual([['on_time_rate', 500], ['rework_rate', 500]]);
    expect(trio.kpis[0]).toMatchObject({ zh: kpiDefinition('on_time_rate')!.zh, en: kpiDefinition('on_time_rate')!.en, floor: 0.5, target: null });

    const dealer = await listComparisons(net.db.connection, dir, SH001);
    expect(dealer.map((s) => s.id)).toEqual(['trio']);
    expect(dealer[0]!.selection).toEqual({ zh: '指定的 3 家经销商', en: '3 listed dealers' });
    expect(JSON.stringify(dealer)).not.toMatch(/BJ002|GZ003/);
  });
});

describe('openComparison', () => {
  it('finds a file by its id and refuses ids that are no safe file name', async () => {
    const r = await openComparison(dir, 'trio');
    expect(r.ok && r.value.kpis.length).toBe(2);
    for (const id of ['../trio', 'trio.yaml', 'Not Safe', '', 'missing']) {
      const bad = await openComparison(dir, id);
      expect(bad.ok ? 'ok' : bad.error.code).toBe('comparison_not_found');
    }
  });
});

describe('readComparison', () => {
  it('gives staff every dealer with scores, ranks, bands, changes and gaps, and the months to pick from', async () => {
    const r = await readComparison(net.db.connection, dir, 'trio', ADMIN, { lang: 'zh' });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.anonymous).toBe(false);
    expect(r.value.rows.map((d) => d.dealer).sort()).toEqual(['BJ002', 'GZ003', 'SH001']);
    expect(r.value.rows.every((d) => !d.peer && d.band.zh !== '' && d.score >= 0 && d.score <= 1000)).toBe(true);
    expect(r.value.rows.map((d) => d.rank)).toEqual([...r.value.rows.map((d) => d.rank)].sort((a, b) => a - b));
    expect(r.value.months[0]).toBe(r.value.month);
    expect(r.value.months).toHaveLength(3);
    expect(r.value).not.toHaveProperty('file');
    const earlier = await readComparison(net.db.connection, dir, 'trio', ADMIN, { lang: 'zh', month: r.value.months[1]! });
    expect(earlier.ok && earlier.value.month).toBe(r.value.months[1]);
  });

  it('shows a dealer user its own row and lettered anonymous peers, in JSON, HTML, CSV and the workbook', async () => {
    const staff = await readComparison(net.db.connection, dir, 'trio', ADMIN, { lang: 'zh' });
    if (!staff.ok) throw new Error(staff.error.message.en);
    for (const lang of ['zh', 'en'] as const) {
      const r = await readComparison(net.db.connection, dir, 'trio', SH001, { lang });
      if (!r.ok) throw new Error(r.error.message.en);
      expect(r.value.anonymous).toBe(true);
      // Same scores and ranks as staff see, only the peers renamed (lettered by rank).
      expect(r.value.rows.map((d) => [d.rank, d.score])).toEqual(staff.value.rows.map((d) => [d.rank, d.score]));
      const peers = r.value.rows.filter((d) => d.peer);
      expect(peers.map((d) => d.dealer)).toEqual([0, 1].map((i) => (lang === 'en' ? `Peer ${peerLetter(i)}` : `同组经销商 ${peerLetter(i)}`)));
      expect(peers.every((d) => d.name === null && d.region === null && d.group === '')).toBe(true);
      expect(r.value.rows.find((d) => !d.peer)).toMatchObject({ dealer: 'SH001' });
      expect(r.value.selection.en).toBe('3 listed dealers');
      const texts = [JSON.stringify(r.value)];
      for (const format of ['html', 'csv'] as const) texts.push(String((await comparisonDownload(r.value, format, lang)).body));
      texts.push(JSON.stringify(compareSheet(r.value, lang)));
      for (const text of texts) {
        expect(text).toContain('SH001');
        expect(text).not.toMatch(/BJ002|GZ003|北京|广州|Beijing|Guangzhou/);
      }
    }
  });

  it('tells a dealer user that a comparison without its dealer does not exist', async () => {
    const r = await readComparison(net.db.connection, dir, 'pair', SH001, { lang: 'zh' });
    expect(r.ok ? 'ok' : r.error.code).toBe('comparison_not_found');
    const staff = await readComparison(net.db.connection, dir, 'pair', ADMIN, { lang: 'zh' });
    expect(staff.ok).toBe(true);
  });

  it('downloads: printable HTML in the language, CSV with a BOM, xlsx bytes, named by id and month', async () => {
    const r = await readComparison(net.db.connection, dir, 'trio', ADMIN, { lang: 'en' });
    if (!r.ok) throw new Error(r.error.message.en);
    const html = await comparisonDownload(r.value, 'html', 'en');
    expect(html.contentType).toMatch(/^text\/html/);
    expect(html.fileName).toBe(`trio-${r.value.month}.html`);
    expect(String(html.body)).toContain('<html lang="en">');
    const csv = await comparisonDownload(r.value, 'csv', 'zh');
    expect(String(csv.body).startsWith('\uFEFFmonth,rank,dealer')).toBe(true);
    const xlsx = await comparisonDownload(r.value, 'xlsx', 'zh');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('saveComparison', () => {
  it('writes a checked comparison as YAML the CLI reads back, and audits it', async () => {
    const r = await saveComparison(net.db.connection, dir, { comparison: newComparison() }, actor);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value).toMatchObject({ id: 'web-made', file: 'web-made.yaml', replaced: false });
    const text = await readFile(join(dir, 'web-made.yaml'), 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=./comparison.schema.json\n')).toBe(true);
    expect(text).toContain('- { kpi: on_time_rate, weight: 600, floor: 0.5 }');
    const back = await loadComparisonFile(join(dir, 'web-made.yaml'));
    expect(back.ok && back.value.dealers).toEqual({ codes: ['SH001', 'GZ003'] });
    expect(back.ok && back.value.kpis).toEqual(newComparison().kpis);
    const audit = await listAudit(net.db.connection, { action: 'comparison' });
    expect(audit.entries.map((e) => [e.action, e.target, e.user])).toContainEqual(['comparison.add', 'web-made', 'consultant']);
    const run = await readComparison(net.db.connection, dir, 'web-made', ADMIN, { lang: 'zh' });
    expect(run.ok && run.value.rows.length).toBe(2);
  });

  it('refuses to replace an existing file unless asked', async () => {
    const again = await saveComparison(net.db.connection, dir, { comparison: newComparison({ title: { zh: '改过', en: 'Changed' } }) }, actor);
    expect(again.ok ? 'ok' : [again.error.code, again.error.details?.path]).toEqual(['comparison_exists', 'id']);
    expect(await readFile(join(dir, 'web-made.yaml'), 'utf8')).toContain('网页新建');
    const replaced = await saveComparison(net.db.connection, dir, { comparison: newComparison({ title: { zh: '改过', en: 'Changed' } }), overwrite: true }, actor);
    expect(replaced.ok && replaced.value.replaced).toBe(true);
    expect(await readFile(join(dir, 'web-made.yaml'), 'utf8')).toContain('改过');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
  });

  it('refuses what the CLI refuses, naming the field: weights, KPIs, dealers, month, unsafe ids', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kpis: [{ kpi: 'on_time_rate', weight: 500 }, { kpi: 'booking_rate', weight: 400 }] }, 'compare_weights', 'kpis'],
      [{ kpis: [{ kpi: 'on_time_ratio', weight: 1000 }] }, 'compare_unknown_kpi', 'kpis[0].kpi'],
      [{ dealers: { codes: ['SH001', 'XX999'] } }, 'compare_unknown_dealers', 'dealers.codes'],
      [{ month: '2025-13' }, 'compare_month', 'month'],
      [{ id: '../escape' }, 'compare_schema', 'id'],
      [{ id: 'a/b' }, 'compare_schema', 'id'],
      [{ id: 'x'.repeat(65) }, 'compare_schema', 'id'],
      [{ title: { zh: '', en: 'x' } }, 'compare_schema', 'title.zh'],
    ];
    for (const [over, code, path] of cases) {
      const r = await saveComparison(net.db.connection, dir, { comparison: newComparison({ ...over, id: (over.id) ?? 'refused' }) }, actor);
      expect(r.ok ? 'ok' : [r.error.code, r.error.details?.path]).toEqual([code, path]);
    }
    expect((await readdir(dir)).sort()).toEqual(['Not Safe.yaml', 'broken.yaml', 'pair.yaml', 'trio.yaml', 'web-made.yaml']);
    expect((await readdir(net.dir)).some((f) => f.startsWith('escape'))).toBe(false);
  });
});
