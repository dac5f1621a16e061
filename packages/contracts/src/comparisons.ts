// Comparisons (scripted dealer scorecards out of 1000 points, data/comparisons/*.yaml): the list
// of files, one scored for a month (a dealer user sees itself and anonymous peers), its
// downloads, and a new comparison written in the browser.

import { Type } from 'typebox';
import { Lang, Month, Nullable } from './common.js';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });

/** A comparison's id: its file name without .yaml. */
export const ComparisonId = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', description: 'the file name without .yaml' });
export const ComparisonParams = Type.Object({ id: ComparisonId });

export const ComparisonQuery = Type.Object({
  month: Type.Optional(Month),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('html'), Type.Literal('csv'), Type.Literal('xlsx')], {
    default: 'json', description: 'json (default), or a download: html (printable page), csv (formula-safe, with a BOM) or xlsx',
  })),
  lang: Type.Optional(Lang),
});

const CompareWith = Type.Union([Type.Literal('previous_month'), Type.Literal('previous_year')]);

export const ComparisonKpi = Type.Object({
  id: Type.String(), zh: Type.String(), en: Type.String(), weight: Type.Number(), target: Nullable(Type.Number()), floor: Nullable(Type.Number()),
});

export const ComparisonSummary = Type.Object({
  id: ComparisonId,
  title: Text,
  description: Nullable(Text),
  selection: Type.Object({ zh: Type.String(), en: Type.String() }, { description: 'the dealers in words (for a dealer user without dealer codes)' }),
  dealerCount: Nullable(Type.Integer()),
  kpis: Type.Array(ComparisonKpi),
  checklist: Nullable(Type.Object({ weight: Type.Number() })),
  month: Type.String({ description: '"latest" or YYYY-MM, as the file says (empty for an invalid file)' }),
  compareWith: CompareWith,
  problem: Nullable(Text),
});

export const ComparisonList = Type.Object({
  comparisons: Type.Array(ComparisonSummary),
  /** The caller may write new comparisons (admin, consultant). */
  canWrite: Type.Boolean(),
});

export const ComparisonBand = Type.Object({ min: Type.Number(), zh: Type.String(), en: Type.String(), color: Type.String() });

export const ComparisonComponent = Type.Object({
  id: Type.String(), kind: Type.Union([Type.Literal('kpi'), Type.Literal('checklist')]), zh: Type.String(), en: Type.String(),
  unit: Type.String(), better: Type.String(), weight: Type.Number(), target: Type.Number(), floor: Type.Number(),
  targetSource: Type.Union([Type.Literal('file'), Type.Literal('setting'), Type.Literal('default')]),
});

export const ComparisonComponentScore = Type.Object({
  id: Type.String(), value: Nullable(Type.Number()), attainment: Nullable(Type.Number()), points: Type.Number(), noData: Type.Boolean(),
  warming: Type.Optional(Type.Boolean()),
});

export const ComparisonGap = Type.Object({
  id: Type.String(), value: Nullable(Type.Number()), median: Type.Number(), units: Nullable(Type.Number()), points: Type.Number(),
});

const dealerFields = {
  dealer: Type.String({ description: 'the dealer code, or "同组经销商 A" / "Peer A" for another dealer shown to a dealer user' }),
  name: Nullable(Type.String()),
  region: Nullable(Type.String()),
  group: Type.String(),
  peer: Type.Boolean({ description: 'an anonymous peer (only for a dealer user)' }),
};

export const ComparisonRow = Type.Object({
  ...dealerFields,
  components: Type.Array(ComparisonComponentScore),
  composite: Type.Number(),
  score: Type.Number({ description: 'out of 1000, rounded to 0.1' }),
  band: ComparisonBand,
  rank: Type.Integer(),
  previous: Nullable(Type.Object({ month: Type.String(), score: Type.Number(), rank: Type.Integer() })),
  change: Nullable(Type.Object({ score: Type.Number(), rank: Type.Integer() })),
  gaps: Type.Array(ComparisonGap, { description: 'up to three components furthest behind the group median, in points' }),
});

export const ComparisonScorecard = Type.Object({
  id: Type.String(),
  title: Text,
  description: Type.Optional(Text),
  month: Type.String(),
  previousMonth: Type.String(),
  compareWith: CompareWith,
  components: Type.Array(ComparisonComponent),
  bands: Type.Array(ComparisonBand),
  medians: Type.Record(Type.String(), Nullable(Type.Number())),
  rows: Type.Array(ComparisonRow),
  missing: Type.Array(Type.Object(dealerFields)),
  selection: Text,
  anonymous: Type.Boolean(),
  months: Type.Array(Type.String(), { description: 'months with KPI values for the selected dealers, newest first' }),
});

export const NewComparison = Type.Object({
  comparison: Type.Object({}, {
    additionalProperties: true,
    description: 'the comparison as its YAML file holds it (id, title, description, dealers, month, compareWith, kpis, checklist, bands; see data/comparisons/comparison.schema.json), checked exactly as `fixops compare` checks a file',
  }),
  overwrite: Type.Optional(Type.Boolean({ default: false, description: 'replace an existing comparison of the same id' })),
});

export const ComparisonSaved = Type.Object({ id: ComparisonId, file: Type.String(), replaced: Type.Boolean() });
