// Saving a comparison written in the browser: the structured comparison is checked exactly as
// `fixops compare` checks a file (@fixops/compare's loadComparison: schema, catalogue KPIs,
// weights adding up to 1000, bands, targets, and the dealer selection against the database),
// written as YAML into the comparisons folder under its id (a safe file name, never outside the
// folder; an existing file only when asked to replace it), read back through the same check,
// and recorded in the audit log.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadComparison, selectDealers, type Comparison } from '@fixops/compare';
import { recordAudit, type AuditActor } from '@fixops/db';
import { err, ok, type Result } from '@fixops/shared';
import { Document, isMap, isSeq } from 'yaml';
import { COMPARISON_ID } from './comparisons.js';

export interface SaveComparisonRequest {
  /** The comparison as its YAML file holds it (id, title, dealers, kpis, …), as data. */
  comparison: unknown;
  /** Replace an existing file of the same id (otherwise refused). */
  overwrite?: boolean;
}

export interface SavedComparison {
  id: string;
  file: string;
  replaced: boolean;
  comparison: Comparison;
}

/** Keys in the order the example files use; anything else is refused by the schema anyway. */
const ORDER = ['id', 'title', 'description', 'dealers', 'month', 'compareWith', 'kpis', 'checklist', 'bands'];

/** The YAML text of a checked comparison: the schema comment first, one KPI per line. */
export function comparisonYaml(data: Record<string, unknown>, note: string): string {
  const ordered: Record<string, unknown> = {};
  for (const k of ORDER) if (data[k] !== undefined) ordered[k] = data[k];
  const doc = new Document(ordered);
  const kpis = doc.get('kpis');
  if (isSeq(kpis)) for (const item of kpis.items) if (isMap(item)) item.flow = true;
  const bands = doc.get('bands');
  if (isSeq(bands)) for (const item of bands.items) if (isMap(item)) item.flow = true;
  const safeNote = note.replace(/[\r\n]+/g, ' ');
  return `# yaml-language-server: $schema=./comparison.schema.json\n# ${safeNote}\n${doc.toString({ lineWidth: 0 })}`;
}

const exists = (id: string) => err('comparison_exists', {
  zh: `已有名为“${id}”的对标；请换一个编号，或明确选择覆盖`,
  en: `A comparison named "${id}" already exists: choose another id, or ask to replace it`,
}, { path: 'id', id });

/**
 * Checks and writes `req.comparison` into `dir` as `<id>.yaml`. The refusals are
 * @fixops/compare's (code, zh/en message, details.path and details.issues naming each field).
 */
export async function saveComparison(c: DuckDBConnection, dir: string, req: SaveComparisonRequest, actor: AuditActor): Promise<Result<SavedComparison>> {
  if (typeof req.comparison !== 'object' || req.comparison === null || Array.isArray(req.comparison)) {
    return err('compare_schema', { zh: '对标内容应为一个对象（id、title、dealers、kpis…）', en: 'The comparison must be an object (id, title, dealers, kpis…)' }, { path: '' });
  }
  const checked = loadComparison(req.comparison);
  if (!checked.ok) return checked;
  const cmp = checked.value;
  if (!COMPARISON_ID.test(cmp.id)) {
    return err('compare_schema', { zh: 'id：编号最多 64 个字符（小写字母、数字、- 或 _）', en: 'id: at most 64 characters (lower-case letters, digits, - or _)' }, { path: 'id' });
  }
  const selected = await selectDealers(c, cmp.dealers);
  if (!selected.ok) return selected;

  const folder = resolve(dir);
  const path = join(folder, `${cmp.id}.yaml`);
  // The id pattern already rules out separators and dots; this keeps it so should the pattern change.
  if (dirname(path) !== folder || basename(path) !== `${cmp.id}.yaml`) return err('compare_schema', { zh: 'id：不是有效的文件名', en: 'id: not a valid file name' }, { path: 'id' });
  const text = comparisonYaml(req.comparison as Record<string, unknown>, `saved by ${actor.user} (${actor.via}) on ${new Date().toISOString().slice(0, 10)}`);
  // What is written must read back as what was checked.
  const again = loadComparison(text);
  if (!again.ok) return again;

  // The folder is the setting's (FIXOPS_COMPARISONS_DIR, default data/comparisons): made on the first save.
  await mkdir(folder, { recursive: true });
  let replaced = false;
  if (req.overwrite) {
    replaced = await readFile(path).then(() => true, () => false);
    const temp = join(folder, `.${cmp.id}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temp, text, { flag: 'wx' });
    try {
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  } else {
    try {
      await writeFile(path, text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return exists(cmp.id);
      throw e;
    }
  }
  await recordAudit(c, {
    actor, action: replaced ? 'comparison.replace' : 'comparison.add', target: cmp.id,
    detail: { file: `${cmp.id}.yaml`, title: cmp.title.zh, dealers: selected.value.length, kpis: cmp.kpis.map((k) => k.kpi), month: cmp.month },
  });
  return ok({ id: cmp.id, file: `${cmp.id}.yaml`, replaced, comparison: { ...again.value, file: `${cmp.id}.yaml` } });
}
