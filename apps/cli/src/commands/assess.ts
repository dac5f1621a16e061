// `fixops assess [--db FILE] --dealer CODE --date YYYY-MM-DD [--template ID] [--assessor NAME] --scores FILE [--json]`
// Scores FILE is CSV `id,score[,note]` or JSON `{ "id": score }`. Refused scores: exit 1 with every reason.

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import Papa from 'papaparse';
import { scoreAssessment, type ScoreEntry, type Scorecard } from '@fixops/checklist';
import { findTemplate, saveAssessment } from '@fixops/assessment';
import { checkDealer } from '@fixops/metrics';
import { bilingual } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';
import { printJson } from '../output/print.js';

export async function assessCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, date: { type: 'string' }, template: { type: 'string', default: 'dealer-aftersales' },
    assessor: { type: 'string' }, scores: { type: 'string' }, notes: { type: 'string' },
  });
  if (values.dealer === undefined || values.date === undefined || values.scores === undefined) {
    throw new UsageError('usage: fixops assess --dealer CODE --date YYYY-MM-DD [--template ID] [--assessor NAME] --scores FILE [--json]');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(Date.parse(`${values.date}T00:00:00Z`))) throw new UsageError(`fixops assess: --date must be YYYY-MM-DD, not "${values.date}"`);
  if (!existsSync(values.scores)) throw new UsageError(`fixops assess: file not found: ${values.scores}`);
  const template = orUsage(await findTemplate(values.template));
  const entries = parseScores(await readFile(values.scores, 'utf8'), values.scores);
  const scored = scoreAssessment(template, entries);
  if (!scored.ok) {
    const issues = (scored.error.details?.issues as { message: { zh: string; en: string } }[] | undefined) ?? [{ message: scored.error.message }];
    process.stderr.write(`评分未保存 Scores refused (${values.scores}):\n${issues.map((i) => `  - ${bilingual(i.message)}`).join('\n')}\n`);
    if (values.json) printJson({ error: scored.error });
    return 1;
  }
  const card = scored.value;
  const dealer = values.dealer;
  const id = await withDatabase(values.db, async (db) => {
    orUsage(await checkDealer(db.connection, dealer));
    return saveAssessment(db.connection, { dealer, date: values.date!, assessor: values.assessor, notes: values.notes, scores: entries, scorecard: card });
  });
  if (values.json) printJson(card);
  else process.stdout.write(`${renderScorecard(card)}\n评估已保存 Assessment saved: #${id}\n`);
  return 0;
}

export function parseScores(text: string, file: string): ScoreEntry[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    let obj: unknown;
    try {
      obj = JSON.parse(trimmed);
    } catch (e) {
      throw new UsageError(`fixops assess: ${file} is not valid JSON (${(e as Error).message})`);
    }
    return Object.entries(obj as Record<string, unknown>).map(([id, score]) => ({ id, score: score as number }));
  }
  const rows = Papa.parse<string[]>(trimmed, { skipEmptyLines: 'greedy' }).data;
  const start = rows[0] && rows[0][0]?.trim().toLowerCase() === 'id' ? 1 : 0;
  return rows.slice(start).map((r) => {
    const entry: ScoreEntry = { id: (r[0] ?? '').trim(), score: r[1] === undefined || r[1].trim() === '' ? Number.NaN : Number(r[1]) };
    if (r[2] !== undefined && r[2].trim() !== '') entry.note = r[2].trim();
    return entry;
  });
}

export function renderScorecard(card: Scorecard): string {
  const rows: (string | number)[][] = [];
  const status = (x: { passed: boolean; complete: boolean }) => (!x.complete ? '未评完 incomplete' : x.passed ? '合格 pass' : '不合格 fail');
  const rate = (r: number) => `${(r * 100).toFixed(1)}%`;
  for (const s of card.sections) {
    rows.push([s.zh, '', s.score, s.max, rate(s.rate), status(s)]);
    for (const m of s.modules) rows.push(['', m.zh, m.score, m.max, rate(m.rate), status(m)]);
  }
  rows.push(['合计 Total', '', card.total, card.max, rate(card.rate), status(card)]);
  return renderTable(['部门 Department', '模块 Module', '得分 Score', '满分 Max', '得分率 Rate', '结果 Result'], rows);
}
