// Charts as inline SVG strings, so the HTML prints and needs no script: the ranked composite
// scores coloured by band with the band lines drawn across, and one dealer's gaps to the median.

import type { Band } from './types.js';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ScoreBar {
  label: string;
  score: number;
  color: string;
}

/** Horizontal bars, best first, on a 0..1000 axis, with a dashed line at each band's lower edge. */
export function scoreChart(bars: readonly ScoreBar[], bands: readonly Band[], opts: { title: string; bandLabel: (b: Band) => string; width?: number }): string {
  const width = opts.width ?? 680;
  const labelW = 200;
  const compact = bars.length > 20;
  const barH = compact ? 10 : 16;
  const gap = compact ? 4 : 6;
  const top = 34;
  const plotW = width - labelW - 50;
  const height = top + bars.length * (barH + gap) + 22;
  const x = (s: number) => labelW + (Math.max(0, Math.min(1000, s)) / 1000) * plotW;
  const axis = [0, 200, 400, 600, 800, 1000].map((v) => `<line x1="${x(v)}" y1="${top - 4}" x2="${x(v)}" y2="${height - 18}" stroke="#e4e4e4"/><text x="${x(v)}" y="${height - 5}" font-size="10" text-anchor="middle">${v}</text>`);
  const lines = bands.filter((b) => b.min > 0).map((b) => {
    const bx = x(b.min).toFixed(1);
    return `<line x1="${bx}" y1="${top - 8}" x2="${bx}" y2="${height - 18}" stroke="${b.color}" stroke-width="1.5" stroke-dasharray="5 3"/><text x="${bx}" y="${top - 12}" font-size="10" text-anchor="middle" fill="${b.color}">${esc(opts.bandLabel(b))} ${b.min}</text>`;
  });
  const rows = bars.map((b, i) => {
    const y = top + i * (barH + gap);
    const w = (x(b.score) - labelW).toFixed(1);
    const fs = compact ? 9 : 12;
    return `<text x="${labelW - 6}" y="${y + barH - 2}" text-anchor="end" font-size="${fs}">${esc(b.label)}</text><rect x="${labelW}" y="${y}" width="${w}" height="${barH}" fill="${b.color}"/><text x="${x(b.score) + 4}" y="${y + barH - 2}" font-size="${fs}">${b.score.toFixed(1)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(opts.title)}">
<title>${esc(opts.title)}</title>${axis.join('')}${rows.join('')}${lines.join('')}
</svg>`;
}

export interface GapBar {
  label: string;
  points: number;
  note: string;
}

/** A dealer's biggest gaps: bars of points behind the median, on a shared scale `max`. */
export function gapChart(bars: readonly GapBar[], opts: { title: string; max: number; width?: number }): string {
  const width = opts.width ?? 680;
  const labelW = 130;
  const barH = 14;
  const gap = 5;
  const noteW = 300;
  const plotW = width - labelW - noteW - 60; // room for the value after the longest bar
  const height = Math.max(1, bars.length) * (barH + gap) + 4;
  const scale = opts.max > 0 ? plotW / opts.max : 0;
  const rows = bars.map((b, i) => {
    const y = 2 + i * (barH + gap);
    const w = Math.max(1, b.points * scale).toFixed(1);
    return `<text x="${labelW - 6}" y="${y + barH - 3}" text-anchor="end" font-size="11">${esc(b.label)}</text><rect x="${labelW}" y="${y}" width="${w}" height="${barH}" fill="#c9302c"/><text x="${labelW + Number(w) + 4}" y="${y + barH - 3}" font-size="11">−${b.points.toFixed(1)}</text><text x="${width - noteW}" y="${y + barH - 3}" font-size="10" fill="#555">${esc(b.note)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(opts.title)}"><title>${esc(opts.title)}</title>${rows.join('')}</svg>`;
}
