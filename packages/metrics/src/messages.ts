// The sentence a service manager reads for each flag, in Chinese and English, in plain words
// ("far below its own last 12 months"), and beside it a detail line with the statistics behind
// it (the median and z, the peer group's P10/P90) for whoever wants to check.

import type { Message } from '@fixops/shared';
import { kpiDefinition } from './catalog.js';
import { valueText } from './format.js';

export type FlagKind = 'not_tracked' | 'target' | 'trend' | 'peer';

export interface FlagReference {
  op?: '>=' | '<=';
  target?: number;
  median?: number;
  mad?: number;
  z?: number;
  n?: number;
  direction?: 'better' | 'worse';
  group?: string;
  p10?: number;
  p90?: number;
}

export function flagMessage(kpi: string, kind: FlagKind, value: number | null, ref: FlagReference | null): Message {
  const d = kpiDefinition(kpi)!;
  const v = (lang: 'zh' | 'en', x: number | null | undefined) => valueText(x ?? null, d.unit, lang);
  switch (kind) {
    case 'not_tracked':
      return { zh: `${d.zh}：未做统计（本月缺少计算所需的数据）`, en: `${d.en}: not tracked (the data it needs is missing this month)` };
    case 'target': {
      const low = ref?.op === '>=';
      return {
        zh: `${d.zh} ${v('zh', value)}，${low ? '低于目标' : '高于目标上限'} ${v('zh', ref?.target)}`,
        en: `${d.en} ${v('en', value)}, ${low ? 'below' : 'above'} the ${v('en', ref?.target)} target`,
      };
    }
    case 'trend': {
      const up = (value ?? 0) > (ref?.median ?? 0);
      const better = ref?.direction === 'better';
      return {
        zh: `${d.zh} ${v('zh', value)}，${up ? '远高于' : '远低于'}自身近12个月水平，${better ? '变好' : '变差'}`,
        en: `${d.en} ${v('en', value)}, far ${up ? 'above' : 'below'} its own last 12 months: ${better ? 'better' : 'worse'}`,
      };
    }
    case 'peer': {
      const lower = d.better === 'higher';
      return {
        zh: `${d.zh} ${v('zh', value)}，${lower ? '低于' : '高于'}同组绝大多数经销商`,
        en: `${d.en} ${v('en', value)}, ${lower ? 'lower' : 'higher'} than almost every dealer in its peer group`,
      };
    }
  }
}

/** The statistics behind a trend or peer flag (null for the others, whose sentence says it all). */
export function flagDetail(kpi: string, kind: FlagKind, ref: FlagReference | null): Message | null {
  const d = kpiDefinition(kpi)!;
  const v = (lang: 'zh' | 'en', x: number | null | undefined) => valueText(x ?? null, d.unit, lang);
  switch (kind) {
    case 'trend': {
      const z = (ref?.z ?? 0).toFixed(1);
      return {
        zh: `近 12 个月中位数 ${v('zh', ref?.median)}，z = ${z}`,
        en: `12-month median ${v('en', ref?.median)}, z = ${z}`,
      };
    }
    case 'peer': {
      const lower = d.better === 'higher';
      const bound = lower ? ref?.p10 : ref?.p90;
      const group = ref?.group ?? 'default';
      return {
        zh: `同组 ${group}（${ref?.n ?? 0} 家）${lower ? 'P10' : 'P90'} ${v('zh', bound)}`,
        en: `peer group ${group} (${ref?.n ?? 0} dealers) ${lower ? 'P10' : 'P90'} ${v('en', bound)}`,
      };
    }
    default:
      return null;
  }
}
