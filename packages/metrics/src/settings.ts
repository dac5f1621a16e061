// Thresholds and targets of kpis.md, stored in the database with their defaults. Values are
// validated before they are stored; a change recomputes what depends on it (settingEffect).

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, quotedString, recordAudit, type AuditActor } from '@fixops/db';
import { err, ok, type Result } from '@fixops/shared';
import { KPIS, onCatalogueChange, type BuiltinKpiId, type KpiDefinition, type KpiId } from './catalog.js';

export interface SettingDefinition {
  key: string;
  default: number;
  zh: string;
  en: string;
  /** Accepted range, both ends included. */
  min: number;
  max: number;
  integer?: boolean;
}

/** Targets of the shipped KPIs keep the order they always had in listings; a network's KPIs follow. */
const TARGET_ORDER: readonly BuiltinKpiId[] = [
  'booking_rate', 'booking_show_rate', 'on_time_rate', 'promise_coverage', 'time_estimate_accuracy', 'cost_estimate_accuracy',
  'care_product_penetration', 'warranty_share', 'rework_rate', 'unclassified_rate', 'churn_rate', 'data_completeness',
];

const THRESHOLDS: readonly SettingDefinition[] = [
  { key: 'majorAccidentAmount', default: 10000, min: 0, max: 1e9, zh: '大事故金额门槛（元）', en: 'Major accident amount (CNY)' },
  { key: 'timeEstimateToleranceMinutes', default: 30, min: 0, max: 10080, zh: '估时容差（分钟）', en: 'Time estimate tolerance (minutes)' },
  { key: 'costEstimateTolerance', default: 0.1, min: 0, max: 1, zh: '估价容差（比例）', en: 'Cost estimate tolerance (share of the estimate)' },
  { key: 'maxRejectRate', default: 0.05, min: 0, max: 1, zh: '导入时允许的错误行比例上限', en: 'Largest share of bad rows a file may have and still load' },
  { key: 'tokenExpiryDays', default: 90, min: 1, max: 3650, integer: true, zh: '新令牌的默认有效期（天）', en: 'Default lifetime of a new token (days)' },
  { key: 'uploadDueDay', default: 10, min: 1, max: 28, integer: true, zh: '上月维修工单的上报截止日（每月第几天之后算逾期）', en: 'Day of the month after which last month\'s repair orders are overdue' },
];

/** The KPIs with a default target (in their files), in listing order. */
let TARGETED: KpiDefinition[] = [];

/** Every setting: the thresholds, then a `target.<kpi>` per KPI with a target (follows the KPI catalogue). */
export let SETTINGS: readonly SettingDefinition[] = [];
let BY_KEY = new Map<string, SettingDefinition>();

onCatalogueChange(() => {
  const withTarget = KPIS.filter((k) => k.target !== undefined);
  const rank = (k: KpiDefinition) => { const i = (TARGET_ORDER as readonly string[]).indexOf(k.id); return i < 0 ? TARGET_ORDER.length : i; };
  TARGETED = [...withTarget].sort((a, b) => rank(a) - rank(b) || withTarget.indexOf(a) - withTarget.indexOf(b));
  SETTINGS = [
    ...THRESHOLDS,
    ...TARGETED.map((d): SettingDefinition => {
      const op = d.target!.op === '>=' ? '≥' : '≤';
      return { key: `target.${d.id}`, default: d.target!.value, min: 0, max: d.unit === 'rate' ? 1 : 1e12, zh: `目标：${d.zh} ${op}`, en: `Target: ${d.en} ${op}` };
    }),
  ];
  BY_KEY = new Map(SETTINGS.map((s) => [s.key, s]));
});

export type Settings = Record<string, number>;

export interface Target {
  kpi: KpiId;
  op: '>=' | '<=';
  value: number;
}

export function targetsOf(settings: Settings): Target[] {
  return TARGETED.map((d) => ({ kpi: d.id, op: d.target!.op, value: settings[`target.${d.id}`] ?? d.target!.value }));
}

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTINGS.map((s) => [s.key, s.default]));
}

export async function readSettings(connection: DuckDBConnection): Promise<Settings> {
  const rows = await queryJson<{ key: string; value: number }>(connection, 'SELECT key, value FROM settings');
  const settings = defaultSettings();
  for (const r of rows) if (BY_KEY.has(r.key)) settings[r.key] = r.value;
  return settings;
}

