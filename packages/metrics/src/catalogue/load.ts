// Finds and reads the KPI files: data/kpis/*.yaml at the repository root (found from this
// module, so it works from src/ and dist/ and whatever the working directory), or the folder
// named by FIXOPS_KPIS_DIR. Files are read in name order, which is the catalogue's order.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSetting } from '@fixops/config';
import { err, ok, type Result } from '@fixops/shared';
import { parseYaml } from '@fixops/shared/yaml-schema';
import type { Unit } from '@fixops/shared';
import type { KpiFile, Measure, ValueSpec } from './types.js';
import { validateKpi } from './validate.js';

/** The KPI files shipped with the product (from src/catalogue or dist/catalogue alike). */
export const SHIPPED_KPIS_DIR: string = fileURLToPath(new URL('../../../../data/kpis', import.meta.url));
/** KPI files a network may copy into its folder (not read themselves); the tests load 首保占比 from here. */
export const EXAMPLE_KPIS_DIR: string = join(SHIPPED_KPIS_DIR, 'examples');

/** FIXOPS_KPIS_DIR (relative to the working directory) when set, else the shipped files. */
export function kpisDir(env: Record<string, string | undefined> = process.env): string {
  const own = readSetting('kpisDir', env);
  return own.ok && own.value !== undefined ? resolve(own.value) : SHIPPED_KPIS_DIR;
}

/** One KPI of the catalogue as the engine, the CLI, the API and the pages use it. */
export interface LoadedKpi extends KpiFile {
  /** The file it came from. */
  file: string;
  /** Display unit (ratio → rate; days are shown as a number). */
  displayUnit: Unit;
  /** sha256 of the checked definition: a change of anything that matters changes it. */
  fingerprint: string;
  formulaText: { zh: string; en: string };
}

const UNITS: Record<KpiFile['unit'], Unit> = { ratio: 'rate', count: 'count', money: 'money', days: 'count' };

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

function measureText(m: Measure): string {
  const where = m.where.map((c) => `${c.column} ${c.op}${c.arg === undefined ? '' : ` ${JSON.stringify(c.arg)}`}`).join(' AND ');
  const what = m.fn === 'count' ? `count(${m.table})` : `sum(${m.table}.${m.column})`;
  return where ? `${what} where ${where}` : what;
}

function formulaOf(v: ValueSpec): string {
  return v.kind === 'measure' ? measureText(v.measure) : `[${measureText(v.numerator)}] / [${measureText(v.denominator)}]`;
}

function inFile<T>(r: Result<T>, file: string): Result<T> {
  if (r.ok) return r;
  return { ok: false, error: { code: r.error.code, message: { zh: `${file}：${r.error.message.zh}`, en: `${file}: ${r.error.message.en}` }, details: { ...r.error.details, file } } };
}

/** One KPI file's text checked; refusals start with the file name. */
export function loadKpiText(text: string, file: string): Result<LoadedKpi> {
  const parsed = parseYaml(text, 'kpi_yaml');
  if (!parsed.ok) return inFile(parsed, file);
  const checked = inFile(validateKpi(parsed.value), file);
  if (!checked.ok) return checked;
  const k = checked.value;
  const fingerprint = createHash('sha256').update(JSON.stringify(canonical(k))).digest('hex');
  const formulaText = k.formula ?? (k.value ? { zh: formulaOf(k.value), en: formulaOf(k.value) } : { zh: '', en: '' });
  return ok({ ...k, file, displayUnit: UNITS[k.unit], fingerprint, formulaText });
}

/** Every *.yaml / *.yml file of `dir` in name order; the first bad file (or a repeated id) refuses them all. */
export function loadKpiDir(dir: string): Result<LoadedKpi[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err('kpi_read', { zh: `无法读取 KPI 目录 ${dir}：${reason}`, en: `Cannot read the KPI folder ${dir}: ${reason}` }, { dir });
  }
  const out: LoadedKpi[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return err('kpi_read', { zh: `无法读取文件 ${file}：${reason}`, en: `Cannot read ${file}: ${reason}` }, { file });
    }
    const k = loadKpiText(text, file);
    if (!k.ok) return k;
    const before = seen.get(k.value.id);
    if (before !== undefined) {
      return err('kpi_duplicate_id', { zh: `${file}：id：KPI ${k.value.id} 已在 ${before} 中定义`, en: `${file}: id: KPI ${k.value.id} is already defined in ${before}` }, { file, path: 'id', id: k.value.id });
    }
    seen.set(k.value.id, file);
    out.push(k.value);
  }
  if (out.length === 0) return err('kpi_empty', { zh: `KPI 目录 ${dir} 中没有 KPI 文件（*.yaml）`, en: `The KPI folder ${dir} has no KPI files (*.yaml)` }, { dir });
  return ok(out);
}
