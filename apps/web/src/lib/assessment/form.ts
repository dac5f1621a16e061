// The assessment form's state logic: raw text typed per item (or per module scored as a
// whole) → validation as you type, live totals and rates at every level (scored by
// @fixops/checklist's own scoreAssessment, exactly as the server will), and the request body
// of POST /api/assessments.

import { passRateOf, scoreAssessment, type Scorecard, type ScoreEntry } from '@fixops/checklist/score';
import type { PointsTemplate, TemplateItem, TemplateModule } from '@fixops/checklist';
import type { Message } from '@fixops/shared';
import type { NewAssessment } from '../api.js';

/** What the user typed, keyed by item id (or module id for a module scored as a whole). */
export type FormValues = Record<string, string>;

export interface FieldIssue {
  id: string;
  message: Message;
}

interface Line {
  kind: 'item' | 'module';
  id: string;
  zh: string;
  en: string;
  max: number;
}

/** Every field the form can show: each item, and each module (as a whole). */
export function lines(template: PointsTemplate): Map<string, Line> {
  const out = new Map<string, Line>();
  for (const s of template.sections) {
    for (const m of s.modules) {
      out.set(m.id, { kind: 'module', id: m.id, zh: m.zh, en: m.en, max: m.max });
      for (const i of m.items ?? []) out.set(i.id, { kind: 'item', id: i.id, zh: i.zh, en: i.en, max: i.max });
    }
  }
  return out;
}

/** A number as typed, full-width digits and a decimal comma allowed; null when empty; NaN when not a number. */
export function parseScore(raw: string): number | null {
  const t = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．，,]/g, '.');
  if (t === '') return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number.NaN;
  return Number(t);
}

/** A line named as the form shows it: "项目“接待”" / "Item "Reception"" (the id only as a detail, after the message). */
function what(line: Line): Message {
  return line.kind === 'item' ? { zh: `项目“${line.zh}”`, en: `Item "${line.en}"` } : { zh: `模块“${line.zh}”`, en: `Module "${line.en}"` };
}

/** Validation as you type: null when the field is empty or a number within 0..max. */
export function checkField(line: Line, raw: string): Message | null {
  const v = parseScore(raw);
  if (v === null) return null;
  const w = what(line);
  const id = line.id;
  if (Number.isNaN(v)) return { zh: `${w.zh}的得分必须是数字（输入为“${raw.trim()}”；${id}）`, en: `${w.en}: the score must be a number (got "${raw.trim()}") (${id})` };
  if (v < 0) return { zh: `${w.zh}的得分 ${v} 不能为负（${id}）`, en: `${w.en}: score ${v} is negative (${id})` };
  if (v > line.max) return { zh: `${w.zh}的得分 ${v} 超过满分 ${line.max}（${id}）`, en: `${w.en}: score ${v} is above its max ${line.max} (${id})` };
  return null;
}

export interface LiveState {
  /** The scorecard of the valid fields (unscored lines leave their levels incomplete). */
  card: Scorecard | null;
  /** Field problems, in form order. */
  issues: FieldIssue[];
  /** Valid, non-empty entries: the body's `scores`. */
  scores: ScoreEntry[];
  /** Lines scored / lines to score (a module scored whole counts for its items). */
  filled: number;
  toFill: number;
}

/** Is this module scored as a whole (its own field has text)? */
export function scoredWhole(mod: TemplateModule, values: FormValues): boolean {
  return (values[mod.id] ?? '').trim() !== '' || mod.items === undefined || mod.items.length === 0;
}

/** Validates every field and scores the valid ones. */
export function liveState(template: PointsTemplate, values: FormValues): LiveState {
  const all = lines(template);
  const issues: FieldIssue[] = [];
  const scores: ScoreEntry[] = [];
  let filled = 0;
  let toFill = 0;
  const take = (line: Line) => {
    const raw = values[line.id] ?? '';
    const problem = checkField(line, raw);
    if (problem) {
      issues.push({ id: line.id, message: problem });
      return false;
    }
    const v = parseScore(raw);
    if (v === null) return false;
    scores.push({ id: line.id, score: v });
    return true;
  };
  for (const s of template.sections) {
    for (const m of s.modules) {
      const items: TemplateItem[] = m.items ?? [];
      if (scoredWhole(m, values)) {
        toFill += Math.max(1, items.length);
        if (take(all.get(m.id)!)) filled += Math.max(1, items.length);
      } else {
        for (const i of items) {
          toFill++;
          if (take(all.get(i.id)!)) filled++;
        }
      }
    }
  }
  const scored = scoreAssessment(template, scores);
  return { card: scored.ok ? scored.value : null, issues, scores, filled, toFill };
}

/** The form's values of a stored visit: each score as text, keyed by item (or whole-module) id. */
export function valuesOf(scores: readonly ScoreEntry[]): FormValues {
  return Object.fromEntries(scores.map((e) => [e.id, String(e.score)]));
}

/** The pass line of a level in points (e.g. 70% of 330 = 231). */
export function passLine(template: PointsTemplate, id: string, max: number): number {
  const rate = passRateOf(template, id) ?? template.passRate;
  return Math.round(rate * max * 100) / 100;
}

export interface Visit {
  dealer: string;
  date: string;
  /** YYYY-MM, or '' for the default (the dealer's latest month with data on or before the date). */
  month?: string;
  assessor?: string;
  notes?: string;
}

export type BodyResult =
  | { ok: true; body: NewAssessment & { template: string } }
  | { ok: false; issues: FieldIssue[] };

/** The body of POST /api/assessments, or the issues that keep it from being sent. */
export function requestBody(template: PointsTemplate, visit: Visit, values: FormValues): BodyResult {
  const state = liveState(template, values);
  const issues = [...state.issues];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(visit.date) || Number.isNaN(Date.parse(`${visit.date}T00:00:00Z`))) {
    issues.unshift({ id: 'date', message: { zh: `日期“${visit.date}”无效（YYYY-MM-DD）`, en: `Invalid date "${visit.date}" (YYYY-MM-DD)` } });
  }
  if (visit.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(visit.month)) {
    issues.unshift({ id: 'month', message: { zh: `数据月份“${visit.month}”无效（YYYY-MM）`, en: `Invalid data month "${visit.month}" (YYYY-MM)` } });
  }
  if (state.scores.length === 0) issues.push({ id: 'scores', message: { zh: '至少填写一项得分', en: 'Enter at least one score' } });
  if (issues.length > 0) return { ok: false, issues };
  const body: Extract<BodyResult, { ok: true }>['body'] = { dealer: visit.dealer, date: visit.date, template: template.id, scores: state.scores };
  if (visit.month) body.month = visit.month;
  if (visit.assessor?.trim()) body.assessor = visit.assessor.trim();
  if (visit.notes?.trim()) body.notes = visit.notes.trim();
  return { ok: true, body };
}