/** Checks a key and a value typed by a user; the error names the valid keys or the accepted range. */
export function parseSetting(key: string, text: string): Result<{ key: string; value: number }> {
  const def = BY_KEY.get(key);
  if (!def) {
    const close = SETTINGS.filter((s) => s.key.toLowerCase().includes(key.toLowerCase().replace(/^target\./, ''))).map((s) => s.key);
    const list = (close.length ? close : SETTINGS.map((s) => s.key)).join(', ');
    return err('unknown_setting', { zh: `没有设置项“${key}”。可用：${list}`, en: `Unknown setting "${key}". Valid: ${list}` }, { key, valid: SETTINGS.map((s) => s.key) });
  }
  const value = Number(text.trim().replace(/%$/, ''));
  const scaled = text.trim().endsWith('%') ? value / 100 : value;
  if (text.trim() === '' || !Number.isFinite(scaled) || scaled < def.min || scaled > def.max || (def.integer && !Number.isInteger(scaled))) {
    return err('invalid_setting', {
      zh: `“${key}”的值“${text}”无效：应为 ${def.min} 到 ${def.max} 之间的数${def.integer ? '（整数）' : ''}。`,
      en: `Invalid value "${text}" for "${key}": expected a number from ${def.min} to ${def.max}${def.integer ? ' (whole number)' : ''}.`,
    }, { key, value: text, min: def.min, max: def.max });
  }
  return ok({ key, value: scaled });
}

/** Stores (or with null resets) one setting, inside the caller's transaction; the audit log keeps who changed it from what to what. */
export async function storeSetting(connection: DuckDBConnection, key: string, value: number | null, actor: AuditActor = cliActor()): Promise<void> {
  const old = (await readSettings(connection))[key] ?? null;
  await recordAudit(connection, {
    actor, action: value === null ? 'setting.reset' : 'setting.set', target: key,
    detail: { key, old, new: value ?? BY_KEY.get(key)?.default ?? null },
  });
  // delete and insert in one call (callers hold a transaction, so the two are one change):
  // cheaper than INSERT … ON CONFLICT DO UPDATE here (~1 ms against ~3). The key is a known
  // setting's (BY_KEY) and the value a finite number, so both are safe as literals.
  if (!BY_KEY.has(key)) throw new Error(`unknown setting ${key}`);
  if (value !== null && !Number.isFinite(value)) throw new Error(`setting ${key}: ${value} is not a number`);
  const literal = quotedString(key);
  await connection.run(`DELETE FROM settings WHERE key = ${literal}${value === null ? '' : `;
    INSERT INTO settings VALUES (${literal}, ${value}::DOUBLE, current_timestamp::TIMESTAMP)`}`);
}

/**
 * What a change of one setting recomputes: a target only its KPI's target flags; a threshold
 * only the KPIs computed with it and their flags (their null-ness, hence data_completeness and
 * not_tracked, cannot move); the other settings nothing.
 */
export type SettingEffect = { kind: 'target'; kpi: KpiId } | { kind: 'threshold'; kpis: KpiId[] } | { kind: 'none' };

/** The built-in rule that reads a threshold outside any KPI file (the accident fall-back rule). */
const BUILTIN_THRESHOLD_KPIS: Record<string, KpiId[]> = { majorAccidentAmount: ['major_accident_count'] };

/** The KPIs computed with threshold `key`: those whose file refers to it as `{ setting: key }`, and the built-in rule's. */
function thresholdKpis(key: string): KpiId[] {
  if (!THRESHOLDS.some((t) => t.key === key)) return [];
  const fromFiles = KPIS.filter((k) => k.value && JSON.stringify(k.value).includes(`"setting":${JSON.stringify(key)}`)).map((k) => k.id);
  return [...new Set([...(BUILTIN_THRESHOLD_KPIS[key] ?? []), ...fromFiles])];
}

export function settingEffect(key: string): SettingEffect {
  const target = TARGETED.find((k) => key === `target.${k.id}`);
  if (target) return { kind: 'target', kpi: target.id };
  const kpis = thresholdKpis(key);
  return kpis.length > 0 ? { kind: 'threshold', kpis } : { kind: 'none' };
}

export function settingDefinition(key: string): SettingDefinition | undefined {
  return BY_KEY.get(key);
}
