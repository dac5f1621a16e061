// Thresholds and targets of kpis.md, stored in the database with their defaults. Values are
// validated before they are stored; a change recomputes what depends on it (settingEffect).

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, recordAudit, type AuditActor } from '@fixops/db';
import { err, ok, type Result } from '@fixops/shared';
import { kpiDefinition, type KpiId } from './catalog.js';

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

const TARGETS: [KpiId, number][] = [
  ['booking_rate', 0.3], ['booking_show_rate', 0.8], ['on_time_rate', 0.9], ['promise_coverage', 0.95],
  ['time_estimate_accuracy', 0.8], ['cost_estimate_accuracy', 0.85], ['care_product_penetration', 0.3],
  ['warranty_share', 0.3], ['rework_rate', 0.02], ['unclassified_rate', 0.02], ['churn_rate', 0.03], ['data_completeness', 0.9],
];

export const SETTINGS: readonly SettingDefinition[] = [
  { key: 'majorAccidentAmount', default: 10000, min: 0, max: 1e9, zh: '大事故金额门槛（元）', en: 'Major accident amount (CNY)' },
  { key: 'timeEstimateToleranceMinutes', default: 30, min: 0, max: 10080, zh: '估时容差（分钟）', en: 'Time estimate tolerance (minutes)' },
  { key: 'costEstimateTolerance', default: 0.1, min: 0, max: 1, zh: '估价容差（比例）', en: 'Cost estimate tolerance (share of the estimate)' },
  { key: 'maxRejectRate', default: 0.05, min: 0, max: 1, zh: '导入时允许的错误行比例上限', en: 'Largest share of bad rows a file may have and still load' },
  { key: 'tokenExpiryDays', default: 90, min: 1, max: 3650, integer: true, zh: '新令牌的默认有效期（天）', en: 'Default lifetime of a new token (days)' },
  { key: 'uploadDueDay', default: 10, min: 1, max: 28, integer: true, zh: '上月维修工单的上报截止日（每月第几天之后算逾期）', en: 'Day of the month after which last month\'s repair orders are overdue' },
  ...TARGETS.map(([kpi, value]): SettingDefinition => {
    const d = kpiDefinition(kpi)!;
    const op = d.better === 'higher' ? '≥' : '≤';
    return { key: `target.${kpi}`, default: value, min: 0, max: 1, zh: `目标：${d.zh} ${op}`, en: `Target: ${d.en} ${op}` };
  }),
];

const BY_KEY = new Map(SETTINGS.map((s) => [s.key, s]));

export type Settings = Record<string, number>;

export interface Target {
  kpi: KpiId;
  op: '>=' | '<=';
  value: number;
}

export function targetsOf(settings: Settings): Target[] {
  return TARGETS.map(([kpi]) => ({ kpi, op: kpiDefinition(kpi)!.better === 'higher' ? '>=' : '<=', value: settings[`target.${kpi}`]! }));
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

/** Stores (or with null resets) one setting; the audit log keeps who changed it from what to what. */
export async function storeSetting(connection: DuckDBConnection, key: string, value: number | null, actor: AuditActor = cliActor()): Promise<void> {
  const old = (await readSettings(connection))[key] ?? null;
  await recordAudit(connection, {
    actor, action: value === null ? 'setting.reset' : 'setting.set', target: key,
    detail: { key, old, new: value ?? BY_KEY.get(key)?.default ?? null },
  });
  if (value === null) await connection.run('DELETE FROM settings WHERE key = $key', { key });
  else {
    await connection.run(
      `INSERT INTO settings VALUES ($key, $value, current_timestamp::TIMESTAMP)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, { key, value });
  }
}

/**
 * What a change of one setting recomputes: a target only its KPI's target flags; a threshold
 * only the KPIs computed with it and their flags (their null-ness, hence data_completeness and
 * not_tracked, cannot move); the other settings nothing.
 */
export type SettingEffect = { kind: 'target'; kpi: KpiId } | { kind: 'threshold'; kpis: KpiId[] } | { kind: 'none' };

const THRESHOLD_KPIS: Record<string, KpiId[]> = {
  majorAccidentAmount: ['major_accident_count'],
  timeEstimateToleranceMinutes: ['time_estimate_accuracy'],
  costEstimateTolerance: ['cost_estimate_accuracy'],
};

export function settingEffect(key: string): SettingEffect {
  const target = TARGETS.find(([kpi]) => key === `target.${kpi}`);
  if (target) return { kind: 'target', kpi: target[0] };
  const kpis = THRESHOLD_KPIS[key];
  return kpis ? { kind: 'threshold', kpis } : { kind: 'none' };
}

export function settingDefinition(key: string): SettingDefinition | undefined {
  return BY_KEY.get(key);
}
