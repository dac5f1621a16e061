// Where a KPI value links to: its drill-down page for that dealer and month.

/** /dealers/CODE/kpis/KPI?month=YYYY-MM (no month: the dealer's latest). */
export function drillPath(code: string, kpi: string, month: string | null | undefined): `/dealers/${string}` {
  return `/dealers/${encodeURIComponent(code)}/kpis/${encodeURIComponent(kpi)}${month ? `?month=${month}` : ''}`;
}
