// Checks one KPI file's data: its structure against the JSON Schema (schema.ts), then what the
// schema cannot know — that every column exists in its table and fits the test made of it, that
// settings exist, that `builtin` is used only by the KPIs the engine computes itself. A refusal
// names the field and, for a misspelt name, the closest valid one.

import { closest, err, ok, type Message, type Result } from '@fixops/shared';
import { checkSchema } from '@fixops/shared/yaml-schema';
import { COLUMNS, isNumeric, isTextual, KPI_TABLES, type Column, type KpiTable } from './columns.js';
import { KPI_SCHEMA } from './schema.js';
import { COMPARE_OPS, CONDITION_OPS, PRESENCE_OPS, type Condition, type ConditionOp, type KpiFile, type Measure, type Operand, type SettingRef, type ValueSpec } from './types.js';

/** KPIs whose value the engine computes itself (their files say `builtin: true`). */
export const BUILTIN_COMPUTED = ['accident_avg_value', 'major_accident_count', 'base_customers', 'churn_rate', 'data_completeness'] as const;

/** Settings a KPI file may refer to (`{ setting: NAME }`). */
export const KPI_SETTINGS = ['majorAccidentAmount', 'timeEstimateToleranceMinutes', 'costEstimateTolerance'] as const;

type Issue = { path: string; message: Message; code: string };

const TYPE_NAMES: Record<string, Message> = {
  text: { zh: '文本', en: 'text' }, enum: { zh: '枚举', en: 'enum' }, timestamp: { zh: '时间', en: 'timestamp' },
  money: { zh: '金额', en: 'money' }, integer: { zh: '整数', en: 'integer' }, number: { zh: '数字', en: 'number' },
};

function suggest(value: string, choices: readonly string[]): Message {
  const near = closest(value, choices, 1)[0];
  return near === undefined ? { zh: '', en: '' } : { zh: `，是否为 ${near}？`, en: `; did you mean ${near}?` };
}

class Checker {
  issues: Issue[] = [];

  add(path: string, code: string, zh: string, en: string): void {
    this.issues.push({ path, code, message: { zh: `${path}：${zh}`, en: `${path}: ${en}` } });
  }

  column(table: KpiTable, name: string, path: string): Column | undefined {
    const c = COLUMNS[table][name];
    if (c) return c;
    const s = suggest(name, Object.keys(COLUMNS[table]));
    this.add(path, 'kpi_unknown_column', `未知列 ${name}（表 ${table}）${s.zh}`, `unknown column ${name} of ${table}${s.en}`);
    return undefined;
  }

  setting(ref: SettingRef, path: string): void {
    if ((KPI_SETTINGS as readonly string[]).includes(ref.setting)) return;
    const s = suggest(ref.setting, KPI_SETTINGS);
    this.add(path, 'kpi_unknown_setting', `未知设置项 ${ref.setting}${s.zh}`, `unknown setting ${ref.setting}${s.en}`);
  }

  mismatch(path: string, column: string, type: string, what: Message): void {
    const t = TYPE_NAMES[type] ?? { zh: type, en: type };
    this.add(path, 'kpi_type_mismatch', `列 ${column} 是${t.zh}，${what.zh}`, `column ${column} is ${t.en}: ${what.en}`);
  }

  scalar(table: KpiTable, name: string, col: Column, v: string | number, path: string): void {
    if (isTextual(col.type)) {
      if (typeof v !== 'string') return this.mismatch(path, name, col.type, { zh: `不能与数字 ${v} 比较`, en: `cannot equal the number ${v}` });
      if (col.values && !col.values.includes(v)) {
        const s = suggest(v, col.values);
        this.add(path, 'kpi_unknown_value', `${name} 没有取值 ${v}（可选：${col.values.join(', ')}）${s.zh}`, `${name} has no value ${v} (valid: ${col.values.join(', ')})${s.en}`);
      }
    } else if (isNumeric(col.type)) {
      if (typeof v !== 'number') this.mismatch(path, name, col.type, { zh: `不能等于文本 "${v}"`, en: `cannot equal the text "${v}"` });
    } else {
      this.mismatch(path, name, col.type, { zh: '只能用 gt/gte/lt/lte 与另一时间列比较，或用 null/not_null', en: 'compare it with gt/gte/lt/lte to another timestamp column, or use null/not_null' });
    }
    void table;
  }

  condition(table: KpiTable, raw: Record<string, unknown>, path: string): Condition | undefined {
    const name = String(raw.column);
    const op = Object.keys(raw).find((k) => k !== 'column') as ConditionOp;
    const col = this.column(table, name, `${path}.column`);
    if (!col) return undefined;
    const at = `${path}.${op}`;
    const arg = raw[op] as Condition['arg'];
    if (op === 'equals' || op === 'not_equals') this.scalar(table, name, col, arg as string | number, at);
    else if (op === 'in' || op === 'not_in') (arg as (string | number)[]).forEach((v, i) => this.scalar(table, name, col, v, `${at}[${i}]`));
    else if ((COMPARE_OPS as readonly string[]).includes(op)) this.compare(table, name, col, arg as Operand, at);
    else if ((op === 'empty' || op === 'not_empty') && col.type !== 'text') {
      this.mismatch(at, name, col.type, { zh: 'empty/not_empty 只用于文本列，请用 null/not_null', en: 'empty/not_empty apply to text columns only; use null/not_null' });
    }
    if (!CONDITION_OPS.includes(op)) return undefined;
    return (PRESENCE_OPS as readonly string[]).includes(op) ? { column: name, op } : { column: name, op, arg };
  }

