// The JSON Schema of KPI files (structure and types only), published as data/kpis/kpi.schema.json.
// Columns, their types, settings and the built-in ids are checked in validate.ts, which names
// the closest valid choice.

const text = { type: 'string', minLength: 1 } as const;
const message = { type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: { zh: text, en: text } } as const;
const setting = { type: 'object', additionalProperties: false, required: ['setting'], properties: { setting: text } } as const;
const scalar = { anyOf: [{ type: 'string' }, { type: 'number' }] } as const;

/** The source of truth: a test checks the published copy equals it. */
export const KPI_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://fixops.local/schemas/kpi.schema.json',
  title: 'FixOps KPI definition',
  description:
    'One KPI of the catalogue: names, unit, direction, an optional default target, and its value as a count or sum of rows of one export table, or a ratio of two such measures, each filtered by a list of conditions combined with AND. No SQL: columns are the canonical columns of dms-exports.md (plus delivery_deviation_minutes and estimate_deviation_amount on repair_orders).',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'unit', 'better', 'description'],
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 },
    name: { $ref: '#/definitions/message' },
    unit: { enum: ['ratio', 'count', 'money', 'days'] },
    better: { enum: ['higher', 'lower'] },
    description: { $ref: '#/definitions/message' },
    formula: { $ref: '#/definitions/message' },
    target: {
      type: 'object', additionalProperties: false, required: ['op', 'value'],
      properties: { op: { enum: ['>=', '<='] }, value: { type: 'number' } },
    },
    builtin: { description: 'The value is computed by the engine itself (customer windows, data completeness, the accident fall-back rule); no `value`.', const: true },
    value: {
      type: 'object', additionalProperties: false, minProperties: 1, maxProperties: 1,
      properties: {
        count: { $ref: '#/definitions/count' },
        sum: { $ref: '#/definitions/sum' },
        ratio: {
          type: 'object', additionalProperties: false, required: ['numerator', 'denominator'],
          properties: { numerator: { $ref: '#/definitions/measure' }, denominator: { $ref: '#/definitions/measure' } },
        },
      },
    },
  },
  definitions: {
    message,
    measure: {
      type: 'object', additionalProperties: false, minProperties: 1, maxProperties: 1,
      properties: { count: { $ref: '#/definitions/count' }, sum: { $ref: '#/definitions/sum' } },
    },
    count: {
      type: 'object', additionalProperties: false, required: ['table'],
      properties: { table: { enum: ['repair_orders', 'bookings', 'accident_repairs'] }, where: { $ref: '#/definitions/where' } },
    },
    sum: {
      type: 'object', additionalProperties: false, required: ['table', 'column'],
      properties: { table: { enum: ['repair_orders', 'bookings', 'accident_repairs'] }, column: text, where: { $ref: '#/definitions/where' } },
    },
    where: { type: 'array', items: { $ref: '#/definitions/condition' } },
    operand: {
      anyOf: [
        { type: 'number' },
        setting,
        {
          type: 'object', additionalProperties: false, required: ['column'],
          properties: { column: text, times: { anyOf: [{ type: 'number' }, setting] } },
        },
      ],
    },
    condition: {
      description: 'A column and exactly one test of it.',
      type: 'object', additionalProperties: false, required: ['column'], minProperties: 2, maxProperties: 2,
      properties: {
        column: text,
        equals: scalar,
        not_equals: scalar,
        in: { type: 'array', minItems: 1, items: scalar },
        not_in: { type: 'array', minItems: 1, items: scalar },
        gt: { $ref: '#/definitions/operand' },
        gte: { $ref: '#/definitions/operand' },
        lt: { $ref: '#/definitions/operand' },
        lte: { $ref: '#/definitions/operand' },
        null: { const: true },
        not_null: { const: true },
        empty: { const: true },
        not_empty: { const: true },
      },
    },
  },
} as const;
