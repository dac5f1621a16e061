// The scored parts of a comparison — its KPIs and the optional checklist — with the target
// (full points) and the floor (no points) each is scored against, checked to lie on the
// right sides of each other for the KPI's direction.

import { kpiDefinition, type Settings } from '@fixops/metrics';
import { err, ok, type Message, type Result } from '@fixops/shared';
import type { Comparison, Component } from './types.js';

export interface Issue {
  code: string;
  path: string;
  message: Message;
}

const pctOrNum = (v: number, rate: boolean) => (rate ? `${v} (${+(v * 100).toFixed(4)}%)` : String(v));

/** The components with targets filled in from `settings`, or every problem found. */
export function componentIssues(c: Pick<Comparison, 'kpis' | 'checklist'>, settings: Settings): { components: Component[]; issues: Issue[] } {
  const components: Component[] = [];
  const issues: Issue[] = [];
  c.kpis.forEach((k, i) => {
    const def = kpiDefinition(k.kpi);
    if (!def) return; // reported by the file rules
    const path = `kpis[${i}]`;
    const setting = settings[`target.${k.kpi}`];
    const target = k.target ?? setting;
    if (target === undefined) {
      issues.push({
        code: 'compare_no_target', path: `${path}.target`,
        message: {
          zh: `${path}（${k.kpi} ${def.zh}）没有默认目标值，请写出 target`,
          en: `${path} (${k.kpi}): ${def.en} has no default target; give one with "target"`,
        },
      });
      return;
    }
    const rate = def.unit === 'rate';
    const floor = k.floor ?? (def.better === 'higher' ? 0 : 2 * target);
    for (const [field, v] of [['target', target], ['floor', floor]] as const) {
      if (rate && v > 1) {
        issues.push({
          code: 'compare_rate_range', path: `${path}.${field}`,
          message: { zh: `${path}.${field}：${k.kpi} 是比率，取值应在 0 到 1 之间（实际为 ${v}）`, en: `${path}.${field}: ${k.kpi} is a rate, so it must lie from 0 to 1 (got ${v})` },
        });
      }
    }
    const wrong = def.better === 'higher' ? !(floor < target) : !(floor > target);
    if (wrong) {
      const side = def.better === 'higher'
        ? { zh: '越高越好，floor（0 分）必须低于 target（满分）', en: 'higher is better, so floor (0 points) must be below target (full points)' }
        : { zh: '越低越好，floor（0 分）必须高于 target（满分）', en: 'lower is better, so floor (0 points) must be above target (full points)' };
      issues.push({
        code: 'compare_target_side', path: k.target !== undefined ? `${path}.target` : `${path}.floor`,
        message: {
          zh: `${path}（${k.kpi}）：目标在错误的一侧——${def.zh}${side.zh}；现在 target = ${pctOrNum(target, rate)}，floor = ${pctOrNum(floor, rate)}`,
          en: `${path} (${k.kpi}): target on the wrong side — ${def.en}: ${side.en}; now target = ${pctOrNum(target, rate)}, floor = ${pctOrNum(floor, rate)}`,
        },
      });
      return;
    }
    components.push({
      id: k.kpi, kind: 'kpi', zh: def.zh, en: def.en, unit: def.unit, better: def.better, weight: k.weight, target, floor,
      targetSource: k.target !== undefined ? 'file' : 'setting',
    });
  });
  if (c.checklist) {
    const { weight, target, floor, targetGiven } = c.checklist;
    if (!(floor < target)) {
      issues.push({
        code: 'compare_target_side', path: 'checklist.floor',
        message: {
          zh: `checklist：目标在错误的一侧——评估得分率越高越好，floor（${floor}）必须低于 target（${target}）`,
          en: `checklist: target on the wrong side — a higher score rate is better, so floor (${floor}) must be below target (${target})`,
        },
      });
    } else {
      components.push({ id: 'checklist', kind: 'checklist', zh: '现场评估得分率', en: 'On-site assessment score rate', unit: 'rate', better: 'higher', weight, target, floor, targetSource: targetGiven ? 'file' : 'default' });
    }
  }
  return { components, issues };
}

export function resolveComponents(c: Comparison, settings: Settings): Result<Component[]> {
  const { components, issues } = componentIssues(c, settings);
  const first = issues[0];
  if (first) return err(first.code, first.message, { path: first.path, issues });
  return ok(components);
}