  compare(table: KpiTable, name: string, col: Column, operand: Operand, path: string): void {
    if (isTextual(col.type)) return this.mismatch(path, name, col.type, { zh: '不能比较大小', en: 'cannot be compared by size' });
    if (typeof operand === 'number') {
      if (col.type === 'timestamp') this.mismatch(path, name, col.type, { zh: `不能与数字 ${operand} 比较`, en: `cannot be compared with the number ${operand}` });
      return;
    }
    if ('setting' in operand) {
      this.setting(operand, `${path}.setting`);
      if (col.type === 'timestamp') this.mismatch(path, name, col.type, { zh: '不能与设置项的数字比较', en: 'cannot be compared with a setting\'s number' });
      return;
    }
    const other = this.column(table, operand.column, `${path}.column`);
    if (!other) return;
    if (operand.times !== undefined && typeof operand.times === 'object') this.setting(operand.times, `${path}.times.setting`);
    const bothTime = col.type === 'timestamp' && other.type === 'timestamp';
    const bothNumber = isNumeric(col.type) && isNumeric(other.type);
    if (col.scale !== undefined || other.scale !== undefined) {
      this.mismatch(path, name, col.type, { zh: '派生的分钟列只能与数字或设置项比较', en: 'a derived minutes column compares with a number or a setting only' });
    } else if (!bothTime && !bothNumber) {
      const t = TYPE_NAMES[other.type]!;
      this.mismatch(path, name, col.type, { zh: `不能与${t.zh}列 ${operand.column} 比较`, en: `cannot be compared with the ${t.en} column ${operand.column}` });
    } else if (bothTime && operand.times !== undefined) {
      this.mismatch(`${path}.times`, name, col.type, { zh: '时间列不能乘以系数', en: 'a timestamp cannot be multiplied' });
    }
  }

  measure(raw: Record<string, unknown>, path: string): Measure | undefined {
    const fn = Object.keys(raw)[0] as 'count' | 'sum';
    const body = raw[fn] as { table: KpiTable; column?: string; where?: Record<string, unknown>[] };
    const at = `${path}.${fn}`;
    const table = body.table;
    if (fn === 'sum') {
      const col = this.column(table, body.column!, `${at}.column`);
      if (col && !isNumeric(col.type)) this.mismatch(`${at}.column`, body.column!, col.type, { zh: '不能求和', en: 'cannot be summed' });
    }
    const where = (body.where ?? []).map((c, i) => this.condition(table, c, `${at}.where[${i}]`));
    if (where.some((c) => c === undefined)) return undefined;
    return { fn, table, ...(fn === 'sum' ? { column: body.column! } : {}), where: where as Condition[] };
  }
}

/**
 * A KPI file's data checked: `ok(definition)` or a `kpi_schema` / `kpi_unknown_column` /
 * `kpi_type_mismatch` / … refusal whose message names the field (details.issues lists every problem).
 */
export function validateKpi(data: unknown): Result<KpiFile> {
  const shape = checkSchema(KPI_SCHEMA, data, { code: 'kpi_schema' });
  if (!shape.ok) return shape;
  const raw = data as Record<string, unknown> & { value?: Record<string, Record<string, unknown>> };
  const ch = new Checker();
  const builtin = raw.builtin === true;
  if (builtin && !(BUILTIN_COMPUTED as readonly string[]).includes(raw.id as string)) {
    ch.add('builtin', 'kpi_not_builtin', `只有引擎内置计算的 KPI（${BUILTIN_COMPUTED.join(', ')}）可以写 builtin: true；请用 value 定义 ${String(raw.id)}`,
      `only the KPIs the engine computes itself (${BUILTIN_COMPUTED.join(', ')}) may say builtin: true; define ${String(raw.id)} with value`);
  }
  if (builtin && raw.value !== undefined) ch.add('value', 'kpi_builtin_value', 'builtin: true 的 KPI 不能再写 value', 'a builtin: true KPI has no value');
  if (!builtin && raw.value === undefined) ch.add('value', 'kpi_missing_value', '缺少字段 "value"（count、sum 或 ratio）', 'missing field "value" (count, sum or ratio)');
  let value: ValueSpec | undefined;
  if (!builtin && raw.value !== undefined) {
    if ('ratio' in raw.value) {
      const r = raw.value.ratio as { numerator: Record<string, unknown>; denominator: Record<string, unknown> };
      const numerator = ch.measure(r.numerator, 'value.ratio.numerator');
      const denominator = ch.measure(r.denominator, 'value.ratio.denominator');
      if (numerator && denominator) value = { kind: 'ratio', numerator, denominator };
    } else {
      const measure = ch.measure(raw.value, 'value');
      if (measure) value = { kind: 'measure', measure };
    }
  }
  const first = ch.issues[0];
  if (first) return err(first.code, first.message, { path: first.path, issues: ch.issues });
  const f = raw as unknown as KpiFile;
  return ok({
    id: f.id, name: f.name, unit: f.unit, better: f.better, description: f.description,
    ...(f.formula ? { formula: f.formula } : {}), ...(f.target ? { target: f.target } : {}),
    builtin, ...(value ? { value } : {}),
  });
}

export { KPI_TABLES };
