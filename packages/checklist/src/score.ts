// Scores a points checklist exactly at every level, and never counts an unscored line as a pass.

import { err, ok, type Message, type Result } from '@fixops/shared';
import { label } from './describe.js';
import { add, cmp, div, mul, rational, toNumber, ZERO, type Rational } from './rational.js';
import type { PointsTemplate, Template, TemplateItem, TemplateModule, TemplateSection } from './types.js';

/** One line of a score sheet: an item id, or a module id to score the module as a whole. */
export interface ScoreEntry {
  id: string;
  score: number;
  note?: string;
}

export interface ItemScore {
  id: string;
  zh: string;
  en: string;
  /** null when the item was not scored. */
  score: number | null;
  max: number;
  rate: number | null;
  complete: boolean;
  note?: string;
}

/**
 * How far a level is scored: lines scored of lines to score (an item is a line; a module
 * scored as a whole counts for all its items, a module without items is one line), and the
 * points those scored lines can earn, so a partial rate is the score over what was scored.
 */
export interface Progress {
  scored: number;
  of: number;
  /** The max of the scored lines. */
  max: number;
}

/** What a module's and a section's score share: the level, its points, its rate and whether it passed. */
interface LevelScore {
  id: string;
  zh: string;
  en: string;
  score: number;
  max: number;
  rate: number;
  passed: boolean;
  complete: boolean;
  progress: Progress;
}

export interface ModuleScore extends LevelScore {
  note?: string;
  /** Present when the module was scored through its items (absent when scored directly). */
  items?: ItemScore[];
}

export interface SectionScore extends LevelScore {
  modules: ModuleScore[];
}

/** The scored checklist; this JSON shape is what the CLI prints. */
export interface Scorecard {
  template: { id: string; version: number; zh: string; en: string };
  total: number;
  max: number;
  rate: number;
  passed: boolean;
  complete: boolean;
  /** Lines scored of lines to score; a finished form can be complete with fewer (the rest count 0). */
  progress: Progress;
  /** True when the assessor finished the form with lines left unscored (they count 0 points). */
  finished?: boolean;
  sections: SectionScore[];
  /** Complete modules below their pass line, lowest score rate first. */
  weakest: string[];
}

export interface ScoreIssue {
  code: string;
  id: string;
  message: Message;
}

const SECTION = { zh: '部门', en: 'section' };

/** "项目“接待”" / "Item "Reception"": a line named as the form shows it; the id stays in the issue's `id`. */
function named(kind: 'item' | 'module', n: { zh: string; en: string }): Message {
  return kind === 'item' ? { zh: `项目“${n.zh}”`, en: `Item "${n.en}"` } : { zh: `模块“${n.zh}”`, en: `Module "${n.en}"` };
}

function shown(v: unknown): string {
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v) ?? String(v);
}

/** The pass rate that applies to a section or module id (or the template's for its own id); for charts' pass lines. */
export function passRateOf(template: Template, id: string): number | undefined {
  if (template.kind !== 'points') return undefined;
  if (id === template.id) return template.passRate;
  for (const s of template.sections) {
    if (s.id === id) return s.passRate ?? template.passRate;
    for (const m of s.modules) if (m.id === id) return m.passRate ?? s.passRate ?? template.passRate;
  }
  return undefined;
}

type Target = { kind: 'module'; module: TemplateModule } | { kind: 'item'; module: TemplateModule; item: TemplateItem } | { kind: 'section'; section: TemplateSection };

function targets(t: PointsTemplate): Map<string, Target> {
  const map = new Map<string, Target>();
  for (const section of t.sections) {
    map.set(section.id, { kind: 'section', section });
    for (const module of section.modules) {
      map.set(module.id, { kind: 'module', module });
      for (const item of module.items ?? []) map.set(item.id, { kind: 'item', module, item });
    }
  }
  return map;
}

interface Given {
  score: number;
  note?: string;
}

