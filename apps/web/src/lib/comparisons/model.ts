// The comparison pages' display rules, kept out of the components so they are tested: the
// answers' types (the API's contracts), how a value, a change and a gap read, the ranked chart's
// bars, a band's readable text colour, the download links, and the "new comparison" form turned
// into the comparison file's data and its refusals back into per-field messages.

import type { Static } from 'typebox';
import type * as C from '@fixops/contracts';
import { formatValue, type Unit } from '@fixops/shared';
import { pick, type Lang } from '../i18n.js';
import type { RankedBar } from '../benchmark/model.js';

export type ComparisonList = Static<typeof C.ComparisonList>;
export type ComparisonSummary = Static<typeof C.ComparisonSummary>;
export type Scorecard = Static<typeof C.ComparisonScorecard>;
export type ScorecardRow = Static<typeof C.ComparisonRow>;
export type ScorecardComponent = Static<typeof C.ComparisonComponent>;
export type ComparisonSaved = Static<typeof C.ComparisonSaved>;

/** A component's value as people read it (the checklist rate as a percentage). */
export function componentValue(v: number | null | undefined, c: Pick<ScorecardComponent, 'unit' | 'kind'>, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  if (c.kind === 'checklist') return `${(v * 100).toFixed(1)}%`;
  return formatValue(v, c.unit as Unit, lang);
}

/** Points with one decimal. */
export const points = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

/** +12.5 / −3.0 / 0.0 (score) or +2 / −1 / 0 (places); null without an earlier period. */
export function signed(n: number | null | undefined, digits: number): string | null {
  if (n === null || n === undefined) return null;
  const s = Math.abs(n).toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return n > 0 ? `+${s}` : `−${s}`;
}

/** up / down / flat, for the colour of a change. */
export function trend(n: number | null | undefined): 'up' | 'down' | 'flat' | null {
  if (n === null || n === undefined) return null;
  return n > 0.05 ? 'up' : n < -0.05 ? 'down' : 'flat';
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): '#000000' | '#ffffff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000000';
  const lin = (c: string) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
  // Contrast with white (1.05 / (l + 0.05)) against contrast with black ((l + 0.05) / 0.05).
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/** The ranked chart's bars: every scored row, best first, the viewer's own dealer selected for a dealer user. */
export function scoreBars(card: Pick<Scorecard, 'rows' | 'anonymous'>): RankedBar[] {
  return card.rows.map((r) => ({
    key: r.dealer, label: r.peer || !r.name ? r.dealer : `${r.dealer} ${r.name}`, dealer: r.peer ? null : r.dealer,
    value: r.score, rank: r.rank, percentile: null, gapToMedian: null, gapToTopQuartile: null,
    selected: card.anonymous && !r.peer, anonymous: r.peer,
  }));
}

