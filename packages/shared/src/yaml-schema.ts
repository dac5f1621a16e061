// `@fixops/shared/yaml-schema`: reading a YAML (or JSON) file a person wrote — a checklist
// template, a coaching table, a comparison spec — and checking it against its JSON Schema, with
// one wording for every refusal: the line and column of a syntax error, and for a schema
// problem the place in the file, what is wrong and the value found, in Chinese and English.
// A subpath of its own because it needs yaml and ajv; the main entry stays dependency-free.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { err, ok, type Message, type Result } from './errors.js';
import { pathText, segmentsOf } from './json-path.js';

export { pathText, segmentsOf };

/** Plain data from YAML text; syntax errors and duplicate keys refused as `code` with line and column. */
export function parseYaml(text: string, code: string): Result<unknown> {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    const where = pos === undefined ? '' : ` (line ${pos.line}, column ${pos.col})`;
    const whereZh = pos === undefined ? '' : `（第 ${pos.line} 行第 ${pos.col} 列）`;
    const reason = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
    return err(code, { zh: `YAML 格式错误${whereZh}：${reason}`, en: `Invalid YAML${where}: ${reason}` }, {
      line: pos?.line,
      column: pos?.col,
      yamlCode: first.code,
    });
  }
  return ok(doc.toJS({ maxAliasCount: 100 }) as unknown);
}

/** What a loader was given as plain data it may change: YAML/JSON text parsed (refused as `code`), or a copy of data already parsed. */
export function yamlOrData(input: unknown, code: string): Result<unknown> {
  return typeof input === 'string' ? parseYaml(input, code) : ok(structuredClone(input));
}

/** A value as it appears in a message: JSON, cut at 60 characters. */
export function shown(v: unknown): string {
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

/** Where a problem is, as a message names it. */
export interface Place {
  /** What the message starts with: "模块 front_desk.dms 的 max", "kpis[2].weight", "the file". */
  at: Message;
  /** Full path from the root: "sections[0].modules[1].max". */
  path: string;
  /** The id of the entry that owns the problem, when the file's entries have ids. */
  owner?: string;
}

export interface SchemaCheck {
  /** The error code of a refusal. */
  code: string;
  /** Names the place of a problem; default: its path, or `root` for the whole file. */
  locate?: (data: unknown, segments: readonly string[]) => Place;
  /** What the whole file is called when the problem is at its root (default 文件 / the file). */
  root?: Message;
  /** Discriminator tags and the values they accept, for "must be one of" messages. */
  tags?: Record<string, readonly string[]>;
}

export interface SchemaIssue {
  path: string;
  owner?: string;
  keyword: string;
  message: Message;
}

const TYPE_ZH: Record<string, string> = { number: '数字', integer: '整数', string: '字符串', object: '对象', array: '列表', boolean: '布尔值', null: '空值' };
const article = (t: string) => (/^[aeiou]/.test(t) ? 'an' : 'a');

function translate(e: ErrorObject, data: unknown, place: Place, tags: Record<string, readonly string[]>): Message {
  const at = place.at;
  const value = valueAt(data, segmentsOf(e.instancePath));
  const p = e.params as Record<string, unknown>;
  const limit = String(p['limit']);
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
      return { zh: `${at.zh} 必须是${TYPE_ZH[t] ?? t}（实际为 ${shown(value)}）`, en: `${at.en} must be ${article(t)} ${t} (got ${shown(value)})` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const op = String(p['comparison']);
      const zhOp = { '>': '大于', '>=': '大于等于', '<': '小于', '<=': '小于等于' }[op] ?? op;
      return { zh: `${at.zh} 必须${zhOp} ${limit}（实际为 ${shown(value)}）`, en: `${at.en} must be ${op} ${limit} (got ${shown(value)})` };
    }
    case 'minItems':
    case 'minProperties':
      return limit === '1'
        ? { zh: `${at.zh} 不能为空`, en: `${at.en} must not be empty` }
        : { zh: `${at.zh} 至少要有 ${limit} 项`, en: `${at.en} needs at least ${limit} entries` };
    case 'minLength':
      return { zh: `${at.zh} 不能为空`, en: `${at.en} must not be empty` };
    case 'uniqueItems':
      return { zh: `${at.zh} 有重复的值`, en: `${at.en} has duplicate values` };
    case 'pattern': {
      const name = e.propertyName;
      if (name !== undefined) {
        return { zh: `${at.zh}：键 "${name}" 格式不对（应匹配 ${String(p['pattern'])}）`, en: `${at.en}: key "${name}" does not match ${String(p['pattern'])}` };
      }
      return { zh: `${at.zh} 的值 ${shown(value)} 格式不对（应匹配 ${String(p['pattern'])}）`, en: `${at.en}: ${shown(value)} does not match ${String(p['pattern'])}` };
    }
    case 'const':
      return { zh: `${at.zh} 只能为 ${shown(p['allowedValue'])}（实际为 ${shown(value)}）`, en: `${at.en} can only be ${shown(p['allowedValue'])} (got ${shown(value)})` };
    case 'enum': {
      const allowed = (p['allowedValues'] as unknown[]).map(shown).join(', ');
      return { zh: `${at.zh} 必须是以下之一：${allowed}（实际为 ${shown(value)}）`, en: `${at.en} must be one of ${allowed} (got ${shown(value)})` };
    }
    case 'discriminator': {
      const tag = String(p['tag']);
      const allowed = (tags[tag] ?? []).map((v) => `"${v}"`).join(', ');
      const got = valueAt(value, [tag]);
      return { zh: `${at.zh}：${tag} 必须是以下之一：${allowed}（实际为 ${shown(got)}）`, en: `${at.en}: ${tag} must be one of ${allowed} (got ${shown(got)})` };
    }
    default:
      return { zh: `${at.zh}：${e.message ?? e.keyword}`, en: `${at.en}: ${e.message ?? e.keyword}` };
  }
}

