// The comparison as Markdown: ranking table, each dealer's three gaps, the KPIs with weights
// and targets, and the scoring rule — enough to redo every number by hand.

import type { Lang } from '@fixops/shared';
import { componentLabel, formulaText, headerLines, nameOf, pts, signed, t, unitsText, valueText } from './labels.js';
import type { Component, ComparisonResult, DealerScore } from './types.js';

const cell = (x: unknown) => String(x).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const line = (cells: unknown[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: unknown[][]) => [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');

export function gapText(r: ComparisonResult, g: DealerScore['gaps'][number], lang: Lang): string {
  const c = r.components.find((x) => x.id === g.id)!;
  const sep = lang === 'en' ? ', ' : '，';
  return `${componentLabel(c, lang)} ${valueText(g.value, c, lang)} vs ${t('vsMedian', lang)} ${valueText(g.median, c, lang)}${sep}${t('behind', lang)} ${g.units === null ? t('noData', lang) : unitsText(g.units, c, lang)}${sep}−${pts(g.points)} ${t('points', lang)}`;
}

function targetText(c: Component, lang: Lang, v: number): string {
  return valueText(v, c, lang);
}

export function renderMarkdown(r: ComparisonResult, lang: Lang = 'zh'): string {
  const out: string[] = [];
  out.push(`# ${nameOf(r.title, lang)} · ${r.month}`, '');
  if (r.description) out.push(nameOf(r.description, lang), '');
  out.push(...headerLines(r, lang).map((l) => `${l}  `), '');

  out.push(`## ${t('ranking', lang)}`, '');
  const head = [t('rank', lang), t('dealer', lang), t('name', lang), t('score', lang), t('band', lang), t('change', lang), t('rankChange', lang),
    ...r.components.map((c) => `${componentLabel(c, lang)} (${c.weight})`)];
  out.push(table(head, r.rows.map((d) => [
    d.rank, d.dealer, d.name ?? '', pts(d.score), nameOf(d.band, lang),
    d.change ? signed(d.change.score) : '—', d.change ? signed(d.change.rank, 0) : '—',
    ...d.components.map((p) => (p.noData ? `${t(p.warming ? 'warming' : 'noData', lang)} · 0.0` : `${valueText(p.value, r.components.find((c) => c.id === p.id)!, lang)} · ${pts(p.points)}`)),
  ])), '');

  out.push(`## ${t('gaps', lang)}`, '');
  out.push(table([t('rank', lang), t('dealer', lang), `${t('gap', lang)} 1`, `${t('gap', lang)} 2`, `${t('gap', lang)} 3`], r.rows.map((d) => [
    d.rank, d.dealer, ...[0, 1, 2].map((i) => (d.gaps[i] ? gapText(r, d.gaps[i], lang) : i === 0 ? t('noGap', lang) : '')),
  ])), '');

  out.push(`## ${t('components', lang)}`, '');
  out.push(table([t('component', lang), 'id', t('weight', lang), t('target', lang), t('floor', lang), t('better', lang), t('source', lang), t('median', lang)], r.components.map((c) => [
    componentLabel(c, lang), c.id, c.weight, targetText(c, lang, c.target), targetText(c, lang, c.floor), t(c.better, lang),
    t(c.targetSource === 'file' ? 'fromFile' : c.targetSource === 'setting' ? 'fromSetting' : 'fromDefault', lang), valueText(r.medians[c.id] ?? null, c, lang),
  ])), '');
  if (r.components.some((c) => c.kind === 'checklist')) out.push(t('checklistNote', lang), '');

  out.push(`## ${t('bands', lang)}`, '');
  out.push(r.bands.map((b, i) => `- ${nameOf(b, lang)}: ${b.min}${i === 0 ? '–1000' : `–${r.bands[i - 1]!.min}`}`).join('\n'), '');

  out.push(`## ${t('method', lang)}`, '');
  out.push(...formulaText(lang).map((l) => `- ${l}`), '');

  if (r.missing.length) {
    out.push(`## ${t('missing', lang)}`, '');
    out.push(r.missing.map((d) => `- ${d.dealer} ${d.name ?? ''}`).join('\n'), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
