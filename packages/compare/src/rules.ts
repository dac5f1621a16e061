// What a JSON Schema cannot say about a comparison file: KPI ids of the catalogue (with the
// closest valid ones), no KPI twice, weights adding up to 1000, bands best first down to 0,
// a coherent dealer selection, and targets on the right side of their floors.

import { defaultSettings, KPI_IDS } from '@fixops/metrics';
import { closest } from '@fixops/shared';
import { componentIssues, type Issue } from './components.js';
import { TOTAL_POINTS, type Comparison } from './types.js';

const num = (n: number) => String(+n.toFixed(6));

export function fileIssues(c: Comparison): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  c.kpis.forEach((k, i) => {
    if (!(KPI_IDS as readonly string[]).includes(k.kpi)) {
      const near = closest(k.kpi, KPI_IDS, 3).join(', ');
      issues.push({
        code: 'compare_unknown_kpi', path: `kpis[${i}].kpi`,
        message: { zh: `kpis[${i}].kpi：没有 KPI“${k.kpi}”。最接近的：${near}`, en: `kpis[${i}].kpi: unknown KPI "${k.kpi}". Closest: ${near}` },
      });
    }
    const before = seen.get(k.kpi);
    if (before !== undefined) {
      issues.push({
        code: 'compare_duplicate_kpi', path: `kpis[${i}].kpi`,
        message: { zh: `kpis[${i}].kpi：KPI“${k.kpi}”重复（kpis[${before}] 已有）`, en: `kpis[${i}].kpi: KPI "${k.kpi}" is listed twice (already kpis[${before}])` },
      });
    } else seen.set(k.kpi, i);
  });

  const parts = [...c.kpis.map((k) => `${k.kpi} ${num(k.weight)}`), ...(c.checklist ? [`checklist ${num(c.checklist.weight)}`] : [])];
  const sum = c.kpis.reduce((s, k) => s + k.weight, 0) + (c.checklist?.weight ?? 0);
  if (Math.abs(sum - TOTAL_POINTS) > 1e-9) {
    issues.push({
      code: 'compare_weights', path: 'kpis',
      message: {
        zh: `权重合计应为 ${TOTAL_POINTS} 分，实际为 ${num(sum)}（${sum < TOTAL_POINTS ? '少' : '多'} ${num(Math.abs(TOTAL_POINTS - sum))}）：${parts.join(' + ')}`,
        en: `Weights must add up to ${TOTAL_POINTS} points, not ${num(sum)} (${num(Math.abs(TOTAL_POINTS - sum))} ${sum < TOTAL_POINTS ? 'short' : 'over'}): ${parts.join(' + ')}`,
      },
    });
  }

  c.bands.forEach((b, i) => {
    const prev = c.bands[i - 1];
    if (prev && !(b.min < prev.min)) {
      issues.push({
        code: 'compare_bands', path: `bands[${i}].min`,
        message: { zh: `bands[${i}].min：等级要从高到低排列，${b.min} 应低于上一级 ${prev.zh} 的 ${prev.min}`, en: `bands[${i}].min: bands go best first, so ${b.min} must be below ${prev.min} of ${prev.en}` },
      });
    }
  });
  const last = c.bands.at(-1);
  if (last && last.min !== 0) {
    issues.push({
      code: 'compare_bands', path: `bands[${c.bands.length - 1}].min`,
      message: { zh: `bands[${c.bands.length - 1}].min：最低一级必须从 0 分开始（实际为 ${last.min}）`, en: `bands[${c.bands.length - 1}].min: the lowest band must start at 0 (got ${last.min})` },
    });
  }

  const d = c.dealers;
  if (d.all && (d.codes || d.regions || d.groups)) {
    issues.push({ code: 'compare_dealers', path: 'dealers', message: { zh: 'dealers：all: true 不能再与 codes、regions 或 groups 同用', en: 'dealers: all: true cannot be combined with codes, regions or groups' } });
  } else if (d.codes && (d.regions || d.groups)) {
    issues.push({ code: 'compare_dealers', path: 'dealers', message: { zh: 'dealers：codes（逐家列出）不能与 regions 或 groups 同用', en: 'dealers: codes (listed dealers) cannot be combined with regions or groups' } });
  } else if (!d.all && !d.codes && !d.regions && !d.groups) {
    issues.push({ code: 'compare_dealers', path: 'dealers', message: { zh: 'dealers：请用 all: true、codes、regions 或 groups 选择经销商', en: 'dealers: choose dealers with all: true, codes, regions or groups' } });
  }

  // Targets against floors, with the settings' default targets where the file gives none.
  issues.push(...componentIssues(c, defaultSettings()).issues);
  return issues;
}