const FILE: Message = { zh: '文件', en: 'the file' };

function pathPlace(root: Message) {
  return (_data: unknown, segments: readonly string[]): Place => {
    const path = pathText(segments);
    return { at: path === '' ? root : { zh: path, en: path }, path };
  };
}

/** Summary errors that only repeat what a more specific error already says. */
const SUMMARY = new Set(['oneOf', 'anyOf', 'if', 'propertyNames']);

const compiled = new WeakMap<object, ValidateFunction>();

function validator(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (fn === undefined) {
    fn = new Ajv({ allErrors: true, discriminator: true, strict: true }).compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/**
 * `ok(data)` when `data` fits `schema`; otherwise a `check.code` error whose message is the
 * first problem (naming its place and the value found) and whose details list them all.
 */
export function checkSchema(schema: object, data: unknown, check: SchemaCheck): Result<unknown> {
  const validate = validator(schema);
  if (validate(data)) return ok(data);
  const root = check.root ?? FILE;
  const locate = check.locate ?? pathPlace(root);
  const errors = (validate.errors ?? []).filter((e) => !SUMMARY.has(e.keyword));
  const all = errors.length > 0 ? errors : (validate.errors ?? []);
  const issues: SchemaIssue[] = all.map((e) => {
    const place = locate(data, segmentsOf(e.instancePath));
    const message = translate(e, data, place, check.tags ?? {});
    return place.owner === undefined ? { path: place.path, keyword: e.keyword, message } : { path: place.path, owner: place.owner, keyword: e.keyword, message };
  });
  const first = issues[0];
  if (first === undefined) return err(check.code, { zh: `${root.zh}格式不对`, en: `The ${root.en.replace(/^the /, '')} is malformed` });
  return err(check.code, first.message, first.owner === undefined ? { path: first.path, issues } : { path: first.path, id: first.owner, issues });
}
