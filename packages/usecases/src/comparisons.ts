// Comparisons for the API and the CLI: the comparison files of a folder (id = file name without
// .yaml) with their title, dealers, KPIs and month; one comparison run for a month and scoped to
// who is looking; and its downloads (printable HTML, formula-safe CSV, xlsx). Loading, scoring
// and rendering are @fixops/compare's — this module only wires them.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  describeSelector, loadComparisonFile, renderCsv, renderHtml, runComparison, selectDealers,
  type Comparison, type ComparisonResult,
} from '@fixops/compare';
import { queryJson, quotedString } from '@fixops/db';
import { kpiDefinition } from '@fixops/metrics';
import { err, ok, type Lang, type Message, type Result } from '@fixops/shared';
import { XLSX_CONTENT_TYPE, xlsxBytes } from '@fixops/shared/xlsx';
import { compareSheet } from './comparisonsSheet.js';
import { anonymousSelection, isDealerViewer, scopeComparison, type ComparisonViewer, type ScopedComparison } from './comparisonsScope.js';

/** A comparison id is a file name without .yaml: what the file schema allows for `id`, at most 64 characters. */
export const COMPARISON_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface ComparisonKpi {
  id: string;
  zh: string;
  en: string;
  weight: number;
  target: number | null;
  floor: number | null;
}

export interface ComparisonSummary {
  id: string;
  title: Message;
  description: Message | null;
  /** The dealers in words (without codes for a dealer user) and how many there are today (null: the selection no longer matches). */
  selection: Message;
  dealerCount: number | null;
  kpis: ComparisonKpi[];
  checklist: { weight: number } | null;
  /** "latest" or YYYY-MM, as the file says. */
  month: string;
  compareWith: 'previous_month' | 'previous_year';
  /** Why the file cannot be used (admins and consultants only see invalid files). */
  problem: Message | null;
}

const notFound = (id: string) => err('comparison_not_found', { zh: `没有名为“${id}”的对标`, en: `No comparison named "${id}"` }, { id });

function kpisOf(c: Comparison): ComparisonKpi[] {
  return c.kpis.map((k) => {
    const def = kpiDefinition(k.kpi);
    return { id: k.kpi, zh: def?.zh ?? k.kpi, en: def?.en ?? k.kpi, weight: k.weight, target: k.target ?? null, floor: k.floor ?? null };
  });
}

async function comparisonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.yaml') && COMPARISON_ID.test(f.slice(0, -5))).sort();
  } catch {
    return [];
  }
}

/** A file's message without the folder on the server (what a user sees). */
function withoutFolder(m: Message, path: string): Message {
  return { zh: m.zh.split(path).join(path.split('/').pop() ?? path), en: m.en.split(path).join(path.split('/').pop() ?? path) };
}

/**
 * Every comparison file of `dir`, sorted by id. A dealer user gets only the valid files whose
 * selection holds its own dealer, with the selection described without dealer codes.
 */
export async function listComparisons(c: DuckDBConnection, dir: string, viewer: ComparisonViewer): Promise<ComparisonSummary[]> {
  const out: ComparisonSummary[] = [];
  for (const file of await comparisonFiles(dir)) {
    const id = file.slice(0, -5);
    const path = join(dir, file);
    const loaded = await loadComparisonFile(path);
    if (!loaded.ok) {
      if (!isDealerViewer(viewer)) {
        out.push({ id, title: { zh: id, en: id }, description: null, selection: { zh: '', en: '' }, dealerCount: null, kpis: [], checklist: null, month: '', compareWith: 'previous_month', problem: withoutFolder(loaded.error.message, path) });
      }
      continue;
    }
    const cmp = loaded.value;
    const selected = await selectDealers(c, cmp.dealers);
    if (isDealerViewer(viewer) && !(selected.ok && selected.value.some((d) => d.dealer === viewer.dealer))) continue;
    out.push({
      id, title: cmp.title, description: cmp.description ?? null,
      selection: isDealerViewer(viewer) ? anonymousSelection(cmp.dealers) : describeSelector(cmp.dealers),
      dealerCount: selected.ok ? selected.value.length : null,
      kpis: kpisOf(cmp), checklist: cmp.checklist ? { weight: cmp.checklist.weight } : null,
      month: cmp.month, compareWith: cmp.compareWith,
      problem: selected.ok ? null : withoutFolder(selected.error.message, path),
    });
  }
  return out;
}

