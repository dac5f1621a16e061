import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { COACHING_RULES_FILE, listTemplates, loadCoachingRulesFile, loadTemplateFile, SHIPPED_TEMPLATES_DIR, TEMPLATES_DIR, templatesDir } from './files.js';
import { mul, rational, toNumber } from './rational.js';
import { dealerTemplate, loaded, miniPoints, miniWeighted, refused, supplierTemplate } from './test-helpers/fixtures.js';
import type { PointsTemplate } from './types.js';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('TEMPLATES_DIR', () => {
  it('is the templates folder shipped in this package, unless FIXOPS_TEMPLATES_DIR names another', () => {
    expect(SHIPPED_TEMPLATES_DIR.replace(/[/\\]$/, '')).toBe(join(PACKAGE, 'templates'));
    expect(templatesDir({})).toBe(SHIPPED_TEMPLATES_DIR);
    expect(templatesDir({ FIXOPS_TEMPLATES_DIR: '/srv/fixops/templates' })).toBe('/srv/fixops/templates');
    expect(templatesDir({ FIXOPS_TEMPLATES_DIR: 'my-templates' })).toBe(resolve('my-templates'));
    expect(COACHING_RULES_FILE).toBe(join(TEMPLATES_DIR, 'coaching-rules.yaml'));
  });

  it('is found outside a checkout: the built package copied to a folder with no pnpm-workspace.yaml lists its templates', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'fixops-checklist-')), 'checklist');
    for (const part of ['dist', 'templates', 'package.json']) cpSync(join(PACKAGE, part), join(dir, part), { recursive: true });
    symlinkSync(join(PACKAGE, 'node_modules'), join(dir, 'node_modules'));
    expect(existsSync(join(dir, 'dist', 'index.js'))).toBe(true);
    const script = `const m = await import(${JSON.stringify(join(dir, 'dist', 'index.js'))}); const r = await m.listTemplates(); console.log(JSON.stringify([m.TEMPLATES_DIR, r.ok && r.value.map((t) => t.id)]));`;
    const env = { ...process.env };
    delete env['FIXOPS_TEMPLATES_DIR'];
    const [where, ids] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tmpdir(), env, encoding: 'utf8' })) as [string, string[]];
    expect(where.replace(/[/\\]$/, '')).toBe(join(dir, 'templates'));
    expect(ids).toEqual(['aftersales-staff', 'customer-service-staff', 'dealer-aftersales', 'supplier-rating']);
  });
});

