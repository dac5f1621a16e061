// Human tables for load results and the load log.

import type { LoadSummary } from '@fixops/ingest';
import { renderTable } from './table.js';

export function monthSpan(months: readonly string[]): string {
  if (months.length === 0) return '';
  return months.length === 1 ? months[0]! : `${months[0]}…${months.at(-1)} (${months.length})`;
}

export function dealerList(dealers: readonly string[]): string {
  return dealers.length <= 3 ? dealers.join(', ') : `${dealers.slice(0, 3).join(', ')} +${dealers.length - 3}`;
}

export function statusLabel(status: string): string {
  return status === 'loaded' ? '已导入 loaded' : status === 'refused' ? '已拒绝 refused' : status;
}

export function renderLoadSummaries(summaries: readonly LoadSummary[]): string {
  return renderTable(
    ['文件 File', '状态 Status', '类型 Kind', '经销商 Dealers', '月份 Months', '导入 Loaded', '拒绝 Rejected', '跳过 Skipped', '重复 Dup.', '编码 Encoding', 'ms'],
    summaries.map((s) => [s.file, statusLabel(s.status), s.kind, dealerList(s.dealers), monthSpan(s.months), s.rowsLoaded, s.rowsRejected, s.rowsSkipped, s.rowsDuplicate, s.encoding, s.ms]),
  );
}
