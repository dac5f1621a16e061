// The tables a user can download, described once for the workbook writer (@fixops/shared/xlsx):
// which columns, in which language, of which type, and each row's cells, from the same records
// the JSON answers hold. The CLI's `--format xlsx` and the API's `?format=xlsx` both use these,
// so a workbook holds exactly what `--json` prints (only laid out for a spreadsheet). Imported
// on its own as `@fixops/usecases/sheets` by the CLI (the package's index loads far more).

import type { CoverageKind, Coverage, Flag, KpiValue, BenchmarkRow } from '@fixops/metrics';
import { COLUMN_NAMES, isOverdueCell, kpiDefinition, KPIS, type KpiRow, type RowCell } from '@fixops/metrics';
import type { LoadRecord, StoredReject } from '@fixops/ingest';
import { WARMING_UP, type Unit } from '@fixops/shared';
import type { XlsxCell, XlsxColumn, XlsxTable, XlsxType } from '@fixops/shared/xlsx';

/** A KPI unit as a cell type: shares as percent, yuan as money, counts as plain numbers. */
export function unitType(unit: Unit): XlsxType {
  return unit === 'rate' ? 'percent' : unit === 'money' ? 'money' : 'number';
}

const col = (zh: string, en: string, type: XlsxType): XlsxColumn => ({ zh, en, type });
const DEALER = col('经销商', 'Dealer', 'text');
const MONTH = col('月份', 'Month', 'month');
const range = (from?: string, to?: string): string[] => (from === undefined && to === undefined ? [] : from === to || to === undefined ? [from!] : from === undefined ? [to] : [`${from} – ${to}`]);
const given = (...parts: (string | undefined)[]): string[] => parts.filter((p): p is string => p !== undefined && p !== '');

/** KPI values, one row per dealer and month, one column per KPI (in catalogue order). */
/** KPI values as a table; a warming-up value shows as 数据积累中 / warming up (in `lang`), never as an empty cell. */
export function kpisSheet(rows: readonly KpiValue[], scope: { dealer?: string; from?: string; to?: string; kpi?: string } = {}, lang: 'zh' | 'en' = 'zh'): XlsxTable {
  const present = new Set(rows.map((r) => r.kpi));
  const kpis = KPIS.filter((k) => (rows.length === 0 ? scope.kpi === undefined || k.id === scope.kpi : present.has(k.id)));
  const byKey = new Map<string, Map<string, number | string | null>>();
  for (const r of rows) {
    const key = `${r.dealer}\u0000${r.month}`;
    let values = byKey.get(key);
    if (!values) byKey.set(key, (values = new Map<string, number | string | null>()));
    values.set(r.kpi, r.status === 'warming_up' ? WARMING_UP[lang] : r.value);
  }
  return {
    title: { zh: 'KPI 数值', en: 'KPI values' },
    details: given(scope.dealer, ...range(scope.from, scope.to)),
    columns: [DEALER, MONTH, ...kpis.map((k) => col(k.zh, k.en, unitType(k.unit)))],
    rows: [...byKey].map(([key, values]) => {
      const [dealer, month] = key.split('\u0000');
      return [dealer, month, ...kpis.map((k) => values.get(k.id) ?? null)];
    }),
  };
}

export const FLAG_KIND_LABEL: Readonly<Record<string, { zh: string; en: string }>> = {
  not_tracked: { zh: '未统计', en: 'not tracked' }, target: { zh: '目标', en: 'target' }, trend: { zh: '趋势', en: 'trend' }, peer: { zh: '同组', en: 'peer' },
};

/** Flags as listed, with the KPI's name and the value in the KPI's unit. */
export function flagsSheet(flags: readonly Flag[], scope: { dealer?: string; month?: string; kind?: string; kpi?: string; lang: 'zh' | 'en' }): XlsxTable {
  const pick = (m: { zh: string; en: string } | undefined) => (m ? (scope.lang === 'en' ? m.en : m.zh) : undefined);
  return {
    title: { zh: '问题提示', en: 'Flags' },
    details: given(scope.dealer, scope.month, pick(scope.kind === undefined ? undefined : FLAG_KIND_LABEL[scope.kind]), pick(scope.kpi === undefined ? undefined : kpiDefinition(scope.kpi))),
    columns: [DEALER, MONTH, col('KPI', 'KPI', 'text'), col('指标', 'Measure', 'text'), col('类型', 'Kind', 'text'), col('数值', 'Value', 'number'), col('说明', 'Message', 'text')],
    rows: flags.map((f) => {
      const def = kpiDefinition(f.kpi);
      const value: XlsxCell = def ? { value: f.value, type: unitType(def.unit) } : f.value;
      return [f.dealer, f.month, f.kpi, pick(def) ?? f.kpi, pick(FLAG_KIND_LABEL[f.kind]) ?? f.kind, value, f.message];
    }),
  };
}