/** The middle score (mean of the two middle ones for an even count); null without rows. */
export function medianScore(rows: readonly Pick<ScorecardRow, 'score'>[]): number | null {
  if (rows.length === 0) return null;
  const s = rows.map((r) => r.score).sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The lowest band that is not the last (e.g. 合格 ≥ 650): the chart shades from it to 1000. */
export function passLine(bands: Scorecard['bands']): { min: number; band: Scorecard['bands'][number] } | null {
  const b = bands.length >= 2 ? bands[bands.length - 2]! : null;
  return b ? { min: b.min, band: b } : null;
}

/** A download of the comparison on screen: the API's own answer with ?format=. */
export function downloadHref(id: string, month: string, format: 'html' | 'csv' | 'xlsx', lang: Lang): string {
  return `/api/comparisons/${encodeURIComponent(id)}?${new URLSearchParams({ month, format, lang }).toString()}`;
}

/** The page of one comparison for a month. */
export function comparisonHref(id: string, month?: string | null): string {
  return `/comparisons/${encodeURIComponent(id)}${month ? `?month=${month}` : ''}`;
}

/** The form's fields that can carry a message, plus `form` for the rest. */
export type FieldKey = 'id' | 'title' | 'dealers' | 'kpis' | 'month' | 'compareWith' | 'checklist' | 'form' | `kpi.${string}`;

export interface FormValues {
  id: string;
  titleZh: string;
  titleEn: string;
  dealers: string[];
  kpis: { kpi: string; weight: string; target: string; floor: string }[];
  checklistWeight: string;
  month: string;
  compareWith: string;
  overwrite: boolean;
}

const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/** The posted form as the page shows it again: every KPI ticked, with its weight, target and floor as typed. */
export function readForm(form: FormData): FormValues {
  const dealers = form.getAll('dealer').filter((v): v is string => typeof v === 'string');
  const kpis = form.getAll('kpi').filter((v): v is string => typeof v === 'string')
    .map((kpi) => ({ kpi, weight: text(form, `weight.${kpi}`), target: text(form, `target.${kpi}`), floor: text(form, `floor.${kpi}`) }));
  return {
    id: text(form, 'id'), titleZh: text(form, 'title_zh'), titleEn: text(form, 'title_en'), dealers, kpis,
    checklistWeight: text(form, 'checklist_weight'), month: text(form, 'month'), compareWith: text(form, 'compareWith'),
    overwrite: form.get('overwrite') === 'on',
  };
}

/** A typed number as the file holds it: a number, or the text as typed (the check then names it), or nothing when blank. */
function num(s: string): number | string | undefined {
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

/** The comparison file's data from the form; every check is the API's (the CLI's rules). */
export function comparisonOf(v: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: v.id,
    title: { zh: v.titleZh, en: v.titleEn },
    dealers: v.dealers.length > 0 ? { codes: v.dealers } : {},
    month: v.month === '' ? 'latest' : v.month,
    compareWith: v.compareWith === 'previous_year' ? 'previous_year' : 'previous_month',
    kpis: v.kpis.map((k) => {
      const spec: Record<string, unknown> = { kpi: k.kpi, weight: num(k.weight) };
      const target = num(k.target);
      const floor = num(k.floor);
      if (target !== undefined) spec.target = target;
      if (floor !== undefined) spec.floor = floor;
      return spec;
    }),
  };
  const cw = num(v.checklistWeight);
  if (cw !== undefined && cw !== 0) out.checklist = { weight: cw };
  return out;
}

/** Which form field a refusal's path (as the file checks name it: "kpis[1].weight", "title.zh", "dealers.codes") belongs to. */
export function fieldOf(path: string | undefined, kpis: readonly string[]): FieldKey {
  if (!path) return 'form';
  const k = /^kpis\[(\d+)\]/.exec(path);
  if (k) {
    const id = kpis[Number(k[1])];
    return id ? `kpi.${id}` : 'kpis';
  }
  const head = path.split(/[.[]/)[0]!;
  if (head === 'title' || head === 'description') return 'title';
  if (head === 'id' || head === 'dealers' || head === 'kpis' || head === 'month' || head === 'compareWith' || head === 'checklist') return head;
  return 'form';
}

interface Issue { path?: unknown; message?: unknown }

/**
 * The API's refusal as messages per field in the page's language: every issue of
 * details.issues (each with a zh/en message), else the one message under details.path.
 */
export function fieldErrors(problem: { message: string; details: Record<string, unknown> }, kpis: readonly string[], lang: Lang): Partial<Record<FieldKey, string[]>> {
  const out: Partial<Record<FieldKey, string[]>> = {};
  const add = (key: FieldKey, message: string) => {
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  const issues = Array.isArray(problem.details.issues) ? (problem.details.issues as Issue[]) : [];
  for (const i of issues) {
    const m = i.message as { zh?: unknown; en?: unknown } | undefined;
    if (m && typeof m.zh === 'string' && typeof m.en === 'string') add(fieldOf(typeof i.path === 'string' ? i.path : undefined, kpis), pick(lang, { zh: m.zh, en: m.en }));
  }
  if (issues.length === 0) add(fieldOf(typeof problem.details.path === 'string' ? problem.details.path : undefined, kpis), problem.message);
  return out;
}
