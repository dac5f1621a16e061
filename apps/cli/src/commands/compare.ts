// `fixops compare FILE [--month YYYY-MM] [--format table|md|csv|json|html|xlsx] [--lang zh|en] [--out FILE] [--db FILE]`
// Runs a scripted dealer comparison (a YAML file, see data/comparisons/) and prints its scorecard.
// FILE may also name a file of data/comparisons without its folder or .yaml ending. A CSV written
// with --out starts with a BOM (Excel then reads Chinese); on stdout it has none. xlsx needs --out.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COMPARISONS_DIR, loadComparisonFile, renderCsv, renderHtml, renderJson, renderMarkdown, runComparison, type ComparisonResult } from '@fixops/compare';
import { checkMonth } from '@fixops/metrics';
import { bilingual } from '@fixops/shared';
import { DB_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { writeOutFile } from '../output/file.js';
import { renderTable } from '../output/table.js';
import { chooseFormat, writeWorkbook } from '../output/xlsx.js';
import { langOption, orUsage } from '../select.js';

const FORMATS = ['table', 'md', 'csv', 'json', 'html', 'xlsx'];
const USAGE = 'usage: fixops compare FILE [--month YYYY-MM] [--format table|md|csv|json|html|xlsx] [--lang zh|en] [--out FILE] [--db FILE]';

function resolveFile(name: string): string {
  if (existsSync(name)) return name;
  for (const candidate of [join(COMPARISONS_DIR, name), join(COMPARISONS_DIR, `${name}.yaml`)]) if (existsSync(candidate)) return candidate;
  return name;
}

const signed = (n: number, digits: number) => (n > 0 ? `+${n.toFixed(digits)}` : n.toFixed(digits));

/** For people at a terminal: both languages, the ranking with bands, changes and the three gaps. */
function renderPeopleTable(r: ComparisonResult): string {
  const label = (id: string) => {
    const c = r.components.find((x) => x.id === id)!;
    return `${c.zh} ${c.en}`;
  };
  const head = ['名次 Rank', '经销商 Dealer', '名称 Name', '综合得分 Score', '等级 Band', '较上期 Change', '名次变化 Rank change', '三大差距（落后中位数的分数）Biggest gaps (points behind the median)'];
  const body = r.rows.map((d) => [
    d.rank, d.dealer, d.name ?? '', d.score.toFixed(1), `${d.band.zh} ${d.band.en}`,
    d.change ? signed(d.change.score, 1) : '—', d.change ? signed(d.change.rank, 0) : '—',
    d.gaps.map((g) => `${label(g.id)} −${g.points.toFixed(1)}`).join('\n') || '—',
  ]);
  const lines = [
    `${r.title.zh} / ${r.title.en} · ${r.month}`,
    `范围 Selection：${r.selection.zh} / ${r.selection.en} · ${r.rows.length} 家经销商 dealers · 对比期 compared with ${r.previousMonth}`,
    renderTable(head, body),
  ];
  if (r.missing.length) lines.push(`本月无 KPI 数据 No KPI values this month: ${r.missing.map((d) => d.dealer).join(', ')}`);
  lines.push('各项得分与计分方法：--format md|html / Every KPI\'s points and the scoring rule: --format md|html');
  return `${lines.join('\n')}\n`;
}

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DB_OPTION, month: { type: 'string' }, format: { type: 'string', default: 'table' }, lang: { type: 'string' }, out: { type: 'string' },
  }, true);
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const format = chooseFormat('compare', values, FORMATS);
  const lang = langOption(values.lang);
  const month = values.month === undefined ? undefined : orUsage(checkMonth(values.month));
  const file = resolveFile(positionals[0]!);
  const comparison = await loadComparisonFile(file);
  if (!comparison.ok) {
    process.stderr.write(`fixops compare: ${bilingual(comparison.error.message)}\n`);
    return 1;
  }
  const result = await withDatabase(values.db, (db) => runComparison(db.connection, comparison.value, month === undefined ? {} : { month }));
  if (!result.ok) {
    process.stderr.write(`fixops compare: ${file}: ${bilingual(result.error.message)}\n`);
    return 1;
  }
  const r = result.value;
  if (format === 'xlsx') return writeWorkbook(values.out!, (await import('../output/compare-sheet.js')).compareSheet(r, lang), lang);
  const text = format === 'md' ? renderMarkdown(r, lang)
    : format === 'csv' ? renderCsv(r)
      : format === 'json' ? renderJson(r)
        : format === 'html' ? renderHtml(r, lang)
          : renderPeopleTable(r);
  if (values.out) {
    await writeOutFile(values.out, format === 'csv' ? `\uFEFF${text}` : text);
    process.stderr.write(`对标结果已写入 Comparison written: ${values.out}\n`);
  } else process.stdout.write(text);
  return 0;
}