/** Checks the score sheet against the template; every problem names the id. */
function readScores(t: PointsTemplate, scores: readonly ScoreEntry[]): { given: Map<string, Given>; issues: ScoreIssue[] } {
  const issues: ScoreIssue[] = [];
  const given = new Map<string, Given>();
  const map = targets(t);
  scores.forEach((entry: unknown, index) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const id = e['id'];
    if (typeof id !== 'string' || id === '') {
      issues.push({
        code: 'score_invalid',
        id: `#${index + 1}`,
        message: { zh: `第 ${index + 1} 条评分缺少 id`, en: `Score entry #${index + 1} has no id` },
      });
      return;
    }
    const target = map.get(id);
    if (target === undefined) {
      issues.push({
        code: 'score_unknown_id',
        id,
        message: { zh: `未知的评分 id：${id}（模板 ${t.id} 中没有该模块或项目）`, en: `Unknown id ${id}: template ${t.id} has no module or item with it` },
      });
      return;
    }
    if (target.kind === 'section') {
      const s = label(SECTION, id);
      issues.push({
        code: 'score_not_scorable',
        id,
        message: { zh: `${s.zh} 不能直接评分，请为其模块或项目评分`, en: `${s.en} cannot be scored directly; score its modules or items` },
      });
      return;
    }
    const what = target.kind === 'module' ? named('module', target.module) : named('item', target.item);
    const max = target.kind === 'module' ? target.module.max : target.item.max;
    if (given.has(id)) {
      issues.push({ code: 'score_duplicate', id, message: { zh: `${what.zh}被评分了两次（${id}）`, en: `${what.en} is scored twice (${id})` } });
      return;
    }
    const score = e['score'];
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      issues.push({
        code: 'score_invalid',
        id,
        message: { zh: `${what.zh}的得分必须是数字（实际为 ${shown(score)}；${id}）`, en: `${what.en}: score must be a number (got ${shown(score)}; ${id})` },
      });
      return;
    }
    if (score < 0) {
      issues.push({ code: 'score_negative', id, message: { zh: `${what.zh}的得分 ${score} 不能为负（${id}）`, en: `${what.en}: score ${score} is negative (${id})` } });
      return;
    }
    if (cmp(rational(score), rational(max)) > 0) {
      issues.push({
        code: 'score_over_max',
        id,
        message: { zh: `${what.zh}的得分 ${score} 超过满分 ${max}（${id}）`, en: `${what.en}: score ${score} is above its max ${max} (${id})` },
      });
      return;
    }
    const note = e['note'];
    if (note !== undefined && typeof note !== 'string') {
      issues.push({ code: 'score_invalid', id, message: { zh: `${what.zh}的备注必须是文字（${id}）`, en: `${what.en}: note must be text (${id})` } });
      return;
    }
    given.set(id, note === undefined ? { score } : { score, note });
  });

  for (const [id, target] of map) {
    if (target.kind !== 'item' || !given.has(id) || !given.has(target.module.id)) continue;
    const m = named('module', target.module);
    const i = named('item', target.item);
    issues.push({
      code: 'score_mixed',
      id: target.module.id,
      message: {
        zh: `${m.zh}已整体评分，又为其${i.zh}评分；请二选一（${target.module.id}、${id}）`,
        en: `${m.en} is scored as a whole and through its ${i.en.charAt(0).toLowerCase()}${i.en.slice(1)}; give one or the other (${target.module.id}, ${id})`,
      },
    });
  }
  return { given, issues };
}

interface Level {
  score: Rational;
  max: number;
  passRate: number;
  complete: boolean;
}

function rateOf(score: Rational, max: number): number {
  return toNumber(div(score, rational(max)));
}

function passes(l: Level): boolean {
  return l.complete && cmp(l.score, mul(rational(l.passRate), rational(l.max))) >= 0;
}

const noProgress = (): Progress => ({ scored: 0, of: 0, max: 0 });
function addProgress(a: Progress, b: Progress): Progress {
  return { scored: a.scored + b.scored, of: a.of + b.of, max: toNumber(add(rational(a.max), rational(b.max))) };
}

