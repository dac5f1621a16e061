// The template checks a JSON Schema cannot express: sums of maxima, unique nested ids, class weights, grade bands.

import type { Message } from '@fixops/shared';
import { label } from './describe.js';
import { cmp, rational, sum, toNumber } from './rational.js';
import type { PointsTemplate, TemplateItem, WeightedTemplate } from './types.js';

export interface RuleIssue {
  code: string;
  /** The id of the entry at fault. */
  id: string;
  message: Message;
}

const KIND = {
  template: { zh: '模板', en: 'template' },
  section: { zh: '部门', en: 'section' },
  module: { zh: '模块', en: 'module' },
  item: { zh: '项目', en: 'item' },
  dimension: { zh: '维度', en: 'dimension' },
  class: { zh: '类别', en: 'class' },
  grade: { zh: '等级', en: 'grade' },
  periodRule: { zh: '周期规则', en: 'period rule' },
} as const;

function fmt(x: number): string {
  return String(x);
}

class Issues {
  readonly list: RuleIssue[] = [];
  add(code: string, id: string, message: Message): void {
    this.list.push({ code, id, message });
  }

  /** The parts' maxima must add up exactly to the whole's max. */
  sumOf(whole: Message, wholeId: string, parts: Message, partMaxima: number[], max: number): void {
    const total = sum(partMaxima);
    if (cmp(total, rational(max)) === 0) return;
    const t = fmt(toNumber(total));
    this.add('template_sum', wholeId, {
      zh: `${whole.zh} 的${parts.zh}满分合计为 ${t}，与其满分 ${fmt(max)} 不符`,
      en: `${whole.en}: its ${parts.en} add up to ${t}, not its max ${fmt(max)}`,
    });
  }

  /** Ids are unique across the whole file. */
  unique(seen: Map<string, Message>, id: string, what: Message): void {
    const before = seen.get(id);
    if (before === undefined) {
      seen.set(id, what);
      return;
    }
    this.add('template_duplicate_id', id, {
      zh: `重复的 id：${what.zh}（与 ${before.zh} 同名）`,
      en: `Duplicate id: ${what.en} (same id as ${before.en})`,
    });
  }

  /** A child id is "<parent>.<name>". */
  nested(child: Message, childId: string, parent: Message, parentId: string): void {
    const prefix = `${parentId}.`;
    if (childId.startsWith(prefix) && !childId.slice(prefix.length).includes('.')) return;
    this.add('template_id_nesting', childId, {
      zh: `${child.zh} 列在${parent.zh}下，id 应为 "${prefix}<名称>"`,
      en: `${child.en} is listed under ${parent.en}: its id must be "${prefix}<name>"`,
    });
  }
}

function checkItems(issues: Issues, seen: Map<string, Message>, owner: Message, ownerId: string, max: number, items: TemplateItem[] | undefined): void {
  if (items === undefined) return;
  for (const item of items) {
    const it = label(KIND.item, item.id);
    issues.unique(seen, item.id, it);
    issues.nested(it, item.id, owner, ownerId);
  }
  issues.sumOf(owner, ownerId, { zh: '各项目', en: 'items' }, items.map((i) => i.max), max);
}

export function pointsTemplateIssues(t: PointsTemplate): RuleIssue[] {
  const issues = new Issues();
  const seen = new Map<string, Message>();
  for (const section of t.sections) {
    const s = label(KIND.section, section.id);
    issues.unique(seen, section.id, s);
    for (const mod of section.modules) {
      const m = label(KIND.module, mod.id);
      issues.unique(seen, mod.id, m);
      issues.nested(m, mod.id, s, section.id);
      checkItems(issues, seen, m, mod.id, mod.max, mod.items);
    }
    issues.sumOf(s, section.id, { zh: '各模块', en: 'modules' }, section.modules.map((m) => m.max), section.max);
  }
  issues.sumOf(label(KIND.template, t.id), t.id, { zh: '各部门', en: 'sections' }, t.sections.map((s) => s.max), t.max);
  return issues.list;
}