/** A peer benchmark on one KPI: the values and gaps in the KPI's unit, the percentile as a number 0..100. */
export function benchmarkSheet(rows: readonly BenchmarkRow[], scope: { month: string; kpi: string; group?: string }): XlsxTable {
  const def = kpiDefinition(scope.kpi);
  const t = def ? unitType(def.unit) : 'number';
  return {
    title: { zh: `同组对标 · ${def?.zh ?? scope.kpi}`, en: `Peer benchmark · ${def?.en ?? scope.kpi}` },
    details: given(scope.group, scope.month),
    columns: [
      col('分组', 'Group', 'text'), col('家数', 'Size', 'integer'), col('名次', 'Rank', 'integer'), DEALER, col('名称', 'Name', 'text'),
      col(def?.zh ?? scope.kpi, def?.en ?? scope.kpi, t), col('百分位', 'Percentile', 'number'),
      col('P25', 'P25', t), col('中位数', 'Median', t), col('P75', 'P75', t), col('与中位数差', 'Gap to median', t), col('与前 25% 差', 'Gap to top quartile', t),
    ],
    rows: rows.map((r) => [r.group, r.groupSize, r.rank, r.dealer, r.name, r.value, r.percentile, r.p25, r.median, r.p75, r.gapToMedian, r.gapToTopQuartile]),
  };
}

export const COVERAGE_KIND_LABEL: Readonly<Record<CoverageKind, { zh: string; en: string }>> = {
  repair_orders: { zh: '维修工单', en: 'Repair orders' }, bookings: { zh: '预约', en: 'Bookings' }, accident_repairs: { zh: '事故车', en: 'Accident repairs' },
};

/** Who has sent what: one row per dealer, month and kind, the rows stored (empty when none) and a status word. */
export function coverageSheet(cov: Coverage, lang: 'zh' | 'en', scope: { dealer?: string } = {}): XlsxTable {
  const names = new Map(cov.dealers.map((d) => [d.code, d.name]));
  const status = (c: Coverage['cells'][number]) => (c.rows !== null ? (lang === 'en' ? 'sent' : '已上报') : isOverdueCell(cov, c) ? (lang === 'en' ? 'OVERDUE' : '逾期') : (lang === 'en' ? 'missing' : '缺'));
  return {
    title: { zh: '数据上报情况', en: 'Data coverage' },
    details: given(scope.dealer, ...range(cov.from, cov.to)),
    columns: [DEALER, col('名称', 'Name', 'text'), MONTH, col('类型', 'Kind', 'text'), col('行数', 'Rows', 'integer'), col('状态', 'Status', 'text')],
    rows: cov.cells.map((c) => [c.dealer, names.get(c.dealer) ?? null, c.month, lang === 'en' ? COVERAGE_KIND_LABEL[c.kind].en : COVERAGE_KIND_LABEL[c.kind].zh, c.rows, status(c)]),
  };
}

/** A load's rejected rows, as they stream from the database. */
export function rejectsSheet(load: Pick<LoadRecord, 'id' | 'file'>, rows: AsyncIterable<readonly StoredReject[]> | Iterable<readonly StoredReject[]>): XlsxTable {
  async function* cells(): AsyncGenerator<XlsxCell[]> {
    for await (const chunk of rows) for (const r of chunk) yield [r.row, r.column, r.value, r.reason, r.rawText];
  }
  return {
    title: { zh: '被拒的行', en: 'Rejected rows' },
    details: [`#${load.id}`, load.file],
    columns: [col('行', 'Line', 'integer'), col('列', 'Column', 'text'), col('值', 'Value', 'text'), col('原因', 'Reason', 'text'), col('原始内容', 'Raw text', 'text')],
    rows: cells(),
  };
}

