// A comparison scorecard as a workbook table: one row per ranked dealer with its score, band,
// change, each component's value (in its unit) and points, and its three biggest gaps — the
// same numbers as `fixops compare --format json` / csv, laid out for a spreadsheet. The CLI's
// `--format xlsx` and the API's `?format=xlsx` both write this table (imported on its own as
// `@fixops/usecases/comparisonsSheet` by the CLI).

import type { ComparisonResult } from '@fixops/compare';
import type { Lang } from '@fixops/shared';
import type { XlsxCell, XlsxColumn, XlsxTable } from '@fixops/shared/xlsx';
import { unitType } from './sheets.js';

export function compareSheet(r: ComparisonResult, lang: Lang): XlsxTable {
  const say = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
  const byId = new Map(r.components.map((c) => [c.id, c]));
  const columns: XlsxColumn[] = [
    { zh: '名次', en: 'Rank', type: 'integer' }, { zh: '经销商', en: 'Dealer', type: 'text' }, { zh: '名称', en: 'Name', type: 'text' },
    { zh: '区域', en: 'Region', type: 'text' }, { zh: '分组', en: 'Group', type: 'text' }, { zh: '综合得分', en: 'Score', type: 'number' },
    { zh: '等级', en: 'Band', type: 'text' }, { zh: '上期得分', en: 'Previous score', type: 'number' }, { zh: '得分变化', en: 'Score change', type: 'number' },
    { zh: '上期名次', en: 'Previous rank', type: 'integer' }, { zh: '名次变化', en: 'Rank change', type: 'integer' },
  ];
  for (const c of r.components) {
    columns.push({ zh: c.zh, en: c.en, type: unitType(c.unit) }, { zh: `${c.zh} 得分`, en: `${c.en} points`, type: 'number' });
  }
  for (let i = 1; i <= 3; i++) columns.push({ zh: `差距 ${i}`, en: `Gap ${i}`, type: 'text' }, { zh: `差距 ${i} 分数`, en: `Gap ${i} points`, type: 'number' });
  return {
    title: r.title,
    details: [say(r.selection), r.month],
    sheet: { zh: '评分卡', en: 'Scorecard' },
    columns,
    rows: r.rows.map((d) => {
      const cells: XlsxCell[] = [
        d.rank, d.dealer, d.name, d.region, d.group, d.score, say(d.band),
        d.previous?.score ?? null, d.change?.score ?? null, d.previous?.rank ?? null, d.change?.rank ?? null,
      ];
      for (const c of r.components) {
        const p = d.components.find((x) => x.id === c.id);
        cells.push(p?.value ?? null, p ? Number(p.points.toFixed(6)) : null);
      }
      for (let i = 0; i < 3; i++) {
        const g = d.gaps[i];
        const c = g ? byId.get(g.id) : undefined;
        cells.push(g ? (c ? say(c) : g.id) : null, g ? Number(g.points.toFixed(6)) : null);
      }
      return cells;
    }),
  };
}