describe('the shipped templates', () => {
  it('are listed by id, the coaching table skipped', async () => {
    const list = loaded(await listTemplates());
    expect(list.map((t) => [t.id, t.kind, t.max, t.version])).toEqual([
      ['aftersales-staff', 'points', 100, 1],
      ['customer-service-staff', 'points', 100, 1],
      ['dealer-aftersales', 'points', 1000, 1],
      ['supplier-rating', 'weighted', 100, 1],
    ]);
    expect(list[2]?.zh).toBe('经销商售后现场辅导评估表');
    expect(list[2]?.file).toBe(join(TEMPLATES_DIR, 'dealer-aftersales.yaml'));
  });

  it('dealer after-sales: six departments adding up to 1000, pass line 700, each department at 70% of its max', () => {
    const t = dealerTemplate();
    const passLine = (max: number) => toNumber(mul(rational(t.passRate), rational(max)));
    expect([t.max, passLine(t.max)]).toEqual([1000, 700]);
    expect(t.sections.map((s) => [s.id, s.max, passLine(s.max)])).toEqual([
      ['front_desk', 330, 231],
      ['workshop', 290, 203],
      ['parts', 150, 105],
      ['warranty', 50, 35],
      ['customer_care', 140, 98],
      ['manager', 40, 28],
    ]);
    expect(t.sections.map((s) => s.zh)).toEqual(['前台', '车间', '配件', '索赔', '客服', '站长']);
  });

  it('dealer after-sales: the seed front desk modules with their fixed ids and maxima', () => {
    const fd = dealerTemplate().sections[0];
    expect(fd?.modules.map((m) => [m.id, m.zh, m.max])).toEqual([
      ['front_desk.core_process', '服务核心流程', 195],
      ['front_desk.5s_safety', '5S及安全', 62],
      ['front_desk.staff_training', '人员管理(内训)', 28],
      ['front_desk.records', '文件档案管理', 11],
      ['front_desk.visual_boards', '看板管理', 24],
      ['front_desk.dms', 'DMS系统管理', 10],
    ]);
    expect(fd?.modules[0]?.items?.[0]?.id).toBe('front_desk.core_process.appointment_call');
  });

  it('dealer after-sales: every module has items, in Chinese and English, adding up to the module max', () => {
    for (const s of dealerTemplate().sections) {
      for (const m of s.modules) {
        expect([m.id, (m.items ?? []).length > 1]).toEqual([m.id, true]);
        expect([m.id, (m.items ?? []).reduce((a, i) => a + i.max, 0)]).toEqual([m.id, m.max]);
        for (const i of m.items ?? []) expect(i.zh !== '' && i.en !== '' && i.zh !== i.en).toBe(true);
      }
    }
  });

  it('after-sales staff: 30/30/20/10/10, three sub-criteria each', async () => {
    const t = loaded(await loadTemplateFile(join(TEMPLATES_DIR, 'aftersales-staff.yaml'))) as PointsTemplate;
    expect(t.sections[0]?.modules.map((m) => [m.zh, m.max, m.items?.length])).toEqual([
      ['专业知识', 30, 3],
      ['客户满意度', 30, 3],
      ['工作效率', 20, 3],
      ['团队合作', 10, 3],
      ['改进意见', 10, 3],
    ]);
  });

  it('customer-service staff (客服人员考核标准): the seed\'s five aspects 25/25/20/15/15 = 100, three sub-criteria each, pass at 70 %', async () => {
    const t = loaded(await loadTemplateFile(join(TEMPLATES_DIR, 'customer-service-staff.yaml'))) as PointsTemplate;
    expect([t.max, t.passRate]).toEqual([100, 0.7]);
    expect(t.sections[0]?.modules.map((m) => [m.zh, m.max, m.items?.length, m.items?.reduce((n, i) => n + i.max, 0)])).toEqual([
      ['专业知识和技能', 25, 3, 25],
      ['服务态度和沟通能力', 25, 3, 25],
      ['解决问题的能力', 20, 3, 20],
      ['团队合作能力', 15, 3, 15],
      ['自我学习和提升能力', 15, 3, 15],
    ]);
  });

  it('supplier rating: four dimensions of 100 and the seed class weights (delivery:service:quality:price)', () => {
    const t = supplierTemplate();
    expect(t.dimensions.map((d) => [d.id, d.max])).toEqual([['quality', 100], ['delivery', 100], ['service', 100], ['price', 100]]);
    const ratio = (id: string) => {
      const w = t.weights.classes.find((c) => c.id === id)?.weights ?? {};
      return [w['delivery'], w['service'], w['quality'], w['price']];
    };
    expect([ratio('ic_loose'), ratio('pcb'), ratio('consumables')]).toEqual([[2, 1, 2, 5], [4, 1, 4, 1], [1, 2, 2, 5]]);
    expect(t.grades.map((g) => [g.grade, g.min])).toEqual([['A', 90], ['B', 75], ['C', 0]]);
    expect(t.periodRules).toMatchObject([
      { rule: 'consecutive', grade: 'C', months: 3, outcome: 'disqualified' },
      { rule: 'any_dimension_zero', outcome: 'suspended' },
    ]);
  });

  it('the coaching table loads from its file', async () => {
    expect(loaded(await loadCoachingRulesFile()).rules.length).toBeGreaterThan(10);
  });
});

describe('listTemplates on another folder', () => {
  function folder(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'checklist-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('reads *.yaml templates only', async () => {
    const dir = folder({ 'a.yaml': stringify(miniPoints()), 'b.yml': stringify(miniWeighted()), 'notes.txt': 'x', 'rules.yaml': 'id: r\nrules: []\n' });
    expect(loaded(await listTemplates(dir)).map((t) => [t.id, t.max])).toEqual([['mini', 100], ['mini-weighted', 100]]);
  });

  it('refuses a broken template, naming the file', async () => {
    const broken = { ...miniPoints(), max: 99 };
    const dir = folder({ 'good.yaml': stringify(miniWeighted()), 'broken.yaml': stringify(broken) });
    const e = refused(await listTemplates(dir));
    expect(e.code).toBe('template_sum');
    expect(e.message.en).toContain('broken.yaml: template mini: its sections add up to 100, not its max 99');
    expect(e.details?.['file']).toBe(join(dir, 'broken.yaml'));
  });

  it('refuses two files with the same template id, and a missing folder', async () => {
    const dir = folder({ 'one.yaml': stringify(miniPoints()), 'two.yaml': stringify(miniPoints()) });
    expect(refused(await listTemplates(dir)).code).toBe('template_duplicate_id');
    expect(refused(await listTemplates(join(dir, 'nope'))).code).toBe('template_read');
    expect(refused(await loadTemplateFile(join(dir, 'nope.yaml'))).code).toBe('template_read');
  });
});
