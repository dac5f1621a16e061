// The JSON Schema of comparison files (structure and types only), published as
// data/comparisons/comparison.schema.json. KPI ids, weight sums, bands and targets are checked in rules.ts.

const text = { type: 'string', minLength: 1 } as const;

/** A text in Chinese and English. */
const message = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: { zh: text, en: text },
} as const;

const month = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } as const;
const names = { type: 'array', minItems: 1, uniqueItems: true, items: text } as const;

/**
 * The source of truth: `pnpm -F @fixops/compare schema` rewrites the published copy and a test
 * checks they agree.
 */
export const COMPARISON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://fixops.local/schemas/comparison.schema.json',
  title: 'FixOps dealer comparison',
  description:
    'A scripted benchmark comparison across dealers: which dealers, which month, which KPIs with weights and targets (and optionally the latest on-site checklist rate), scored out of 1000 points with bands.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'dealers', 'kpis'],
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
    title: { $ref: '#/definitions/message' },
    description: { $ref: '#/definitions/message' },
    dealers: { $ref: '#/definitions/dealers' },
    month: {
      description: '"latest" (the latest month with KPI values for any selected dealer) or YYYY-MM; `fixops compare --month` overrides it.',
      anyOf: [{ const: 'latest' }, month],
      default: 'latest',
    },
    compareWith: {
      description: 'The earlier period for changes: the month before (default) or the same month a year before.',
      enum: ['previous_month', 'previous_year'],
      default: 'previous_month',
    },
    kpis: { type: 'array', minItems: 1, items: { $ref: '#/definitions/kpi' } },
    checklist: { $ref: '#/definitions/checklist' },
    bands: { type: 'array', minItems: 1, items: { $ref: '#/definitions/band' } },
  },
  definitions: {
    message,
    dealers: {
      type: 'object',
      description:
        'Which dealers: `all: true`, or `codes` (a list of dealer codes), or `regions` and/or `groups` (a dealer must be in one of the listed regions AND one of the listed peer groups); `exclude` drops dealer codes.',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        all: { const: true },
        codes: names,
        regions: names,
        groups: names,
        exclude: names,
      },
    },
    kpi: {
      type: 'object',
      description:
        'A KPI of the catalogue with its weight in points. Full points at `target`, none at `floor`, linear in between. `target` defaults to the setting target.<kpi>; `floor` to 0 (higher is better) or 2 × target (lower is better).',
      additionalProperties: false,
      required: ['kpi', 'weight'],
      properties: {
        kpi: text,
        weight: { type: 'number', exclusiveMinimum: 0 },
        target: { type: 'number', minimum: 0 },
        floor: { type: 'number', minimum: 0 },
      },
    },
    checklist: {
      type: 'object',
      description:
        'The latest complete on-site assessment up to the end of the month (score rate = total / max) as a component. Full points at `target` (default 1 = 100%), none at `floor` (default 0).',
      additionalProperties: false,
      required: ['weight'],
      properties: {
        weight: { type: 'number', exclusiveMinimum: 0 },
        template: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
        target: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        floor: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
      },
    },
    band: {
      type: 'object',
      description: 'A band of the composite: from `min` points (included) up to the next band. Listed best first; the last one starts at 0.',
      additionalProperties: false,
      required: ['min', 'zh', 'en'],
      properties: {
        min: { type: 'number', minimum: 0, maximum: 1000 },
        zh: text,
        en: text,
        color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
      },
    },
  },
} as const;
