// The editable table mapping weak modules and flagged KPIs to coaching directions (辅导方向) and expected effects (预期效果).

import { err, ok, type Message, type Result } from '@fixops/shared';
import { label, ROOTS } from './describe.js';
import { readChecked } from './schema-check.js';
import type { PointsTemplate } from './types.js';
import { message, SEGMENT } from './schema.js';

/** The KPI flag kinds of @fixops/metrics. */
export const FLAG_KINDS = ['not_tracked', 'target', 'trend', 'peer'] as const;
export type CoachingFlagKind = (typeof FLAG_KINDS)[number];

export interface KpiFlagRef {
  kpi: string;
  kind: string;
}

export interface KpiTrigger {
  kpi: string;
  kinds: CoachingFlagKind[];
}

export interface CoachingRule {
  id: string;
  /** Module ids, or prefixes of them ("front_desk" matches every front desk module). */
  modules?: string[];
  kpis?: KpiTrigger[];
  direction: Message;
  effect: Message;
}

export interface CoachingRules {
  id: string;
  version: number;
  zh: string;
  en: string;
  rules: CoachingRule[];
}

export interface CoachingDirection {
  direction: Message;
  /** Expected effects of the rules giving this direction (deduplicated, rule order). */
  effects: Message[];
  /** Ids of the rules that gave it. */
  rules: string[];
  /** Weak module ids that matched. */
  modules: string[];
  /** KPI flags that matched. */
  flags: KpiFlagRef[];
}


export const COACHING_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://fixops.local/schemas/coaching-rules.schema.json',
  title: 'FixOps coaching rule table',
  description:
    'Maps weak modules (id or id prefix) and KPI flags (kpi id + flag kinds) to a coaching direction and an expected effect. Rules are matched in order; equal directions are merged.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'version', 'zh', 'en', 'rules'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
    version: { type: 'integer', minimum: 1 },
    zh: { type: 'string', minLength: 1 },
    en: { type: 'string', minLength: 1 },
    rules: { type: 'array', minItems: 1, items: { $ref: '#/definitions/rule' } },
  },
  definitions: {
    message,
    rule: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'direction', 'effect'],
      properties: {
        id: { type: 'string', pattern: `^${SEGMENT}$` },
        modules: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          description: 'Module ids or id prefixes: "front_desk" matches front_desk.*, "front_desk.dms" matches that module.',
          items: { type: 'string', pattern: `^${SEGMENT}(\\.${SEGMENT}){0,2}$` },
        },
        kpis: { type: 'array', minItems: 1, items: { $ref: '#/definitions/kpiTrigger' } },
        direction: { $ref: '#/definitions/message' },
        effect: { $ref: '#/definitions/message' },
      },
    },
    kpiTrigger: {
      type: 'object',
      additionalProperties: false,
      required: ['kpi', 'kinds'],
      properties: {
        kpi: { type: 'string', pattern: `^${SEGMENT}$` },
        kinds: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...FLAG_KINDS] } },
      },
    },
  },
} as const;

export interface CoachingOptions {
  /** Known KPI ids (e.g. @fixops/metrics KPI_IDS); when given, other ids are refused. */
  kpis?: readonly string[];
}

const RULE = { zh: '规则', en: 'rule' };

/** Validates a coaching rule table given as YAML/JSON text or parsed data. */
export function loadCoachingRules(input: unknown, options: CoachingOptions = {}): Result<CoachingRules> {
  const checked = readChecked(input, 'coaching_yaml', COACHING_SCHEMA, ROOTS.coaching, 'coaching_schema');
  if (!checked.ok) return checked;
  const table = checked.value as CoachingRules;
  const ids = new Set<string>();
  const known = options.kpis === undefined ? undefined : new Set(options.kpis);
  for (const rule of table.rules) {
    const r = label(RULE, rule.id);
    if (ids.has(rule.id)) return err('coaching_duplicate_id', { zh: `重复的规则 id：${rule.id}`, en: `Duplicate rule id: ${rule.id}` }, { id: rule.id });
    ids.add(rule.id);
    if (rule.modules === undefined && rule.kpis === undefined) {
      return err('coaching_no_trigger', { zh: `${r.zh} 既没有 modules 也没有 kpis，永远不会匹配`, en: `${r.en} has neither modules nor kpis and can never match` }, { id: rule.id });
    }
    for (const t of rule.kpis ?? []) {
      if (known !== undefined && !known.has(t.kpi)) {
        return err('coaching_unknown_kpi', { zh: `${r.zh} 引用了未知 KPI ${t.kpi}`, en: `${r.en} refers to unknown KPI ${t.kpi}` }, { id: rule.id, kpi: t.kpi });
      }
    }
  }
  return ok(table);
}

/** A module pattern matches the id itself and every id below it. */
export function matchesModule(pattern: string, moduleId: string): boolean {
  return moduleId === pattern || moduleId.startsWith(`${pattern}.`);
}

function same(a: Message, b: Message): boolean {
  return a.zh === b.zh && a.en === b.en;
}

/**
 * The coaching directions for the weak modules and KPI flags found, in rule order; rules
 * giving the same direction are merged into one entry (their effects, rules and matches
 * combined without repeats).
 */
export function coachingFor(weakModuleIds: readonly string[], flags: readonly KpiFlagRef[], rules: CoachingRules): CoachingDirection[] {
  const out: CoachingDirection[] = [];
  for (const rule of rules.rules) {
    const modules = weakModuleIds.filter((id) => (rule.modules ?? []).some((p) => matchesModule(p, id)));
    const matched = flags.filter((f) => (rule.kpis ?? []).some((t) => t.kpi === f.kpi && (t.kinds as readonly string[]).includes(f.kind)));
    if (modules.length === 0 && matched.length === 0) continue;
    let entry = out.find((d) => same(d.direction, rule.direction));
    if (entry === undefined) {
      entry = { direction: rule.direction, effects: [], rules: [], modules: [], flags: [] };
      out.push(entry);
    }
    if (!entry.effects.some((e) => same(e, rule.effect))) entry.effects.push(rule.effect);
    entry.rules.push(rule.id);
    for (const m of modules) if (!entry.modules.includes(m)) entry.modules.push(m);
    for (const f of matched) if (!entry.flags.some((g) => g.kpi === f.kpi && g.kind === f.kind)) entry.flags.push({ kpi: f.kpi, kind: f.kind });
  }
  return out;
}

/** Every expected effect of the directions, once each, in order (the report's 预期效果). */
export function expectedEffects(directions: readonly CoachingDirection[]): Message[] {
  const out: Message[] = [];
  for (const d of directions) for (const e of d.effects) if (!out.some((o) => same(o, e))) out.push(e);
  return out;
}

/** Module patterns of the rules that match no module of the template (typos after an edit). */
export function unknownModuleRefs(rules: CoachingRules, template: PointsTemplate): string[] {
  const ids = template.sections.flatMap((s) => s.modules.map((m) => m.id));
  const out: string[] = [];
  for (const rule of rules.rules) {
    for (const p of rule.modules ?? []) if (!ids.some((id) => matchesModule(p, id)) && !out.includes(p)) out.push(p);
  }
  return out;
}
