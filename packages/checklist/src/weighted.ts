// Scores a weighted scorecard (the supplier rating): class-weighted composite and its grade band, compared exactly.

import { err, ok, type Message, type Result } from '@fixops/shared';
import { label } from './describe.js';
import { add, cmp, div, mul, rational, toNumber, ZERO, type Rational } from './rational.js';
import type { GradeBand, Template, WeightedTemplate } from './types.js';

export interface WeightedInput {
  class: string;
  scores: Record<string, number>;
}

export interface DimensionScore {
  id: string;
  zh: string;
  en: string;
  score: number;
  max: number;
  weight: number;
}

export interface WeightedScore {
  template: { id: string; version: number; zh: string; en: string };
  class: { id: string; zh: string; en: string };
  /** Σ weight·score / Σ weights, on the dimensions' common scale. */
  composite: number;
  max: number;
  grade: string;
  band: Message;
  dimensions: DimensionScore[];
  /** Dimensions scored 0 (a period rule may suspend on these). */
  zeroDimensions: string[];
}

const DIMENSION = { zh: '维度', en: 'dimension' };

function shown(v: unknown): string {
  return typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
}

function bandOf(template: WeightedTemplate, composite: Rational): GradeBand {
  const band = template.grades.find((g) => cmp(composite, rational(g.min)) >= 0) ?? template.grades[template.grades.length - 1];
  if (band === undefined) throw new Error(`template ${template.id} has no grades`);
  return band;
}

/** The band a composite falls in: the first (highest) band whose min it reaches. */
export function gradeFor(template: WeightedTemplate, composite: number): GradeBand {
  return bandOf(template, rational(composite));
}

/** Checks a dimension → score record against the template; every problem names the dimension. */
export function checkDimensionScores(template: WeightedTemplate, scores: unknown, where: Message): Result<Record<string, number>> {
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) {
    return err('score_invalid', { zh: `${where.zh}：各维度得分必须是 "维度: 得分" 的对象`, en: `${where.en}: dimension scores must be an object of dimension: score` });
  }
  const record = scores as Record<string, unknown>;
  const known = new Set(template.dimensions.map((d) => d.id));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) {
      return err('score_unknown_id', { zh: `${where.zh}：未知维度 ${key}`, en: `${where.en}: unknown dimension ${key}` }, { id: key });
    }
  }
  for (const dim of template.dimensions) {
    const d = label(DIMENSION, dim.id);
    const v = record[dim.id];
    if (v === undefined) return err('score_missing', { zh: `${where.zh}：${d.zh} 未评分`, en: `${where.en}: ${d.en} has no score` }, { id: dim.id });
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return err('score_invalid', { zh: `${where.zh}：${d.zh} 的得分必须是数字（实际为 ${shown(v)}）`, en: `${where.en}: ${d.en} score must be a number (got ${shown(v)})` }, { id: dim.id });
    }
    if (v < 0) return err('score_negative', { zh: `${where.zh}：${d.zh} 的得分 ${v} 不能为负`, en: `${where.en}: ${d.en} score ${v} is negative` }, { id: dim.id });
    if (cmp(rational(v), rational(dim.max)) > 0) {
      return err('score_over_max', { zh: `${where.zh}：${d.zh} 的得分 ${v} 超过满分 ${dim.max}`, en: `${where.en}: ${d.en} score ${v} is above its max ${dim.max}` }, { id: dim.id });
    }
  }
  return ok(record as Record<string, number>);
}

/**
 * Composite = Σ weight_i · score_i / Σ weights with the class's weights, graded by the
 * template's bands (composite >= min, highest band first). Refuses unknown classes and
 * dimensions, missing dimensions and scores outside 0..max, naming them.
 */
export function scoreWeighted(template: Template, input: WeightedInput): Result<WeightedScore> {
  if (template.kind !== 'weighted') {
    return err('score_kind', {
      zh: `模板 ${template.id} 是计分检查表，请用 scoreAssessment 评分`,
      en: `Template ${template.id} is a points checklist; score it with scoreAssessment`,
    });
  }
  const cls = template.weights.classes.find((c) => c.id === input?.class);
  if (cls === undefined) {
    const known = template.weights.classes.map((c) => c.id).join(', ');
    return err(
      'score_unknown_class',
      { zh: `未知类别 ${shown(input?.class)}（模板 ${template.id} 的类别：${known}）`, en: `Unknown class ${shown(input?.class)} (template ${template.id} has: ${known})` },
      { id: input?.class },
    );
  }
  const where = label({ zh: '类别', en: 'class' }, cls.id);
  const checked = checkDimensionScores(template, input.scores, where);
  if (!checked.ok) return checked;
  const scores = checked.value;

  let weighted = ZERO;
  let weights = ZERO;
  const dimensions: DimensionScore[] = template.dimensions.map((d) => {
    const score = scores[d.id] as number;
    const weight = cls.weights[d.id] as number;
    weighted = add(weighted, mul(rational(weight), rational(score)));
    weights = add(weights, rational(weight));
    return { id: d.id, zh: d.zh, en: d.en, score, max: d.max, weight };
  });
  const exact = div(weighted, weights);
  const band = bandOf(template, exact);
  return ok({
    template: { id: template.id, version: template.version, zh: template.zh, en: template.en },
    class: { id: cls.id, zh: cls.zh, en: cls.en },
    composite: toNumber(exact),
    max: template.dimensions[0]?.max ?? 0,
    grade: band.grade,
    band: { zh: band.zh, en: band.en },
    dimensions,
    zeroDimensions: dimensions.filter((d) => d.score === 0).map((d) => d.id),
  });
}
