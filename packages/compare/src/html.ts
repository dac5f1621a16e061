// The comparison as one standalone printable HTML page (A4, no script, charts as inline SVG):
// the ranked composite chart, the ranking table, each dealer's gaps with a small chart, the
// KPIs with weights and targets, and the scoring rule.

import type { Lang } from '@fixops/shared';
import { componentLabel, formulaText, headerLines, nameOf, pts, signed, t, unitsText, valueText } from './labels.js';
import { esc, gapChart, scoreChart } from './svg.js';
import type { ComparisonResult } from './types.js';

const CSS = `
@page { size: A4; margin: 12mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; font-size: 11px; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 19px; margin: 0 0 4px; } h2 { font-size: 14px; margin: 16px 0 6px; border-bottom: 2px solid #1f5fa8; padding-bottom: 3px; break-after: avoid; page-break-after: avoid; }
.meta { color: #555; margin: 2px 0; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; }
th, td { border: 1px solid #ccc; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #eef3fa; } thead { display: table-header-group; }
tr, figure, .dealer { break-inside: avoid; page-break-inside: avoid; }
td.n { text-align: right; white-space: nowrap; } .up { color: #2e7d32; } .down { color: #c9302c; } .muted { color: #777; }
.band { display: inline-block; padding: 0 5px; border-radius: 3px; color: #fff; white-space: nowrap; }
figure { margin: 6px 0; } figcaption { font-size: 10px; color: #555; }
.dealer { margin: 4px 0 8px; } .dealer h3 { font-size: 12px; margin: 0 0 2px; }
ul { margin: 4px 0; padding-left: 18px; } li { margin: 2px 0; break-inside: avoid; }
footer { margin-top: 12px; color: #888; font-size: 10px; }
`;

/** Bars per ranking figure: 40 rows of 11 px fit an A4 page with room to spare. */
export const CHART_ROWS = 40;

function changeCell(n: number | undefined, digits: number): string {
  if (n === undefined) return '<td class="n muted">—</td>';
  return `<td class="n ${n > 0 ? 'up' : n < 0 ? 'down' : ''}">${signed(n, digits)}</td>`;
}