export function weightedTemplateIssues(t: WeightedTemplate): RuleIssue[] {
  const issues = new Issues();
  const seen = new Map<string, Message>();
  const scale = t.dimensions[0]?.max ?? 0;
  for (const dim of t.dimensions) {
    const d = label(KIND.dimension, dim.id);
    issues.unique(seen, dim.id, d);
    checkItems(issues, seen, d, dim.id, dim.max, dim.items);
    if (cmp(rational(dim.max), rational(scale)) !== 0) {
      issues.add('template_scale', dim.id, {
        zh: `${d.zh} 的满分 ${fmt(dim.max)} 与其他维度（${fmt(scale)}）不同；加权综合分要求各维度同一满分`,
        en: `${d.en}: max ${fmt(dim.max)} differs from the other dimensions (${fmt(scale)}); a weighted composite needs one scale`,
      });
    }
  }

  const dimensionIds = new Set(t.dimensions.map((d) => d.id));
  const classIds = new Map<string, Message>();
  for (const cls of t.weights.classes) {
    const c = label(KIND.class, cls.id);
    issues.unique(classIds, cls.id, c);
    for (const dim of t.dimensions) {
      if (!(dim.id in cls.weights)) {
        issues.add('template_weights', cls.id, { zh: `${c.zh} 缺少维度 ${dim.id} 的权重`, en: `${c.en}: no weight for dimension ${dim.id}` });
      }
    }
    for (const key of Object.keys(cls.weights)) {
      if (!dimensionIds.has(key)) {
        issues.add('template_weights', cls.id, { zh: `${c.zh} 的权重中有未知维度 ${key}`, en: `${c.en}: weight for unknown dimension ${key}` });
      }
    }
    const total = sum(Object.values(cls.weights));
    if (cmp(total, rational(t.weights.sumTo)) !== 0) {
      issues.add('template_weights', cls.id, {
        zh: `${c.zh} 的权重合计为 ${fmt(toNumber(total))}，与声明的 sumTo ${fmt(t.weights.sumTo)} 不符`,
        en: `${c.en}: weights add up to ${fmt(toNumber(total))}, not the declared sumTo ${fmt(t.weights.sumTo)}`,
      });
    }
  }

  const grades = new Map<string, Message>();
  t.grades.forEach((band, i) => {
    const g = label(KIND.grade, band.grade);
    issues.unique(grades, band.grade, g);
    const prev = i > 0 ? t.grades[i - 1] : undefined;
    if (prev !== undefined && cmp(rational(band.min), rational(prev.min)) >= 0) {
      issues.add('template_grades', band.grade, {
        zh: `${g.zh} 的下限 ${fmt(band.min)} 必须低于上一档 ${prev.grade} 的下限 ${fmt(prev.min)}（等级按从高到低排列）`,
        en: `${g.en}: min ${fmt(band.min)} must be below the min ${fmt(prev.min)} of the band above (${prev.grade}); list bands highest first`,
      });
    }
    if (cmp(rational(band.min), rational(scale)) > 0) {
      issues.add('template_grades', band.grade, {
        zh: `${g.zh} 的下限 ${fmt(band.min)} 超过满分 ${fmt(scale)}，无法达到`,
        en: `${g.en}: min ${fmt(band.min)} is above the max ${fmt(scale)} and can never be reached`,
      });
    }
  });
  const last = t.grades[t.grades.length - 1];
  if (last !== undefined && last.min !== 0) {
    issues.add('template_grades', last.grade, {
      zh: `最低一档 ${label(KIND.grade, last.grade).zh} 的下限必须为 0（实际为 ${fmt(last.min)}），否则低分无等级`,
      en: `The lowest band, ${label(KIND.grade, last.grade).en}, must start at 0 (got ${fmt(last.min)}) so every composite gets a grade`,
    });
  }

  t.periodRules.forEach((rule, i) => {
    if (rule.rule === 'consecutive' && !grades.has(rule.grade)) {
      const r = label(KIND.periodRule, `periodRules[${i}]`);
      issues.add('template_period_rule', rule.grade, {
        zh: `${r.zh} 的等级 ${rule.grade} 未在 grades 中定义`,
        en: `${r.en}: grade ${rule.grade} is not one of the grades`,
      });
    }
  });
  return issues.list;
}
