// `fixops assess [--db FILE] --dealer CODE --date YYYY-MM-DD [--month YYYY-MM] [--template ID] [--assessor NAME] --scores FILE [--finish] [--json]`
// `fixops assess [--db FILE] --visit ID [--scores FILE] [--date YYYY-MM-DD] [--month YYYY-MM] [--finish] [--json]` continues a draft.
// Scores FILE is CSV `id,score[,note]` or JSON `{ "id": score }`. A visit is a draft (未评完 n/N) until every
// line is scored, or --finish judges it with the lines left counting 0. Refused scores: exit 1 with every reason.

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import Papa from 'papaparse';
import { partialRate, type Progress, type ScoreEntry, type Scorecard } from '@fixops/checklist';
import { findTemplate, getAssessment, recordVisit, type VisitInput } from '@fixops/assessment';
import { checkDealer } from '@fixops/metrics';
import { bilingual, isMonth, type FixopsError } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';
import { printJson } from '../output/print.js';

const USAGE = 'usage: fixops assess --dealer CODE --date YYYY-MM-DD [--month YYYY-MM] [--template ID] [--assessor NAME] --scores FILE [--finish] [--json]\n'
  + '       fixops assess --visit ID [--scores FILE] [--date YYYY-MM-DD] [--month YYYY-MM] [--finish] [--json]   (continue a draft)';

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

export async function assessCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, date: { type: 'string' }, month: { type: 'string' }, template: { type: 'string' },
    assessor: { type: 'string' }, scores: { type: 'string' }, notes: { type: 'string' }, visit: { type: 'string' }, finish: { type: 'boolean', default: false },
  });
  const draftId = values.visit === undefined ? undefined : Number(values.visit);
  if (draftId !== undefined && (!Number.isInteger(draftId) || draftId < 1)) throw new UsageError(`fixops assess: --visit must be a visit number, not "${values.visit}"`);
  if (draftId === undefined && (values.dealer === undefined || values.date === undefined || values.scores === undefined)) throw new UsageError(USAGE);
  if (draftId !== undefined && values.scores === undefined && !values.finish) throw new UsageError(USAGE);
  if (values.date !== undefined && !isDate(values.date)) throw new UsageError(`fixops assess: --date must be YYYY-MM-DD, not "${values.date}"`);
  if (values.month !== undefined && !isMonth(values.month)) throw new UsageError(`fixops assess: --month must be YYYY-MM, not "${values.month}"`);
  if (values.scores !== undefined && !existsSync(values.scores)) throw new UsageError(`fixops assess: file not found: ${values.scores}`);
  const entries = values.scores === undefined ? [] : parseScores(await readFile(values.scores, 'utf8'), values.scores);

  const result = await withDatabase(values.db, async (db) => {
    const c = db.connection;
    let input: VisitInput;
    let templateId = values.template ?? 'dealer-aftersales';
    if (draftId !== undefined) {
      const before = await getAssessment(c, draftId);
      if (!before) throw new UsageError(`fixops assess: no visit #${draftId} (fixops assessments --dealer CODE lists them)`);
      if (values.dealer !== undefined && values.dealer !== before.dealer) throw new UsageError(`fixops assess: visit #${draftId} is ${before.dealer}'s, not ${values.dealer}'s`);
      templateId = before.templateId;
      // The file's scores are added to the draft's (a line scored again takes the new score).
      const given = new Set(entries.map((e) => e.id));
      input = {
        id: draftId, dealer: before.dealer, date: values.date ?? before.date, month: values.month ?? before.month,
        scores: [...before.scores.filter((e) => !given.has(e.id)), ...entries], finish: values.finish,
      };
      const assessor = values.assessor ?? before.assessor;
      if (assessor !== null) input.assessor = assessor;
      const notes = values.notes ?? before.notes;
      if (notes !== null) input.notes = notes;
    } else {
      const dealer = values.dealer!;
      orUsage(await checkDealer(c, dealer));
      input = { dealer, date: values.date!, scores: entries, finish: values.finish };
      if (values.month !== undefined) input.month = values.month;
      if (values.assessor !== undefined) input.assessor = values.assessor;
      if (values.notes !== undefined) input.notes = values.notes;
    }
    const template = orUsage(await findTemplate(templateId));
    const saved = await recordVisit(c, template, input);
    if (!saved.ok) return saved;
    return { ok: true as const, value: { id: saved.value.id, scorecard: saved.value.scorecard, month: (await getAssessment(c, saved.value.id))!.month } };
  });
  if (!result.ok) return refused(result.error, values.scores ?? `#${draftId}`, values.json);
  const { id, scorecard: card, month } = result.value;
  if (values.json) printJson(card);
  else {
    const state = card.complete ? '' : ` · 未评完 ${card.progress.scored}/${card.progress.of}（草稿，可用 --visit ${id} 继续 draft: continue with --visit ${id}）`;
    process.stdout.write(`${renderScorecard(card)}\n评估已保存 Assessment saved: #${id} · 数据月份 data month ${month}${state}\n`);
  }
  return 0;
}

function refused(e: FixopsError, source: string, json: boolean | undefined): number {
  if (e.code === 'assessment_complete' || e.code === 'assessment_not_found' || e.code === 'assessment_template') {
    process.stderr.write(`${bilingual(e.message)}\n`);
    if (json) printJson({ error: e });
    return 1;
  }
  const issues = (e.details?.issues as { message: { zh: string; en: string } }[] | undefined) ?? [{ message: e.message }];
  process.stderr.write(`评分未保存 Scores refused (${source}):\n${issues.map((i) => `  - ${bilingual(i.message)}`).join('\n')}\n`);
  if (json) printJson({ error: e });
  return 1;
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
  type Level = { passed: boolean; complete: boolean; progress?: Progress };
  const status = (x: Level) => (!x.complete ? `未评完 incomplete ${x.progress?.scored ?? 0}/${x.progress?.of ?? 0}` : x.passed ? '合格 pass' : '不合格 fail');
  const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  // A level not completely scored shows its rate over what is scored, marked partial.
  const shown = (x: Level & { rate: number; score: number }) => (x.complete ? rate(x.rate) : `${rate(partialRate(x))} 部分 partial`);
  for (const s of card.sections) {
    rows.push([s.zh, '', s.score, s.max, shown(s), status(s)]);
    for (const m of s.modules) rows.push(['', m.zh, m.score, m.max, shown(m), status(m)]);
  }
  rows.push(['合计 Total', '', card.total, card.max, shown({ ...card, score: card.total }), status(card)]);
  return renderTable(['部门 Department', '模块 Module', '得分 Score', '满分 Max', '得分率 Rate', '结果 Result'], rows);
}