function scoreModule(t: PointsTemplate, section: TemplateSection, mod: TemplateModule, given: Map<string, Given>, finished: boolean): { out: ModuleScore; level: Level } {
  const passRate = mod.passRate ?? section.passRate ?? t.passRate;
  const direct = given.get(mod.id);
  const base = { id: mod.id, zh: mod.zh, en: mod.en };
  const lines = Math.max(1, mod.items?.length ?? 0);
  if (direct !== undefined) {
    const level = { score: rational(direct.score), max: mod.max, passRate, complete: true };
    const progress = { scored: lines, of: lines, max: mod.max };
    const out: ModuleScore = { ...base, score: direct.score, max: mod.max, rate: rateOf(level.score, mod.max), passed: passes(level), complete: true, progress };
    if (direct.note !== undefined) out.note = direct.note;
    return { out, level };
  }
  let score = ZERO;
  let complete = mod.items !== undefined && mod.items.length > 0;
  const progress: Progress = { scored: 0, of: lines, max: 0 };
  let scoredMax = ZERO;
  const items: ItemScore[] | undefined = mod.items?.map((item) => {
    const g = given.get(item.id);
    if (g === undefined) {
      complete = false;
      return { id: item.id, zh: item.zh, en: item.en, score: null, max: item.max, rate: null, complete: false };
    }
    score = add(score, rational(g.score));
    scoredMax = add(scoredMax, rational(item.max));
    progress.scored++;
    const out: ItemScore = { id: item.id, zh: item.zh, en: item.en, score: g.score, max: item.max, rate: rateOf(rational(g.score), item.max), complete: true };
    if (g.note !== undefined) out.note = g.note;
    return out;
  });
  progress.max = toNumber(scoredMax);
  // Finishing a form counts what is left unscored as 0 points: the level is then judged.
  const level = { score, max: mod.max, passRate, complete: complete || finished };
  const out: ModuleScore = { ...base, score: toNumber(score), max: mod.max, rate: rateOf(score, mod.max), passed: passes(level), complete: level.complete, progress };
  if (items !== undefined) out.items = items;
  return { out, level };
}

/** How a score sheet is judged: a draft (unscored lines leave levels incomplete) or finished (they count 0). */
export interface ScoreOptions {
  finished?: boolean;
}

/** Lines to score in a template: each item, or 1 for a module without items. */
export function lineCount(template: PointsTemplate): number {
  return template.sections.reduce((n, s) => n + s.modules.reduce((k, m) => k + Math.max(1, m.items?.length ?? 0), 0), 0);
}

/** The rate over what is scored (score / max of the scored lines); null when nothing is. */
export function partialRate(level: { score: number; progress?: Progress }): number | null {
  const max = level.progress?.max ?? 0;
  return max > 0 ? level.score / max : null;
}

/**
 * Scores a points template. Refuses (naming the id) unknown ids, section ids, scores that
 * are not numbers, negative or above the max, ids scored twice, and a module scored both as
 * a whole and through its items. Unscored lines leave their module, section and the total
 * `complete: false`, and an incomplete level never passes — unless `finished`, when they count 0.
 */
export function scoreAssessment(template: Template, scores: readonly ScoreEntry[], options: ScoreOptions = {}): Result<Scorecard> {
  if (template.kind !== 'points') {
    return err('score_kind', {
      zh: `模板 ${template.id} 是加权评分表，请用 scoreWeighted 评分`,
      en: `Template ${template.id} is a weighted scorecard; score it with scoreWeighted`,
    });
  }
  if (!Array.isArray(scores)) return err('score_invalid', { zh: '评分必须是列表', en: 'Scores must be a list' });
  const { given, issues } = readScores(template, scores);
  const first = issues[0];
  if (first !== undefined) return err(first.code, first.message, { id: first.id, issues });

  const weak: { id: string; level: Level; order: number }[] = [];
  const finished = options.finished === true;
  let total = ZERO;
  let allComplete = true;
  let all = noProgress();
  const sections: SectionScore[] = template.sections.map((section) => {
    let score = ZERO;
    let complete = true;
    let progress = noProgress();
    const modules = section.modules.map((mod) => {
      const { out, level } = scoreModule(template, section, mod, given, finished);
      score = add(score, level.score);
      complete &&= level.complete;
      progress = addProgress(progress, out.progress);
      if (level.complete && !out.passed) weak.push({ id: mod.id, level, order: weak.length });
      return out;
    });
    total = add(total, score);
    allComplete &&= complete;
    all = addProgress(all, progress);
    const level = { score, max: section.max, passRate: section.passRate ?? template.passRate, complete };
    return { id: section.id, zh: section.zh, en: section.en, score: toNumber(score), max: section.max, rate: rateOf(score, section.max), passed: passes(level), complete, progress, modules };
  });

  weak.sort((a, b) => cmp(div(a.level.score, rational(a.level.max)), div(b.level.score, rational(b.level.max))) || a.order - b.order);
  const level = { score: total, max: template.max, passRate: template.passRate, complete: allComplete };
  const card: Scorecard = {
    template: { id: template.id, version: template.version, zh: template.zh, en: template.en },
    total: toNumber(total),
    max: template.max,
    rate: rateOf(total, template.max),
    passed: passes(level),
    complete: allComplete,
    progress: all,
    sections,
    weakest: weak.map((w) => w.id),
  };
  if (finished && all.scored < all.of) card.finished = true;
  return ok(card);
}
