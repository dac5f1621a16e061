// Human tables for load results and the load log.

import type { LoadSummary, SliceChange } from '@fixops/ingest';
import { renderTable } from './table.js';

export function monthSpan(months: readonly string[]): string {
  if (months.length === 0) return '';
  return months.length === 1 ? months[0]! : `${months[0]}…${months.at(-1)} (${months.length})`;
}

export function dealerList(dealers: readonly string[]): string {
  return dealers.length <= 3 ? dealers.join(', ') : `${dealers.slice(0, 3).join(', ')} +${dealers.length - 3}`;
}

export function statusLabel(status: string): string {
  switch (status) {
    case 'loaded': return '已导入 loaded';
    case 'refused': return '已拒绝 refused';
    case 'needs_confirmation': return '待确认 needs confirmation';
    case 'undo': return '撤销 undo';
    case 'kpi_catalogue': return 'KPI 目录 catalogue';
    default: return status;
  }
}

export function renderLoadSummaries(summaries: readonly LoadSummary[]): string {
  return renderTable(
    ['文件 File', '状态 Status', '类型 Kind', '经销商 Dealers', '月份 Months', '导入 Loaded', '拒绝 Rejected', '跳过 Skipped', '重复 Dup.', '编码 Encoding', 'ms'],
    summaries.map((s) => [s.file, statusLabel(s.status), s.kind, dealerList(s.dealers), monthSpan(s.months), s.rowsLoaded, s.rowsRejected, s.rowsSkipped, s.rowsDuplicate, s.encoding ?? (s.sheet ? `${s.sheet}` : null), s.ms]),
  );
}

/** Per (dealer, month, kind): rows stored now → rows after the load (or the undo). */
export function renderSlices(slices: readonly SliceChange[]): string {
  return renderTable(
    ['经销商 Dealer', '月份 Month', '类型 Kind', '现有 Rows now', '之后 Rows after', '变化 Change'],
    slices.map((s) => [s.dealer, s.month, s.kind, s.rowsNow, s.rowsAfter, `${s.rowsNow} → ${s.rowsAfter}${s.rowsNow > 0 ? ` (${Math.round(((s.rowsAfter - s.rowsNow) / s.rowsNow) * 100)}%)` : ''}`]),
  );
}
