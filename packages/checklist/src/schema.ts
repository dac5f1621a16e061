// The JSON Schema of template files (structure, types, no unknown fields), published as templates/template.schema.json.

/** One segment of a dotted id. */
export const SEGMENT = '[a-z0-9][a-z0-9_]*';

/** A text in Chinese and English. */
export const message = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;

const positive = { type: 'number', exclusiveMinimum: 0 } as const;
const passRate = {
  type: 'number',
  exclusiveMinimum: 0,
  maximum: 1,
  description: 'Share of the max needed to pass, in (0, 1]. Inherited from the level above when absent.',
} as const;
const names = { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } } as const;

function item(idPattern: string, description: string) {
  return {
    type: 'object',
    description,
    additionalProperties: false,
    required: ['id', 'zh', 'en', 'max'],
    properties: {
      id: { type: 'string', pattern: idPattern },
      ...names,
      max: positive,
      guide: { $ref: '#/definitions/message' },
    },
  } as const;
}

/** The fields both kinds of template open with: id, version, kind, names, description. */
function templateHead<K extends string>(kind: K) {
  return {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
    version: { type: 'integer', minimum: 1 },
    kind: { const: kind },
    ...names,
    description: { $ref: '#/definitions/message' },
  } as const;
}

/**
 * The source of truth: `pnpm -F @fixops/checklist schema` rewrites the published copy and a
 * test checks they agree. Sums, id nesting and weights are checked in template-rules.ts.
 */
export const TEMPLATE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://fixops.local/schemas/template.schema.json',
  title: 'FixOps assessment template',
  description:
    'An on-site checklist scored in points (sections → modules → items, maxima add up) or a weighted scorecard (dimensions, class weights, grade bands, period rules).',
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: ['points', 'weighted'] } },
  discriminator: { propertyName: 'kind' },
  oneOf: [{ $ref: '#/definitions/pointsTemplate' }, { $ref: '#/definitions/weightedTemplate' }],
  definitions: {
    message,
    pointsTemplate: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'version', 'kind', 'zh', 'en', 'max', 'sections'],
      properties: {
        ...templateHead('points'),
        max: { ...positive, description: 'Declared total; the section maxima add up to it.' },
        passRate: { ...passRate, default: 0.7 },
        sections: { type: 'array', minItems: 1, items: { $ref: '#/definitions/section' } },
      },
    },
    section: {
      type: 'object',
      description: 'A department. Its module maxima add up to its max.',
      additionalProperties: false,
      required: ['id', 'zh', 'en', 'max', 'modules'],
      properties: {
        id: { type: 'string', pattern: `^${SEGMENT}$` },
        ...names,
        max: positive,
        passRate,
        guide: { $ref: '#/definitions/message' },
        modules: { type: 'array', minItems: 1, items: { $ref: '#/definitions/module' } },
      },
    },
    module: {
      type: 'object',
      description: 'A module, id "<section>.<name>". Its item maxima (when it has items) add up to its max.',
      additionalProperties: false,
      required: ['id', 'zh', 'en', 'max'],
      properties: {
        id: { type: 'string', pattern: `^${SEGMENT}\\.${SEGMENT}$` },
        ...names,
        max: positive,
        passRate,
        guide: { $ref: '#/definitions/message' },
        items: { type: 'array', minItems: 1, items: { $ref: '#/definitions/item' } },
      },
    },
    item: item(`^${SEGMENT}\\.${SEGMENT}\\.${SEGMENT}$`, 'A scored line, id "<section>.<module>.<name>".'),
    weightedTemplate: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'version', 'kind', 'zh', 'en', 'dimensions', 'weights', 'grades'],
      properties: {
        ...templateHead('weighted'),
        dimensions: { type: 'array', minItems: 1, items: { $ref: '#/definitions/dimension' } },
        weights: {
          type: 'object',
          additionalProperties: false,
          required: ['sumTo', 'classes'],
          properties: {
            sumTo: { ...positive, description: 'Every class weights add up to exactly this.' },
            classes: { type: 'array', minItems: 1, items: { $ref: '#/definitions/weightClass' } },
          },
        },
        grades: { type: 'array', minItems: 1, items: { $ref: '#/definitions/grade' } },
        periodRules: { type: 'array', items: { $ref: '#/definitions/periodRule' } },
      },
    },
    dimension: {
      type: 'object',
      description: 'A dimension; all dimensions share one max (the composite scale).',
      additionalProperties: false,
      required: ['id', 'zh', 'en', 'max'],
      properties: {
        id: { type: 'string', pattern: `^${SEGMENT}$` },
        ...names,
        max: positive,
        guide: { $ref: '#/definitions/message' },
        items: { type: 'array', minItems: 1, items: { $ref: '#/definitions/dimensionItem' } },
      },
    },
    dimensionItem: item(`^${SEGMENT}\\.${SEGMENT}$`, 'A sub-criterion of a dimension, id "<dimension>.<name>".'),
    weightClass: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'zh', 'en', 'weights'],
      properties: {
        id: { type: 'string', pattern: `^${SEGMENT}$` },
        ...names,
        weights: {
          type: 'object',
          description: 'Weight per dimension id; every dimension exactly once.',
          propertyNames: { pattern: `^${SEGMENT}$` },
          additionalProperties: { type: 'number', minimum: 0 },
        },
      },
    },
    grade: {
      type: 'object',
      description: 'Composite >= min gets this grade; bands highest first, the last one starting at 0.',
      additionalProperties: false,
      required: ['grade', 'min', 'zh', 'en'],
      properties: {
        grade: { type: 'string', pattern: '^[A-Za-z0-9_+-]+$' },
        min: { type: 'number', minimum: 0 },
        ...names,
      },
    },
    periodRule: {
      type: 'object',
      required: ['rule'],
      properties: { rule: { enum: ['consecutive', 'any_dimension_zero'] } },
      discriminator: { propertyName: 'rule' },
      oneOf: [
        {
          type: 'object',
          description: 'N calendar-consecutive months at a grade.',
          additionalProperties: false,
          required: ['rule', 'grade', 'months', 'outcome'],
          properties: {
            rule: { const: 'consecutive' },
            grade: { type: 'string' },
            months: { type: 'integer', minimum: 1 },
            outcome: { enum: ['suspended', 'disqualified'] },
            note: { $ref: '#/definitions/message' },
          },
        },
        {
          type: 'object',
          description: 'Any dimension scored 0 in a period.',
          additionalProperties: false,
          required: ['rule', 'outcome'],
          properties: {
            rule: { const: 'any_dimension_zero' },
            outcome: { enum: ['suspended', 'disqualified'] },
            note: { $ref: '#/definitions/message' },
          },
        },
      ],
    },
  },
} as const;