/** The comparison file `id` of `dir`, validated; an id that is no safe file name is simply not found. */
export async function openComparison(dir: string, id: string): Promise<Result<Comparison>> {
  if (!COMPARISON_ID.test(id)) return notFound(id);
  const files = await comparisonFiles(dir);
  if (!files.includes(`${id}.yaml`)) return notFound(id);
  const path = join(dir, `${id}.yaml`);
  const loaded = await loadComparisonFile(path);
  if (!loaded.ok) return { ok: false, error: { ...loaded.error, message: withoutFolder(loaded.error.message, path), details: { id } } };
  return ok({ ...loaded.value, id, file: `${id}.yaml` });
}

export interface ComparisonView extends ScopedComparison {
  /** Months with KPI values for the selected dealers, newest first (for a month picker). */
  months: string[];
}

/**
 * Runs comparison `id` for `month` (absent: the file's month) as `viewer` may see it. A dealer
 * user asking for a comparison without its dealer is told it does not exist, and its refusals
 * name no other dealer.
 */
export async function readComparison(c: DuckDBConnection, dir: string, id: string, viewer: ComparisonViewer, opts: { month?: string; lang: Lang }): Promise<Result<ComparisonView>> {
  const cmp = await openComparison(dir, id);
  if (!cmp.ok) return isDealerViewer(viewer) ? notFound(id) : cmp;
  const selected = await selectDealers(c, cmp.value.dealers);
  if (isDealerViewer(viewer)) {
    if (!selected.ok || !selected.value.some((d) => d.dealer === viewer.dealer)) return notFound(id);
  }
  const run = await runComparison(c, cmp.value, opts.month === undefined ? {} : { month: opts.month });
  if (!run.ok) {
    if (!isDealerViewer(viewer)) return run;
    // The details of a refusal may list dealer codes: a dealer user gets the month words only.
    const { month, latest } = (run.error.details ?? {}) as { month?: unknown; latest?: unknown };
    const message = run.error.code === 'compare_no_data' ? run.error.message : { zh: '这个对标暂时无法计算，请联系管理员', en: 'This comparison cannot be computed right now: ask your administrator' };
    return err(run.error.code, message, { ...(month !== undefined ? { month } : {}), ...(latest !== undefined ? { latest } : {}) });
  }
  const codes = selected.ok ? selected.value.map((d) => d.dealer) : [];
  const months = codes.length === 0 ? [] : (await queryJson<{ m: string }>(c,
    `SELECT DISTINCT strftime(month, '%Y-%m') AS m FROM kpi_values WHERE dealer_code IN (${codes.map(quotedString).join(', ')}) ORDER BY 1 DESC`)).map((r) => r.m);
  return ok({ ...scopeComparison(run.value, cmp.value.dealers, viewer, opts.lang), months });
}

export type ComparisonFormat = 'html' | 'csv' | 'xlsx';

export interface ComparisonDownload {
  contentType: string;
  /** A file name of the id, month and format: "east-region-service-scorecard-2025-12.csv". */
  fileName: string;
  body: string | Buffer;
}

/**
 * A scored (and scoped) comparison as a file: the printable HTML page and the CSV of
 * @fixops/compare (the CSV with a BOM so Excel reads Chinese; the shared writer neutralises
 * formulas), or the workbook of compareSheet.
 */
export async function comparisonDownload(r: ScopedComparison | ComparisonResult, format: ComparisonFormat, lang: Lang): Promise<ComparisonDownload> {
  const base = `${r.id}-${r.month}`;
  if (format === 'html') return { contentType: 'text/html; charset=utf-8', fileName: `${base}.html`, body: renderHtml(r, lang) };
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv`, body: `\uFEFF${renderCsv(r)}` };
  return { contentType: XLSX_CONTENT_TYPE, fileName: `${base}.xlsx`, body: await xlsxBytes(compareSheet(r, lang), { lang }) };
}
