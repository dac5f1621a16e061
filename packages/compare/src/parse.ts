// Reads YAML (or JSON) text into plain data and checks it against the JSON Schema, turning the
// first problem into one bilingual refusal that names the path in the file and the value.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { err, ok, type Message, type Result } from '@fixops/shared';

export function parseYaml(text: string): Result<unknown> {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    const where = pos === undefined ? '' : ` (line ${pos.line}, column ${pos.col})`;
    const whereZh = pos === undefined ? '' : `（第 ${pos.line} 行第 ${pos.col} 列）`;
    const reason = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
    return err('compare_yaml', { zh: `YAML 格式错误${whereZh}：${reason}`, en: `Invalid YAML${where}: ${reason}` }, { line: pos?.line, column: pos?.col });
  }
  return ok(doc.toJS({ maxAliasCount: 100 }) as unknown);
}

/** "kpis[2].weight" from the JSON pointer "/kpis/2/weight". */
export function pathOf(pointer: string): string {
  if (pointer === '') return '';
  let out = '';
  for (const s of pointer.slice(1).split('/').map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  }
  return out;
}

export function shown(v: unknown): string {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  if (pointer === '') return node;
  for (const s of pointer.slice(1).split('/')) {
    if (Array.isArray(node)) node = node[Number(s)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[s];
    else return undefined;
  }
  return node;
}

const TYPE_ZH: Record<string, string> = { number: '数字', integer: '整数', string: '字符串', object: '对象', array: '列表', boolean: '布尔值' };

function translate(e: ErrorObject, root: unknown): Message {
  const path = pathOf(e.instancePath);
  const at = path === '' ? { zh: '文件', en: 'the file' } : { zh: path, en: path };
  const value = valueAt(root, e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const f = String(p['additionalProperty']);
      return { zh: `${at.zh}：未知字段 "${f}"`, en: `${at.en}: unknown field "${f}"` };
    }
    case 'required': {
      const f = String(p['missingProperty']);
      return { zh: `${at.zh}：缺少字段 "${f}"`, en: `${at.en}: missing field "${f}"` };
    }
    case 'type': {
      const t = String(p['type']);
      return { zh: `${at.zh} 必须是${TYPE_ZH[t] ?? t}（实际为 ${shown(value)}）`, en: `${at.en} must be a${t === 'integer' || t === 'object' || t === 'array' ? 'n' : ''} ${t} (got ${shown(value)})` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const op = String(p['comparison']);
      const zhOp = { '>': '大于', '>=': '大于等于', '<': '小于', '<=': '小于等于' }[op] ?? op;
      return { zh: `${at.zh} 必须${zhOp} ${String(p['limit'])}（实际为 ${shown(value)}）`, en: `${at.en} must be ${op} ${String(p['limit'])} (got ${shown(value)})` };
    }
    case 'minItems':
    case 'minProperties':
      return { zh: `${at.zh} 不能为空`, en: `${at.en} must not be empty` };
    case 'minLength':
      return { zh: `${at.zh} 不能为空字符串`, en: `${at.en} must not be an empty string` };
    case 'uniqueItems':
      return { zh: `${at.zh} 有重复的值`, en: `${at.en} has duplicate values` };
    case 'pattern':
      return { zh: `${at.zh} 的值 ${shown(value)} 格式不对（应匹配 ${String(p['pattern'])}）`, en: `${at.en}: ${shown(value)} does not match ${String(p['pattern'])}` };
    case 'const':
      return { zh: `${at.zh} 只能为 ${shown(p['allowedValue'])}（实际为 ${shown(value)}）`, en: `${at.en} can only be ${shown(p['allowedValue'])} (got ${shown(value)})` };
    case 'enum': {
      const allowed = (p['allowedValues'] as unknown[]).map(shown).join(', ');
      return { zh: `${at.zh} 必须是以下之一：${allowed}（实际为 ${shown(value)}）`, en: `${at.en} must be one of ${allowed} (got ${shown(value)})` };
    }
    default:
      return { zh: `${at.zh}：${e.message ?? e.keyword}`, en: `${at.en}: ${e.message ?? e.keyword}` };
  }
}

const validators = new WeakMap<object, ValidateFunction>();

/** `ok(data)` when it fits `schema`; otherwise `compare_schema` with the first problem and all of them in details. */
export function checkSchema(schema: object, data: unknown): Result<unknown> {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    validators.set(schema, validate);
  }
  if (validate(data)) return ok(data);
  const all = validate.errors ?? [];
  const useful = all.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const issues = (useful.length > 0 ? useful : all).map((e) => ({ path: pathOf(e.instancePath), message: translate(e, data) }));
  const first = issues[0] ?? { path: '', message: { zh: '文件格式不对', en: 'The file is malformed' } };
  return err('compare_schema', first.message, { path: first.path, issues });
}
