// Small templates for tests, built fresh each call so a test can break one freely.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FixopsError, Result } from '@fixops/shared';
import { SHIPPED_TEMPLATES_DIR } from '../files.js';
import { loadTemplate } from '../load-template.js';
import type { PointsTemplate, WeightedTemplate } from '../types.js';

/** 100 points: section alpha (60: alpha.one 40 with items 25+15, alpha.two 20 without items), section beta (40, pass 50%: beta.one 40 at pass 90%). */
export function miniPoints(): Record<string, unknown> {
  return {
    id: 'mini',
    version: 1,
    kind: 'points',
    zh: '小表',
    en: 'Mini',
    max: 100,
    sections: [
      {
        id: 'alpha',
        zh: '甲',
        en: 'A',
        max: 60,
        modules: [
          {
            id: 'alpha.one',
            zh: '甲一',
            en: 'A one',
            max: 40,
            items: [
              { id: 'alpha.one.x', zh: '甲一x', en: 'A one x', max: 25 },
              { id: 'alpha.one.y', zh: '甲一y', en: 'A one y', max: 15 },
            ],
          },
          { id: 'alpha.two', zh: '甲二', en: 'A two', max: 20 },
        ],
      },
      {
        id: 'beta',
        zh: '乙',
        en: 'B',
        max: 40,
        passRate: 0.5,
        modules: [{ id: 'beta.one', zh: '乙一', en: 'B one', max: 40, passRate: 0.9, items: [{ id: 'beta.one.x', zh: '乙一x', en: 'B one x', max: 40 }] }],
      },
    ],
  };
}

/** Two dimensions of 100, classes even (1:1, sumTo 2) and skewed (1.5:0.5), grades A >= 80, B >= 0. */
export function miniWeighted(): Record<string, unknown> {
  return {
    id: 'mini-weighted',
    version: 1,
    kind: 'weighted',
    zh: '加权小表',
    en: 'Mini weighted',
    dimensions: [
      { id: 'p', zh: '甲', en: 'P', max: 100 },
      { id: 'q', zh: '乙', en: 'Q', max: 100 },
    ],
    weights: {
      sumTo: 2,
      classes: [
        { id: 'even', zh: '均', en: 'Even', weights: { p: 1, q: 1 } },
        { id: 'skewed', zh: '偏', en: 'Skewed', weights: { p: 1.5, q: 0.5 } },
      ],
    },
    grades: [
      { grade: 'A', min: 80, zh: '优', en: 'Good' },
      { grade: 'B', min: 0, zh: '差', en: 'Poor' },
    ],
    periodRules: [{ rule: 'consecutive', grade: 'B', months: 2, outcome: 'suspended' }],
  };
}

export function loaded<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  return r.value;
}

export function refused<T>(r: Result<T>): FixopsError {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

/** The refusal has this code and names `id` in both languages. */
export function expectRefusal<T>(r: Result<T>, code: string, id: string): FixopsError {
  const e = refused(r);
  expect(e.code).toBe(code);
  expect(e.message.zh).toContain(id);
  expect(e.message.en).toContain(id);
  return e;
}

export function shipped(name: string): string {
  return readFileSync(join(SHIPPED_TEMPLATES_DIR, name), 'utf8');
}

export function dealerTemplate(): PointsTemplate {
  const t = loaded(loadTemplate(shipped('dealer-aftersales.yaml')));
  if (t.kind !== 'points') throw new Error('dealer template is not a points template');
  return t;
}

export function supplierTemplate(): WeightedTemplate {
  const t = loaded(loadTemplate(shipped('supplier-rating.yaml')));
  if (t.kind !== 'weighted') throw new Error('supplier template is not weighted');
  return t;
}
