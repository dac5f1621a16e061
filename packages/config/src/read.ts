// Reads the FIXOPS_* variables from an environment (process.env unless given): unset or empty
// means the default; a bad value is a refusal naming the variable and the value, never a throw.

import { err, fail, ok, type FixopsError, type Result } from '@fixops/shared';
import { VARIABLES, type Config, type Variable } from './variables.js';

type Env = Record<string, string | undefined>;

function refusal(variable: string, value: string, expected: { zh: string; en: string }): FixopsError {
  return {
    code: 'config_invalid',
    message: {
      zh: `环境变量 ${variable}=${JSON.stringify(value)} 无效：${expected.zh}`,
      en: `Environment variable ${variable}=${JSON.stringify(value)} is not valid: ${expected.en}`,
    },
    details: { variable, value },
  };
}

function readOne<K extends keyof Config>(variable: Variable<K>, env: Env): Result<Config[K] | undefined> {
  const raw = env[variable.name];
  if (raw === undefined || raw.trim() === '') return ok(variable.default);
  const parsed = variable.parse(raw);
  return parsed.ok ? ok(parsed.value) : { ok: false, error: refusal(variable.name, raw, parsed.expected) };
}

/** Every variable at once; a refusal lists every bad variable (details.problems). */
export function readConfig(env: Env = process.env): Result<Config> {
  const out: Record<string, unknown> = {};
  const problems: FixopsError[] = [];
  for (const variable of VARIABLES as readonly Variable[]) {
    const r = readOne(variable, env);
    if (r.ok) {
      if (r.value !== undefined) out[variable.key] = r.value;
    } else problems.push(r.error);
  }
  const first = problems[0];
  if (!first) return ok(out as unknown as Config);
  if (problems.length === 1) return { ok: false, error: first };
  return err('config_invalid', {
    zh: problems.map((p) => p.message.zh).join('\n'),
    en: problems.map((p) => p.message.en).join('\n'),
  }, { problems: problems.map((p) => p.details) });
}

/** One setting, for a package that needs only it (a bad value elsewhere does not stop it). */
export function readSetting<K extends keyof Config>(key: K, env: Env = process.env): Result<Config[K]> {
  const variable = (VARIABLES as readonly Variable[]).find((x) => x.key === key) as Variable<K> | undefined;
  if (!variable) throw new Error(`no FIXOPS_* variable fills ${String(key)}`);
  return readOne(variable, env) as Result<Config[K]>;
}

/**
 * One setting inside a package that reports errors by throwing FixopsException (caught and
 * turned back into a value at the package edge, e.g. the CLI's one-line message).
 */
export function settingOrFail<K extends keyof Config>(key: K, env: Env = process.env): Config[K] {
  const r = readSetting(key, env);
  if (!r.ok) fail(r.error.code, r.error.message, r.error.details);
  return r.value;
}
