// `fixops templates [--json]` · `fixops template validate FILE`

import { existsSync } from 'node:fs';
import { listTemplates, loadTemplateFile } from '@fixops/checklist';
import { bilingual } from '@fixops/shared';
import { JSON_OPTION, parse, UsageError } from '../args.js';
import { renderTable } from '../output/table.js';
import { printJson } from '../output/print.js';

export async function templatesCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...JSON_OPTION });
  const list = await listTemplates();
  if (!list.ok) {
    process.stderr.write(`${bilingual(list.error.message)}\n`);
    return 1;
  }
  if (values.json) printJson(list.value);
  else process.stdout.write(`${renderTable(['ID', '版本 Version', '名称', 'Name', '类型 Kind', '满分 Max'], list.value.map((t) => [t.id, t.version, t.zh, t.en, t.kind, t.max]))}\n`);
  return 0;
}

export async function templateCommand(argv: string[]): Promise<number> {
  const { positionals } = parse(argv, {}, true);
  const [action, file] = positionals;
  if (action !== 'validate' || file === undefined || positionals.length !== 2) throw new UsageError('usage: fixops template validate FILE');
  if (!existsSync(file)) throw new UsageError(`fixops template: file not found: ${file}`);
  const r = await loadTemplateFile(file);
  if (!r.ok) {
    const issues = (r.error.details?.issues as { message: { zh: string; en: string } }[] | undefined) ?? [{ message: r.error.message }];
    process.stderr.write(`✗ ${file}\n${issues.map((i) => `  - ${bilingual(i.message)}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`✓ ${file}: ${r.value.id} v${r.value.version} (${r.value.zh} / ${r.value.en})\n`);
  return 0;
}
