// Finds the templates (the ones shipped in this package's templates/ folder, or the user's folder
// named by FIXOPS_TEMPLATES_DIR) and reads every template file in a folder.

import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSetting } from '@fixops/config';
import { err, ok, type Result } from '@fixops/shared';
import { loadCoachingRules, type CoachingOptions, type CoachingRules } from './coaching.js';
import { loadTemplate } from './load-template.js';
import { parseYaml } from '@fixops/shared/yaml-schema';
import type { Template, TemplateKind } from './types.js';

/** The templates and their JSON Schemas shipped with this package (from src/ or dist/ alike). */
export const SHIPPED_TEMPLATES_DIR: string = fileURLToPath(new URL('../templates', import.meta.url));

/** FIXOPS_TEMPLATES_DIR (relative to the working directory) when set, else the shipped templates. */
export function templatesDir(env: Record<string, string | undefined> = process.env): string {
  const own = readSetting('templatesDir', env);
  return own.ok && own.value !== undefined ? resolve(own.value) : SHIPPED_TEMPLATES_DIR;
}

/** Where templates are read from in this process. */
export const TEMPLATES_DIR: string = templatesDir();

/** The default coaching rule table shipped with the templates. */
export const COACHING_RULES_FILE: string = join(TEMPLATES_DIR, 'coaching-rules.yaml');

export interface TemplateSummary {
  id: string;
  version: number;
  zh: string;
  en: string;
  kind: TemplateKind;
  /** Total points, or the composite scale for weighted scorecards. */
  max: number;
  file: string;
}

async function readText(path: string, code: string): Promise<Result<string>> {
  try {
    return ok(await readFile(path, 'utf8'));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err(code, { zh: `无法读取文件 ${path}：${reason}`, en: `Cannot read ${path}: ${reason}` }, { file: path });
  }
}

function inFile<T>(r: Result<T>, file: string): Result<T> {
  if (r.ok) return r;
  return {
    ok: false,
    error: {
      code: r.error.code,
      message: { zh: `${file}：${r.error.message.zh}`, en: `${file}: ${r.error.message.en}` },
      details: { ...r.error.details, file },
    },
  };
}

export async function loadTemplateFile(path: string): Promise<Result<Template>> {
  const text = await readText(path, 'template_read');
  if (!text.ok) return text;
  return inFile(loadTemplate(text.value), path);
}

export async function loadCoachingRulesFile(path: string = COACHING_RULES_FILE, options: CoachingOptions = {}): Promise<Result<CoachingRules>> {
  const text = await readText(path, 'coaching_read');
  if (!text.ok) return text;
  return inFile(loadCoachingRules(text.value, options), path);
}

/** A YAML file with a top-level `rules` list and no `kind` is a coaching table, not a template. */
function isCoachingTable(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'rules' in data && !('kind' in data);
}

/**
 * Every template (*.yaml, coaching tables skipped) in `dir`, sorted by id. A file that does
 * not load refuses the whole listing, naming the file.
 */
export async function listTemplates(dir: string = TEMPLATES_DIR): Promise<Result<TemplateSummary[]>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err('template_read', { zh: `无法读取模板目录 ${dir}：${reason}`, en: `Cannot read the template folder ${dir}: ${reason}` }, { dir });
  }
  const out: TemplateSummary[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const text = await readText(file, 'template_read');
    if (!text.ok) return text;
    const parsed = parseYaml(text.value, 'template_yaml');
    if (!parsed.ok) return inFile(parsed, file);
    if (isCoachingTable(parsed.value)) continue;
    const t = inFile(loadTemplate(parsed.value), file);
    if (!t.ok) return t;
    const v = t.value;
    const max = v.kind === 'points' ? v.max : (v.dimensions[0]?.max ?? 0);
    out.push({ id: v.id, version: v.version, zh: v.zh, en: v.en, kind: v.kind, max, file });
  }
  const seen = new Set<string>();
  for (const s of out) {
    if (seen.has(s.id)) return err('template_duplicate_id', { zh: `模板 id ${s.id} 在 ${dir} 中出现了两次`, en: `Template id ${s.id} appears twice in ${dir}` }, { id: s.id, dir });
    seen.add(s.id);
  }
  return ok(out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}