/**
 * A load's rejected rows to fix and upload again: line and reason, then the file's own columns
 * (`columns` from @fixops/ingest's fixableHeader; `rows` from fixableRows, already in the reader's
 * language). Cells are text as the file had them, plain numbers as numbers.
 */
export function fixableRejectsSheet(load: Pick<LoadRecord, 'id' | 'file'>, columns: readonly string[], rows: AsyncIterable<readonly (readonly (string | number | bigint | boolean | null | undefined)[])[]> | Iterable<readonly (readonly (string | number | bigint | boolean | null | undefined)[])[]>): XlsxTable {
  async function* cells(): AsyncGenerator<XlsxCell[]> {
    for await (const chunk of rows) for (const r of chunk) yield r.map((v, i) => (i === 0 || typeof v !== 'number' ? v : { value: v, type: 'number' as const }));
  }
  return {
    title: { zh: '被拒的行（改正后可再上传）', en: 'Rejected rows (fix and upload again)' },
    details: [`#${load.id}`, load.file],
    sheet: { zh: '被拒的行', en: 'Rejected rows' },
    columns: columns.map((c, i) => (i === 0 ? col(c, c, 'integer') : col(c, c, 'text'))),
    rows: cells(),
  };
}

/** The load log as listed (newest first). */
export function loadsSheet(loads: readonly LoadRecord[], scope: { dealer?: string; month?: string; kind?: string; status?: string; user?: string } = {}): XlsxTable {
  return {
    title: { zh: '导入记录', en: 'Load log' },
    details: given(scope.dealer, scope.month, scope.kind, scope.status, scope.user),
    columns: [
      col('编号', 'ID', 'integer'), col('时间', 'When', 'datetime'), col('文件', 'File', 'text'), col('状态', 'Status', 'text'), col('类型', 'Kind', 'text'),
      col('经销商', 'Dealers', 'text'), col('月份', 'Months', 'text'), col('导入', 'Loaded', 'integer'), col('拒绝', 'Rejected', 'integer'), col('跳过', 'Skipped', 'integer'),
      col('重复', 'Duplicates', 'integer'), col('编码', 'Encoding', 'text'), col('分隔符', 'Separator', 'text'), col('上传人', 'Uploaded by', 'text'), col('耗时 (ms)', 'Time (ms)', 'integer'),
    ],
    rows: loads.map((l) => [
      l.id, l.startedAt, l.file, l.status, l.kind, l.dealers.join(', '), l.months.join(', '), l.rowsLoaded, l.rowsRejected, l.rowsSkipped,
      l.rowsDuplicate, l.encoding, l.separator, l.uploadedBy, l.ms,
    ]),
  };
}

const ROW_TYPES: Readonly<Record<string, XlsxType>> = {
  open_time: 'datetime', promised_time: 'datetime', delivered_time: 'datetime', created_time: 'datetime', appointment_time: 'datetime',
  total_amount: 'money', labor_amount: 'money', parts_amount: 'money', estimate_amount: 'money', care_products_amount: 'money',
  repair_amount: 'money', assessed_amount: 'money', mileage: 'integer',
};
const YES_NO = { zh: ['是', '否'], en: ['yes', 'no'] } as const;

/** The rows behind one KPI value (drill-down): the source columns typed, then 计入分子 / 计入分母 as 是/否. */
export function kpiRowsSheet(
  rows: readonly KpiRow[], q: { dealer: string; month: string; kpi: string; columns: readonly string[]; ratio: boolean }, lang: 'zh' | 'en' = 'zh',
): XlsxTable {
  const def = kpiDefinition(q.kpi);
  const flags = ['in_numerator', ...(q.ratio ? ['in_denominator'] : [])];
  const yesNo = (v: RowCell) => (v === null ? null : YES_NO[lang][v ? 0 : 1]);
  return {
    title: { zh: `${def?.zh ?? q.kpi} 明细行`, en: `${def?.en ?? q.kpi} rows` },
    details: [q.dealer, q.month],
    columns: [...q.columns, ...flags].map((c) => col(COLUMN_NAMES[c]?.zh ?? c, COLUMN_NAMES[c]?.en ?? c, ROW_TYPES[c] ?? 'text')),
    rows: rows.map((r) => [...q.columns.map((c) => r[c] ?? null), ...flags.map((f) => yesNo(r[f] ?? null))]),
  };
}
