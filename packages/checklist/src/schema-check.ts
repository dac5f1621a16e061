// Runs a JSON Schema over parsed data and turns ajv's errors into one bilingual refusal naming the entry at fault.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { err, ok, type Message, type Result } from '@fixops/shared';
import { locate, subject, type Place } from './describe.js';

const compiled = new WeakMap<object, ValidateFunction>();

function validator(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (fn === undefined) {
    const ajv = new Ajv({ allErrors: true, discriminator: true, strict: true });
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  integer: '整数',
  string: '字符串',
  object: '对象',
  array: '列表',
  boolean: '布尔值',
  null: '空值',
};

function shown(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const s of segments) {
    if (Array.isArray(node)) node = node[Number(s)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[s];
    else return undefined;
  }
  return node;
}

/** Discriminator tags and the values they accept (for "unknown kind" messages). */
const TAG_VALUES: Record<string, string[]> = {
  kind: ['points', 'weighted'],
  rule: ['consecutive', 'any_dimension_zero'],
};

function segmentsOf(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface SchemaIssue {
  path: string;
  owner: string;
  keyword: string;
  message: Message;
}

function translate(e: ErrorObject, root: unknown, rootKind: Message): { place: Place; message: Message } {
  const segments = segmentsOf(e.instancePath);
  const place = locate(root, segments, rootKind);
  const at = subject(place);
  const value = valueAt(root, segments);
  const p = e.params as Record<string, unknown>;
  const limit = String(p['limit']);
  switch (e.keyword) {
    case 'additionalProperties': {
      const f = String(p['additionalProperty']);
      return { place, message: { zh: `${at.zh}：未知字段 "${f}"`, en: `${at.en}: unknown field "${f}"` } };
    }
    case 'required': {
      const f = String(p['missingProperty']);
      return { place, message: { zh: `${at.zh}：缺少字段 "${f}"`, en: `${at.en}: missing field "${f}"` } };
    }
    case 'type': {
      const t = String(p['type']);
      return {
        place,
        message: { zh: `${at.zh} 必须是${TYPE_ZH[t] ?? t}（实际为 ${shown(value)}）`, en: `${at.en} must be ${t === 'integer' ? 'an' : 'a'} ${t} (got ${shown(value)})` },
      };
    }
    case 'exclusiveMinimum':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const op = String(p['comparison']);
      const zhOp = { '>': '大于', '>=': '大于等于', '<': '小于', '<=': '小于等于' }[op] ?? op;
      return { place, message: { zh: `${at.zh} 必须${zhOp} ${limit}（实际为 ${shown(value)}）`, en: `${at.en} must be ${op} ${limit} (got ${shown(value)})` } };
    }
    case 'minItems':
      return { place, message: { zh: `${at.zh} 至少要有 ${limit} 项`, en: `${at.en} needs at least ${limit} entr${limit === '1' ? 'y' : 'ies'}` } };
    case 'minLength':
      return { place, message: { zh: `${at.zh} 不能为空`, en: `${at.en} must not be empty` } };
    case 'pattern': {
      const name = e.propertyName;
      if (name !== undefined) {
        return { place, message: { zh: `${at.zh}：键 "${name}" 格式不对（应匹配 ${String(p['pattern'])}）`, en: `${at.en}: key "${name}" does not match ${String(p['pattern'])}` } };
      }
      return { place, message: { zh: `${at.zh} 的值 ${shown(value)} 格式不对（应匹配 ${String(p['pattern'])}）`, en: `${at.en}: ${shown(value)} does not match ${String(p['pattern'])}` } };
    }
    case 'const':
      return { place, message: { zh: `${at.zh} 必须为 ${shown(p['allowedValue'])}`, en: `${at.en} must be ${shown(p['allowedValue'])}` } };
    case 'enum': {
      const allowed = (p['allowedValues'] as unknown[]).map(shown).join(', ');
      return { place, message: { zh: `${at.zh} 必须是以下之一：${allowed}（实际为 ${shown(value)}）`, en: `${at.en} must be one of ${allowed} (got ${shown(value)})` } };
    }
    case 'discriminator': {
      const tag = String(p['tag']);
      const allowed = (TAG_VALUES[tag] ?? []).map((v) => `"${v}"`).join(', ');
      const got = valueAt(value, [tag]);
      return {
        place,
        message: {
          zh: `${at.zh}：${tag} 必须是以下之一：${allowed}（实际为 ${shown(got)}）`,
          en: `${at.en}: ${tag} must be one of ${allowed} (got ${shown(got)})`,
        },
      };
    }
    case 'uniqueItems':
      return { place, message: { zh: `${at.zh} 有重复的值`, en: `${at.en} has duplicate values` } };
    default:
      return { place, message: { zh: `${at.zh}：${e.message ?? e.keyword}`, en: `${at.en}: ${e.message ?? e.keyword}` } };
  }
}

/** Summary errors that only repeat what a more specific error already says. */
const SUMMARY = new Set(['oneOf', 'anyOf', 'if', 'propertyNames']);

/**
 * `ok(data)` when `data` fits `schema`; otherwise a `code` error whose message is the first
 * problem (naming the entry) and whose details list them all.
 */
export function checkSchema(schema: object, data: unknown, rootKind: Message, code: string): Result<unknown> {
  const validate = validator(schema);
  if (validate(data)) return ok(data);
  const errors = (validate.errors ?? []).filter((e) => !SUMMARY.has(e.keyword));
  const all = errors.length > 0 ? errors : (validate.errors ?? []);
  const issues: SchemaIssue[] = all.map((e) => {
    const t = translate(e, data, rootKind);
    return { path: t.place.path, owner: t.place.ownerId, keyword: e.keyword, message: t.message };
  });
  const first = issues[0];
  if (first === undefined) return err(code, { zh: `${rootKind.zh}格式不对`, en: `The ${rootKind.en} is malformed` });
  return err(code, first.message, { path: first.path, id: first.owner, issues });
}
