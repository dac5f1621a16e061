// The one door for templates: YAML text or an object in, a validated template with defaults out, or a refusal naming the entry.

import { err, ok, type Result } from '@fixops/shared';
import { ROOTS } from './describe.js';
import { readChecked } from './schema-check.js';
import { TEMPLATE_SCHEMA } from './schema.js';
import { pointsTemplateIssues, weightedTemplateIssues } from './template-rules.js';
import type { PointsTemplate, Template, WeightedTemplate } from './types.js';

export const DEFAULT_PASS_RATE = 0.7;

/** Validates a template given as YAML/JSON text or as already parsed data. */
export function loadTemplate(input: unknown): Result<Template> {
  const checked = readChecked(input, 'template_yaml', TEMPLATE_SCHEMA, ROOTS.template, 'template_schema');
  if (!checked.ok) return checked;

  const raw = checked.value as Template;
  const template: Template =
    raw.kind === 'points'
      ? ({ ...raw, passRate: (raw as Partial<PointsTemplate>).passRate ?? DEFAULT_PASS_RATE })
      : ({ ...raw, periodRules: (raw as Partial<WeightedTemplate>).periodRules ?? [] });
  const issues = template.kind === 'points' ? pointsTemplateIssues(template) : weightedTemplateIssues(template);
  const first = issues[0];
  if (first !== undefined) return err(first.code, first.message, { id: first.id, issues });
  return ok(template);
}
