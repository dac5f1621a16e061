// The assessment report as Markdown: the same content as the HTML page, tables instead of charts.

import type { Lang } from '@fixops/shared';
import { valueText } from '@fixops/metrics';
import type { ReportModel } from './model.js';
import { incompleteText, kpiName, num, partialRateOf, pct } from './format.js';
import { t } from './labels.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: (string | number)[]) => `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;
const table = (head: string[], body: (string | number)[][]) => [row(head), row(head.map(() => '---')), ...body.map(row)].join('\n');

export function renderMarkdown(m: ReportModel, lang: Lang = 'zh'): string {
  const name = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  type Level = { passed: boolean; complete: boolean; score: number; rate: number; progress?: { scored: number; of: number; max: number } };
  // A level not completely scored is never a pass or a fail: 未评完 n/N, its rate over what is scored, marked partial.
  const status = (x: Level) => (!x.complete ? incompleteText(x, lang) : x.passed ? t('pass', lang) : t('fail', lang));
  const rate = (x: Level) => (x.complete ? pct(x.rate) : `${pct(partialRateOf(x))} ${t('partial', lang)}`);
  const out: string[] = [];
  out.push(`# ${t('title', lang)}`, '');
  out.push(`${t('dealer', lang)}：${m.dealer.code} ${m.dealer.name ?? ''} · ${t('region', lang)}：${m.dealer.region ?? '—'} · ${t('group', lang)}：${m.dealer.group} · ${t('month', lang)}：${m.month}`, '');
  out.push(`## ${t('scores', lang)}`, '');
  const a = m.assessment;
  if (!a) out.push(t('noAssessment', lang), '');
  else {
    const sc = a.scorecard;
    out.push(`${t('visit', lang)}：${a.date} · ${t('visitMonth', lang)}：${a.month} · ${t('assessor', lang)}：${a.assessor ?? '—'} · ${t('template', lang)}：${name(sc.template)} v${sc.template.version}`, '');
    if (m.visitMonth) out.push(`> ${t('visitOf', lang, { month: m.visitMonth })}`, '');
    if (!a.complete) out.push(`> ${t('draftNote', lang, { scored: a.scored, of: a.items })}`, '');
    else if (a.finished) out.push(`> ${t('finishedNote', lang, { left: a.items - a.scored })}`, '');
    const body: (string | number)[][] = [];
    for (const s of sc.sections) {
      body.push([`**${name(s)}**`, '', num(s.score), num(s.max), rate(s), status(s)]);
      for (const mod of s.modules) body.push(['', name(mod), num(mod.score), num(mod.max), rate(mod), status(mod)]);
    }
    const total = { ...sc, score: sc.total };
    body.push([`**${t('total', lang)}**`, '', num(sc.total), num(sc.max), rate(total), status(total)]);
    out.push(table([t('department', lang), t('module', lang), t('score', lang), t('max', lang), t('rate', lang), t('result', lang)], body), '');
  }
  out.push(`## ${t('weaknesses', lang)}`, '', `### ${t('weakModules', lang)}`, '');
  out.push(m.weakModules.length ? m.weakModules.map((w) => `- ${name(w.section)} · ${name(w)}：${num(w.score)}/${num(w.max)}（${pct(w.rate)}，${t('passLine', lang)} ${pct(w.passRate)}）`).join('\n') : `- ${t('noWeakness', lang)}`, '');
  out.push(`### ${t('weakKpis', lang)}`, '');
  out.push(m.flags.length ? m.flags.map((f) => `- ${lang === 'en' ? f.messages.en : f.messages.zh}`).join('\n') : `- ${t('noWeakness', lang)}`, '');
  out.push(`## ${t('coaching', lang)}`, '');
  out.push(m.coaching.length ? table([t('direction', lang), t('effect', lang), t('basis', lang)], m.coaching.map((c) => [
    name(c.direction), c.effects.map(name).join('；'), [...c.modules, ...c.flags.map((f) => `${kpiName(m, f.kpi, lang)}·${f.kind}`)].join('、'),
  ])) : `- ${t('noWeakness', lang)}`, '');
  const warming = m.coverage.warming > 0 ? `${lang === 'en' ? '; ' : '；'}${t('coverageWarming', lang, { warming: m.coverage.warming })}` : '';
  out.push(`## ${t('coverage', lang)}`, '', `${t('coverageLine', lang, { expected: m.coverage.expected, received: m.coverage.received, kpis: m.coverage.byKpi.length })}${warming}`, '');
  out.push(table([t('kpi', lang), t('received', lang)], m.coverage.byKpi.map((k) => [name(k.kpi), `${k.received}/12${k.warming > 0 ? ` · ${t('warmingMonths', lang, { n: k.warming })}` : ''}`])), '');
  out.push(`## ${t('trends', lang)}`, '');
  if (m.trends.length === 0) out.push(`- ${t('noWeakness', lang)}`, '');
  else {
    const months = m.trends[0]!.months;
    out.push(table([t('kpi', lang), ...months.map((x) => x.slice(2)), t('target', lang)], m.trends.map((tr) => [
      name(tr.kpi), ...tr.values.map((v, i) => valueText(v, tr.kpi.unit, lang, tr.warming?.[i] ? 'warming_up' : undefined)), tr.target ? `${tr.target.op === '>=' ? '≥' : '≤'} ${valueText(tr.target.value, tr.kpi.unit, lang)}` : '—',
    ])), '');
  }
  return `${out.join('\n')}\n`;
}
