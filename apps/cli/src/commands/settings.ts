// `fixops settings [--json]` · `fixops settings set KEY VALUE` · `fixops settings reset KEY`
// A change is stored and what depends on it recomputed, in one transaction; it prints the flags
// the recompute added and removed (all of them, up to the cut, with --json).

import { parseSetting, readSettings, SETTINGS, settingDefinition } from '@fixops/metrics';
import { changeSetting } from '@fixops/usecases';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';
import { printJson } from '../output/print.js';
import { flagChangesText, withRecomputeProgress } from '../output/flagChanges.js';

export async function settingsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ...JSON_OPTION }, true);
  const [action, key, value] = positionals;
  if (action === undefined) return list(values.db, values.json ?? false);
  if (action === 'set') {
    if (key === undefined || value === undefined || positionals.length > 3) throw new UsageError('usage: fixops settings set KEY VALUE');
    const parsed = orUsage(parseSetting(key, value));
    return change(values.db, parsed.key, parsed.value, values.json ?? false);
  }
  if (action === 'reset') {
    if (key === undefined || positionals.length > 2) throw new UsageError('usage: fixops settings reset KEY');
    if (!settingDefinition(key)) orUsage(parseSetting(key, '0'));
    return change(values.db, key, null, values.json ?? false);
  }
  throw new UsageError(`fixops settings: unknown action "${action}" (set, reset, or none to list)`);
}

async function list(db: string | undefined, json: boolean): Promise<number> {
  const current = await withDatabase(db, (d) => readSettings(d.connection));
  const rows = SETTINGS.map((s) => ({ key: s.key, value: current[s.key]!, default: s.default, zh: s.zh, en: s.en }));
  if (json) printJson(rows);
  else process.stdout.write(`${renderTable(['设置 Key', '值 Value', '默认 Default', '说明', 'Description'], rows.map((r) => [r.key, r.value, r.default, r.zh, r.en]))}\n`);
  return 0;
}

async function change(db: string | undefined, key: string, value: number | null, json: boolean): Promise<number> {
  const r = await withDatabase(db, (d) => withRecomputeProgress(() => changeSetting(d.connection, key, value)));
  if (json) {
    printJson(r);
    return 0;
  }
  process.stdout.write(`${key} = ${r.value}${r.reset ? '（默认 default）' : ''} · 已重新计算 recomputed ${r.dealerMonths} 个经销商月 dealer-months in ${r.ms} ms\n${flagChangesText(r.flags)}`);
  return 0;
}
