// The latest checklist visit of a dealer and its module score rates, each module with its own
// pass line: the pass rate its template sets for that module (or its section, or the whole
// template), never one rate for all. A visit whose template is gone keeps the default line.
// A module not completely scored shows its rate over what is scored, marked partial, never passed or failed.

import type { DuckDBConnection } from '@duckdb/node-api';
import { findTemplate, getAssessment, listAssessments } from '@fixops/assessment';
import { DEFAULT_PASS_RATE, partialRate, passRateOf, TEMPLATES_DIR } from '@fixops/checklist';
import type { ChecklistModules } from '@fixops/contracts';
import type { Static } from 'typebox';

export interface ChecklistReadOptions {
  /** Where the visit's template is looked up (default: the shipped templates). */
  templatesDir?: string;
}

export async function readChecklist(c: DuckDBConnection, dealer: string, opts: ChecklistReadOptions = {}): Promise<Static<typeof ChecklistModules>> {
  const [latest] = await listAssessments(c, { dealer });
  if (!latest) return { visit: null, modules: [] };
  const a = (await getAssessment(c, latest.id))!;
  const template = await findTemplate(a.templateId, opts.templatesDir ?? TEMPLATES_DIR);
  const modules = a.scorecard.sections.flatMap((s) => s.modules.map((m) => ({
    section: s.id, id: m.id, zh: m.zh, en: m.en, score: m.score, max: m.max, rate: m.complete ? m.rate : partialRate(m), partial: !m.complete,
    passRate: (template.ok ? passRateOf(template.value, m.id) : undefined) ?? DEFAULT_PASS_RATE, passed: m.complete ? m.passed : null,
  })));
  const visit = { id: a.id, date: a.date, month: a.month, total: a.total, max: a.max, rate: a.rate, passed: a.passed, complete: a.complete, scored: a.scored, items: a.items };
  return { visit, modules };
}
