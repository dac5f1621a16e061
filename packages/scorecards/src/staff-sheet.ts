// Scores one person's sheet with the checklist engine (scoreAssessment) and refuses an
// unfinished one: a staff scorecard is stored only when every item (or module) has a score,
// so a stored scorecard always has a real pass or fail.

import { scoreAssessment, type ScoreEntry, type Scorecard, type Template } from '@fixops/checklist';
import { err, type Result } from '@fixops/shared';
import { checkStaffTemplate } from './roles.js';

export function scoreStaffSheet(template: Template, scores: readonly ScoreEntry[]): Result<Scorecard> {
  const id = checkStaffTemplate(template.id);
  if (!id.ok) return id;
  const scored = scoreAssessment(template, scores);
  if (!scored.ok || scored.value.complete) return scored;
  const missing = scored.value.sections.flatMap((s) => s.modules).filter((m) => !m.complete)
    .map((m) => ({ m, items: (m.items ?? []).filter((i) => !i.complete) }));
  const zh = missing.map(({ m, items }) => (items.length > 0 ? `${m.zh}（${items.map((i) => i.zh.split('：')[0]).join('、')}）` : m.zh)).join('；');
  const en = missing.map(({ m, items }) => (items.length > 0 ? `${m.en} (${items.map((i) => i.en.split(':')[0]).join(', ')})` : m.en)).join('; ');
  const count = missing.reduce((n, x) => n + Math.max(1, x.items.length), 0);
  return err('scorecard_incomplete', {
    zh: `还有 ${count} 项未评分，考核表未保存：${zh}`,
    en: `${count} line(s) have no score yet, the scorecard was not saved: ${en}`,
  }, { ids: missing.flatMap(({ m, items }) => (items.length > 0 ? items.map((i) => i.id) : [m.id])) });
}
