// Charts as inline SVG strings, so a report prints and needs no script: bars of score rate
// per module against the pass line (the seed's 得分曲线图), and small KPI trend lines.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface RateBar {
  label: string;
  /** 0..1, or null when the module is not (completely) scored. */
  rate: number | null;
  passRate: number;
}

/** Horizontal bars, one per module, with the pass line drawn across. */
export function rateBarChart(bars: readonly RateBar[], opts: { title: string; passLabel: string; width?: number }): string {
  const width = opts.width ?? 640;
  const labelW = 190;
  const barH = 18;
  const gap = 8;
  const top = 30;
  const plotW = width - labelW - 60;
  const height = top + bars.length * (barH + gap) + 24;
  const x = (r: number) => labelW + Math.max(0, Math.min(1, r)) * plotW;
  const rows = bars.map((b, i) => {
    const y = top + i * (barH + gap);
    const rate = b.rate;
    const fail = rate === null || rate < b.passRate;
    const bar = rate === null ? '' : `<rect x="${labelW}" y="${y}" width="${(x(rate) - labelW).toFixed(1)}" height="${barH}" fill="${fail ? '#d9534f' : '#3b7d3b'}"/>`;
    const value = rate === null ? '—' : `${(rate * 100).toFixed(0)}%`;
    return `<text x="${labelW - 8}" y="${y + barH - 5}" text-anchor="end" font-size="12">${esc(b.label)}</text>${bar}<text x="${(rate === null ? labelW : x(rate)) + 6}" y="${y + barH - 5}" font-size="12">${value}</text>`;
  });
  const pass = bars[0]?.passRate ?? 0.7;
  const px = x(pass).toFixed(1);
  const axis = [0, 0.25, 0.5, 0.75, 1].map((t) => `<line x1="${x(t)}" y1="${top - 6}" x2="${x(t)}" y2="${height - 20}" stroke="#ddd"/><text x="${x(t)}" y="${height - 6}" font-size="10" text-anchor="middle">${t * 100}%</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(opts.title)}">
<title>${esc(opts.title)}</title>${axis.join('')}${rows.join('')}
<line x1="${px}" y1="${top - 10}" x2="${px}" y2="${height - 20}" stroke="#c9302c" stroke-width="2" stroke-dasharray="5 3"/>
<text x="${px}" y="${top - 14}" font-size="11" text-anchor="middle" fill="#c9302c">${esc(opts.passLabel)}</text>
</svg>`;
}

/** A small line of a KPI over months; null months leave a gap. */
export function sparkline(values: readonly (number | null)[], opts: { width?: number; height?: number; target?: number | null } = {}): string {
  const w = opts.width ?? 160;
  const h = opts.height ?? 36;
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"></svg>`;
  const all = opts.target === null || opts.target === undefined ? nums : [...nums, opts.target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const px = (i: number) => (values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 4) + 2);
  const py = (v: number) => h - 3 - ((v - lo) / span) * (h - 6);
  let d = '';
  values.forEach((v, i) => {
    if (v === null) return;
    d += `${d === '' || values[i - 1] === null ? 'M' : 'L'}${px(i).toFixed(1)} ${py(v).toFixed(1)} `;
  });
  const target = opts.target === null || opts.target === undefined ? '' : `<line x1="0" x2="${w}" y1="${py(opts.target).toFixed(1)}" y2="${py(opts.target).toFixed(1)}" stroke="#c9302c" stroke-dasharray="3 2"/>`;
  const last = values.length - 1;
  const dot = values[last] === null || values[last] === undefined ? '' : `<circle cx="${px(last).toFixed(1)}" cy="${py(values[last]!).toFixed(1)}" r="2.5" fill="#1f5fa8"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${target}<path d="${d.trim()}" fill="none" stroke="#1f5fa8" stroke-width="1.5"/>${dot}</svg>`;
}

export { esc as escapeHtml };