export function renderHtml(r: ComparisonResult, lang: Lang = 'zh'): string {
  const parts: string[] = [];
  const title = nameOf(r.title, lang);
  parts.push(`<h1>${esc(title)} · ${r.month}</h1>`);
  if (r.description) parts.push(`<p class="meta">${esc(nameOf(r.description, lang))}</p>`);
  for (const l of headerLines(r, lang)) parts.push(`<div class="meta">${esc(l)}</div>`);

  parts.push(`<h2>${t('ranking', lang)}</h2>`);
  const short = (name: string | null) => (name === null ? '' : name.length > 6 ? `${name.slice(0, 6)}…` : name);
  const bars = r.rows.map((d) => ({ label: `${d.rank}. ${d.dealer} ${short(d.name)}`, score: d.score, color: d.band.color }));
  // At most CHART_ROWS bars per figure, so each figure fits on an A4 page and is never split.
  for (let i = 0; i < bars.length; i += CHART_ROWS) {
    const part = bars.length > CHART_ROWS ? ` (${i + 1}–${Math.min(bars.length, i + CHART_ROWS)})` : '';
    parts.push(`<figure>${scoreChart(bars.slice(i, i + CHART_ROWS), r.bands, { title: `${t('chart', lang)}${part}`, bandLabel: (b) => nameOf(b, lang) })}<figcaption>${t('chart', lang)}${part}</figcaption></figure>`);
  }
  const head = [t('rank', lang), t('dealer', lang), t('name', lang), t('score', lang), t('band', lang), t('change', lang), t('rankChange', lang), ...r.components.map((c) => `${componentLabel(c, lang)}<br><span class="muted">${c.weight}</span>`)];
  parts.push(`<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${r.rows.map((d) => `<tr><td class="n">${d.rank}</td><td>${esc(d.dealer)}</td><td>${esc(d.name ?? '')}</td><td class="n"><b>${pts(d.score)}</b></td><td><span class="band" style="background:${d.band.color}">${esc(nameOf(d.band, lang))}</span></td>${changeCell(d.change?.score, 1)}${changeCell(d.change?.rank, 0)}${d.components.map((p) => {
    const c = r.components.find((x) => x.id === p.id)!;
    return p.noData ? `<td class="n muted">${t(p.warming ? 'warming' : 'noData', lang)}<br>0.0</td>` : `<td class="n">${esc(valueText(p.value, c, lang))}<br><span class="muted">${pts(p.points)}</span></td>`;
  }).join('')}</tr>`).join('')}</tbody></table>`);

  parts.push(`<h2>${t('gaps', lang)}</h2>`);
  const max = Math.max(0, ...r.rows.flatMap((d) => d.gaps.map((g) => g.points)));
  for (const d of r.rows) {
    const gapBars = d.gaps.map((g) => {
      const c = r.components.find((x) => x.id === g.id)!;
      return { label: componentLabel(c, lang), points: g.points, note: `${valueText(g.value, c, lang)} vs ${t('vsMedian', lang)} ${valueText(g.median, c, lang)} (${g.units === null ? t('noData', lang) : unitsText(g.units, c, lang)})` };
    });
    parts.push(`<div class="dealer"><h3>${d.rank}. ${esc(d.dealer)} ${esc(d.name ?? '')} · ${pts(d.score)} <span class="band" style="background:${d.band.color}">${esc(nameOf(d.band, lang))}</span></h3>${gapBars.length === 0 ? `<p class="muted">${t('noGap', lang)}</p>` : `<figure>${gapChart(gapBars, { title: `${d.dealer} ${t('gapChart', lang)}`, max })}</figure>`}</div>`);
  }

  parts.push(`<h2>${t('components', lang)}</h2>`);
  parts.push(`<table><thead><tr><th>${t('component', lang)}</th><th>id</th><th>${t('weight', lang)}</th><th>${t('target', lang)}</th><th>${t('floor', lang)}</th><th>${t('better', lang)}</th><th>${t('source', lang)}</th><th>${t('median', lang)}</th></tr></thead><tbody>${r.components.map((c) =>
    `<tr><td>${esc(componentLabel(c, lang))}</td><td>${c.id}</td><td class="n">${c.weight}</td><td class="n">${esc(valueText(c.target, c, lang))}</td><td class="n">${esc(valueText(c.floor, c, lang))}</td><td>${t(c.better, lang)}</td><td>${t(c.targetSource === 'file' ? 'fromFile' : c.targetSource === 'setting' ? 'fromSetting' : 'fromDefault', lang)}</td><td class="n">${esc(valueText(r.medians[c.id] ?? null, c, lang))}</td></tr>`).join('')}</tbody></table>`);
  if (r.components.some((c) => c.kind === 'checklist')) parts.push(`<p class="meta">${t('checklistNote', lang)}</p>`);
  parts.push(`<h2>${t('bands', lang)}</h2><ul>${r.bands.map((b, i) => `<li><span class="band" style="background:${b.color}">${esc(nameOf(b, lang))}</span> ${b.min}–${i === 0 ? 1000 : r.bands[i - 1]!.min}</li>`).join('')}</ul>`);
  parts.push(`<h2>${t('method', lang)}</h2><ul>${formulaText(lang).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`);
  if (r.missing.length) parts.push(`<h2>${t('missing', lang)}</h2><ul>${r.missing.map((d) => `<li>${esc(d.dealer)} ${esc(d.name ?? '')}</li>`).join('')}</ul>`);
  parts.push(`<footer>${t('generated', lang)}${r.file ? ` · ${esc(r.file)}` : ''} · ${new Date().toISOString().slice(0, 10)}</footer>`);
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${esc(title)} · ${r.month}</title><style>${CSS}</style></head>
<body>${parts.join('\n')}</body></html>
`;
}
