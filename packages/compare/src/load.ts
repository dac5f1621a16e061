// The one door for comparison files: YAML text (or parsed data) in, a validated comparison with
// defaults filled in out, or a refusal naming the path in the file and the value.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readSetting } from '@fixops/config';
import { err, isMonth, ok, type FixopsError, type Result } from '@fixops/shared';
import { checkSchema, shown, yamlOrData } from '@fixops/shared/yaml-schema';
import { fileIssues } from './rules.js';
import { COMPARISON_SCHEMA } from './schema.js';
import type { Band, Comparison, CompareWith, DealerSelector } from './types.js';

/** Bands like OEM dealer scorecards, used when a file names none. */
export const DEFAULT_BANDS: readonly Band[] = [
  { min: 900, zh: '优秀', en: 'Excellent', color: '#2e7d32' },
  { min: 800, zh: '良好', en: 'Good', color: '#1f5fa8' },
  { min: 650, zh: '合格', en: 'Pass', color: '#e0a100' },
  { min: 0, zh: '待改进', en: 'Needs improvement', color: '#c9302c' },
];
const BAND_COLORS = ['#2e7d32', '#1f5fa8', '#5b9bd5', '#e0a100', '#e07b00', '#c9302c'];

interface RawFile {
  id: string;
  title: { zh: string; en: string };
  description?: { zh: string; en: string };
  dealers: DealerSelector;
  month?: string;
  compareWith?: CompareWith;
  kpis: { kpi: string; weight: number; target?: number; floor?: number }[];
  checklist?: { weight: number; template?: string; target?: number; floor?: number };
  bands?: { min: number; zh: string; en: string; color?: string }[];
}

export function loadComparison(input: unknown): Result<Comparison> {
  const parsed = yamlOrData(input, 'compare_yaml');
  if (!parsed.ok) return parsed;
  const data = parsed.value;

  // A month is the most common slip; say it plainly rather than through the schema's anyOf.
  const month = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['month'] : undefined;
  if (month !== undefined && !(month === 'latest' || (typeof month === 'string' && isMonth(month)))) {
    return err('compare_month', {
      zh: `month：${shown(month)} 不是月份，应为 YYYY-MM（例如 2025-12）或 latest`,
      en: `month: ${shown(month)} is not a month: use YYYY-MM (e.g. 2025-12) or latest`,
    }, { path: 'month', value: month });
  }
  const checked = checkSchema(COMPARISON_SCHEMA, data, { code: 'compare_schema' });
  if (!checked.ok) return checked;
  const raw = data as RawFile;
  const bands = raw.bands ?? DEFAULT_BANDS;
  const comparison: Comparison = {
    id: raw.id,
    title: raw.title,
    ...(raw.description ? { description: raw.description } : {}),
    dealers: raw.dealers,
    month: raw.month ?? 'latest',
    compareWith: raw.compareWith ?? 'previous_month',
    kpis: raw.kpis.map((k) => ({ ...k })),
    ...(raw.checklist ? { checklist: { weight: raw.checklist.weight, target: raw.checklist.target ?? 1, floor: raw.checklist.floor ?? 0, targetGiven: raw.checklist.target !== undefined, ...(raw.checklist.template ? { template: raw.checklist.template } : {}) } } : {}),
    bands: bands.map((b, i) => ({ min: b.min, zh: b.zh, en: b.en, color: b.color ?? BAND_COLORS[Math.min(i, BAND_COLORS.length - 1)]! })),
  };
  const issues = fileIssues(comparison);
  const first = issues[0];
  if (first) return err(first.code, first.message, { path: first.path, issues });
  return ok(comparison);
}

/** Puts the file name in front of a refusal: "data/comparisons/x.yaml: kpis[1].kpi: …". */
export function inFile<T>(r: Result<T>, file: string): Result<T> {
  if (r.ok) return r;
  const e: FixopsError = { code: r.error.code, message: { zh: `${file}：${r.error.message.zh}`, en: `${file}: ${r.error.message.en}` }, details: { ...r.error.details, file } };
  return { ok: false, error: e };
}

export async function loadComparisonFile(path: string): Promise<Result<Comparison>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err('compare_read', { zh: `无法读取对标文件 ${path}：${reason}`, en: `Cannot read the comparison file ${path}: ${reason}` }, { file: path });
  }
  const r = inFile(loadComparison(text), path);
  return r.ok ? ok({ ...r.value, file: path }) : r;
}

/**
 * The user's folder of comparison files, where a comparison named without its folder is looked
 * up: FIXOPS_COMPARISONS_DIR, default data/comparisons, relative to the working directory (like
 * FIXOPS_DB's data/fixops.duckdb). The package itself needs no file on disk.
 */
export function comparisonsDir(env: Record<string, string | undefined> = process.env): string {
  const dir = readSetting('comparisonsDir', env);
  return resolve(dir.ok ? dir.value : 'data/comparisons');
}

/** Where comparisons are looked up in this process. */
export const COMPARISONS_DIR: string = comparisonsDir();
