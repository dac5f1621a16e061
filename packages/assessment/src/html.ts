// The assessment report as one standalone, printable HTML page (A4, no script, charts as
// inline SVG), in the shape of the seed's 评估报告.

import type { Lang } from '@fixops/shared';
import { valueText, kpiDefinition } from '@fixops/metrics';
import type { ReportModel } from './model.js';
import { t } from './labels.js';
import { escapeHtml as esc, rateBarChart, sparkline } from './svg.js';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; font-size: 12px; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 18px 0 6px; border-bottom: 2px solid #1f5fa8; padding-bottom: 3px; break-after: avoid; }
h3 { font-size: 13px; margin: 10px 0 4px; break-after: avoid; }
.meta { color: #555; margin-bottom: 8px; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; }
th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eef3fa; } thead { display: table-header-group; } tr { break-inside: avoid; page-break-inside: avoid; }
td.n { text-align: right; white-space: nowrap; } .fail { color: #c9302c; font-weight: 600; } .pass { color: #2e7d32; } .muted { color: #777; }
tr.section td { background: #f6f6f6; font-weight: 600; }
figure { margin: 6px 0; break-inside: avoid; page-break-inside: avoid; } figcaption { font-size: 11px; color: #555; }
ul { margin: 4px 0; padding-left: 18px; } li { margin: 2px 0; break-inside: avoid; }
footer { margin-top: 14px; color: #888; font-size: 10px; }
`;

export function renderHtml(m: ReportModel, lang: Lang = 'zh'): string {
  const name = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const parts: string[] = [];
  parts.push(`<h1>${t('title', lang)}</h1>`);
  parts.push(`<div class="meta">${t('dealer', lang)}：${esc(m.dealer.code)} ${esc(m.dealer.name ?? '')} · ${t('region', lang)}：${esc(m.dealer.region ?? '—')} · ${t('group', lang)}：${esc(m.dealer.group)} · ${t('month', lang)}：${m.month}</div>`);

  parts.push(`<h2>${t('scores', lang)}</h2>`);
  const a = m.assessment;
  if (!a) parts.push(`<p class="muted">${t('noAssessment', lang)}</p>`);
  else {
    const sc = a.scorecard;
    parts.push(`<div class="meta">${t('visit', lang)}：${a.date} · ${t('assessor', lang)}：${esc(a.assessor ?? '—')} · ${t('template', lang)}：${esc(name(sc.template))} v${sc.template.version}${m.previous ? ` · ${t('previous', lang)}：${m.previous.date} ${num(m.previous.total)}/${num(m.previous.max)}` : ''}</div>`);
    const rows: string[] = [];
    for (const s of sc.sections) {
      rows.push(`<tr class="section"><td colspan="2">${esc(name(s))}</td><td class="n">${num(s.score)}</td><td class="n">${num(s.max)}</td><td class="n">${pct(s.rate)}</td><td class="n">${num(Math.round(s.max * 0.7 * 100) / 100)}</td><td>${result(s, lang)}</td></tr>`);
      for (const mod of s.modules) {
        const pl = m.passRates[mod.id] ?? 0.7;
        rows.push(`<tr><td></td><td>${esc(name(mod))}</td><td class="n">${num(mod.score)}</td><td class="n">${num(mod.max)}</td><td class="n">${pct(mod.rate)}</td><td class="n">${pct(pl)}</td><td>${result(mod, lang)}</td></tr>`);
      }
    }
    rows.push(`<tr class="section"><td colspan="2">${t('total', lang)}</td><td class="n">${num(sc.total)}</td><td class="n">${num(sc.max)}</td><td class="n">${pct(sc.rate)}</td><td class="n">${num(Math.round(sc.max * 0.7 * 100) / 100)}</td><td>${result(sc, lang)}</td></tr>`);
    parts.push(`<table><thead><tr><th>${t('department', lang)}</th><th>${t('module', lang)}</th><th>${t('score', lang)}</th><th>${t('max', lang)}</th><th>${t('rate', lang)}</th><th>${t('passLine', lang)}</th><th>${t('result', lang)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    const bars = sc.sections.flatMap((s) => s.modules.map((mod) => ({ label: name(mod), rate: mod.complete ? mod.rate : null, passRate: m.passRates[mod.id] ?? 0.7 })));
    parts.push(`<figure>${rateBarChart(bars, { title: t('chart', lang), passLabel: '70%' })}<figcaption>${t('chart', lang)}</figcaption></figure>`);
  }

  parts.push(`<h2>${t('weaknesses', lang)}</h2>`);
  parts.push(`<h3>${t('weakModules', lang)}</h3>`);
  parts.push(m.weakModules.length === 0 ? `<p class="muted">${a ? t('noWeakness', lang) : t('noAssessment', lang)}</p>`
    : `<ul>${m.weakModules.map((w) => `<li>${esc(name(w.section))} · ${esc(name(w))}：${num(w.score)}/${num(w.max)}（${pct(w.rate)}，${t('passLine', lang)} ${pct(w.passRate)}）${w.before !== null ? ` · ${t('change', lang)} ${w.rate >= w.before ? '+' : ''}${((w.rate - w.before) * 100).toFixed(1)}` : ''}</li>`).join('')}</ul>`);
  parts.push(`<h3>${t('weakKpis', lang)}</h3>`);
  parts.push(m.flags.length === 0 ? `<p class="muted">${t('noWeakness', lang)}</p>` : `<ul>${m.flags.map((f) => `<li>${esc(lang === 'en' ? f.messages.en : f.messages.zh)}</li>`).join('')}</ul>`);

  parts.push(`<h2>${t('coaching', lang)}</h2>`);
  parts.push(m.coaching.length === 0 ? `<p class="muted">${t('noWeakness', lang)}</p>`
    : `<table><thead><tr><th>${t('direction', lang)}</th><th>${t('effect', lang)}</th><th>${t('basis', lang)}</th></tr></thead><tbody>${m.coaching.map((c) =>
      `<tr><td>${esc(name(c.direction))}</td><td>${c.effects.map((e) => esc(name(e))).join('<br>')}</td><td class="muted">${esc([...c.modules, ...c.flags.map((f) => `${lang === 'en' ? kpiDefinition(f.kpi)?.en ?? f.kpi : kpiDefinition(f.kpi)?.zh ?? f.kpi}·${f.kind}`)].join('、'))}</td></tr>`).join('')}</tbody></table>`);

  parts.push(`<h2>${t('coverage', lang)}</h2>`);
  parts.push(`<p>${t('coverageLine', lang, { expected: m.coverage.expected, received: m.coverage.received, kpis: m.coverage.byKpi.length })}</p>`);
  parts.push(`<table><thead><tr><th>${t('kpi', lang)}</th><th>${t('received', lang)}</th><th>KPI</th><th>${t('received', lang)}</th></tr></thead><tbody>${pairs(m.coverage.byKpi).map(([x, y]) =>
    `<tr><td>${esc(name(x.kpi))}</td><td class="n${x.received < 12 ? ' fail' : ''}">${x.received}/12</td><td>${y ? esc(name(y.kpi)) : ''}</td><td class="n${y && y.received < 12 ? ' fail' : ''}">${y ? `${y.received}/12` : ''}</td></tr>`).join('')}</tbody></table>`);

  parts.push(`<h2>${t('trends', lang)}</h2>`);
  parts.push(m.trends.length === 0 ? `<p class="muted">${t('noWeakness', lang)}</p>`
    : `<table><thead><tr><th>${t('kpi', lang)}</th><th>${m.trends[0]!.months[0]} … ${m.trends[0]!.months.at(-1)}</th><th>${t('month', lang)}</th><th>${t('target', lang)}</th></tr></thead><tbody>${m.trends.map((tr) =>
      `<tr><td>${esc(name(tr.kpi))}</td><td>${sparkline(tr.values, { target: tr.target?.value ?? null })}</td><td class="n">${valueText(tr.values.at(-1) ?? null, tr.kpi.unit, lang)}</td><td class="n">${tr.target ? `${tr.target.op === '>=' ? '≥' : '≤'} ${valueText(tr.target.value, tr.kpi.unit, lang)}` : '—'}</td></tr>`).join('')}</tbody></table>`);

  parts.push(`<footer>${t('generated', lang)} · ${new Date().toISOString().slice(0, 10)}</footer>`);
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${t('title', lang)} · ${esc(m.dealer.code)} · ${m.month}</title><style>${CSS}</style></head>
<body>${parts.join('\n')}</body></html>
`;
}

function result(x: { passed: boolean; complete: boolean }, lang: Lang): string {
  if (!x.complete) return `<span class="muted">${t('incomplete', lang)}</span>`;
  return x.passed ? `<span class="pass">${t('pass', lang)}</span>` : `<span class="fail">${t('fail', lang)}</span>`;
}

function pairs<T>(xs: T[]): [T, T | undefined][] {
  const out: [T, T | undefined][] = [];
  for (let i = 0; i < xs.length; i += 2) out.push([xs[i]!, xs[i + 1]]);
  return out;
}
