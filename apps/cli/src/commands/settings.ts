// `fixops settings [--json]` · `fixops settings set KEY VALUE` · `fixops settings reset KEY`
// A change is stored and every KPI and flag recomputed, in one transaction.

import { recomputeAfterSetting, parseSetting, readSettings, SETTINGS, settingDefinition, storeSetting } from '@fixops/metrics';
import { transaction } from '@fixops/db';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';
import { printJson } from '../output/print.js';

export async function settingsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ...JSON_OPTION }, true);
  const [action, key, value] = positionals;
  if (action === undefined) return list(values.db, values.json ?? false);
  if (action === 'set') {
    if (key === undefined || value === undefined || positionals.length > 3) throw new UsageError('usage: fixops settings set KEY VALUE');
    const parsed = orUsage(parseSetting(key, value));
    return change(values.db, parsed.key, parsed.value);
  }
  if (action === 'reset') {
    if (key === undefined || positionals.length > 2) throw new UsageError('usage: fixops settings reset KEY');
    if (!settingDefinition(key)) orUsage(parseSetting(key, '0'));
    return change(values.db, key, null);
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

async function change(db: string | undefined, key: string, value: number | null): Promise<number> {
  const stats = await withDatabase(db, (d) => transaction(d.connection, async () => {
    await storeSetting(d.connection, key, value);
    return recomputeAfterSetting(d.connection, key);
  }));
  const shown = value ?? settingDefinition(key)!.default;
  process.stdout.write(`${key} = ${shown}${value === null ? '（默认 default）' : ''} · 已重新计算 recomputed ${stats.dealerMonths} 个经销商月 dealer-months in ${stats.ms} ms\n`);
  return 0;
}
