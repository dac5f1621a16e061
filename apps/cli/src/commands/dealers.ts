// `fixops dealers [--region R] [--group G] [--json]` · `fixops dealers set CODE [--name ..]
// [--region ..] [--city ..] [--peer-group ..] [--region-en ..] [--group-zh ..] [--group-en ..] [--json]`:
// the dealers master data and its edit
// by hand (checked, audited with before and after; a new peer group recomputes every KPI and
// flag and prints the flags that appeared and went away). A dealers file loaded later
// replaces these values again: the file is the master. The names of the dealer's region (English)
// and peer group (Chinese, English) are shared by every dealer of that region or group.

import { cliActor } from '@fixops/db';
import { editDealer, listDealerMaster, type DealerPatch } from '@fixops/usecases';
import { fail } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printJson, printList } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';
import { flagChangesText, withRecomputeProgress } from '../output/flagChanges.js';

const USAGE = 'usage: fixops dealers [--region R] [--group G] [--json] · fixops dealers set CODE [--name NAME] [--region R] [--city C] [--peer-group G] [--region-en NAME] [--group-zh NAME] [--group-en NAME] [--json]  [--db FILE]';

export async function dealersCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION,
    name: { type: 'string' }, region: { type: 'string' }, city: { type: 'string' }, 'peer-group': { type: 'string' }, group: { type: 'string' },
    'region-en': { type: 'string' }, 'group-zh': { type: 'string' }, 'group-en': { type: 'string' },
  }, true);
  const [action = 'list', code] = positionals;
  if (action === 'list' && positionals.length <= 1) {
    if (values.name !== undefined || values.city !== undefined || values['peer-group'] !== undefined
      || values['region-en'] !== undefined || values['group-zh'] !== undefined || values['group-en'] !== undefined) throw new UsageError(USAGE);
    const all = await withDatabase(values.db, (db) => listDealerMaster(db.connection));
    const rows = all.filter((d) => (values.region === undefined || d.region === values.region) && (values.group === undefined || d.peerGroup === values.group));
    return printList(rows, {
      json: values.json,
      empty: '没有符合条件的经销商。\nNo dealers match.\n',
      table: (list) => renderTable(['经销商 Dealer', '名称 Name', '区域 Region', '城市 City', '同组 Peer group'],
        list.map((d) => [d.code, d.name ?? '', d.region ?? '', d.city ?? '', d.peerGroup])),
    });
  }
  if (action !== 'set' || code === undefined || positionals.length !== 2 || values.group !== undefined) throw new UsageError(USAGE);
  const patch: DealerPatch = {};
  if (values.name !== undefined) patch.name = values.name;
  if (values.region !== undefined) patch.region = values.region;
  if (values.city !== undefined) patch.city = values.city;
  if (values['peer-group'] !== undefined) patch.peerGroup = values['peer-group'];
  if (values['region-en'] !== undefined) patch.regionEn = values['region-en'];
  if (values['group-zh'] !== undefined) patch.groupZh = values['group-zh'];
  if (values['group-en'] !== undefined) patch.groupEn = values['group-en'];
  if (Object.keys(patch).length === 0) {
    throw new UsageError(`fixops dealers set: name at least one of --name, --region, --city, --peer-group, --region-en, --group-zh, --group-en\n${USAGE}`);
  }
  const result = await withDatabase(values.db, (db) => withRecomputeProgress(() => editDealer(db.connection, code, patch, cliActor())));
  if (!result.ok && result.error.code === 'unknown_dealer') fail(result.error.code, result.error.message, result.error.details);
  const edit = orUsage(result);
  if (values.json) {
    printJson(edit);
    return 0;
  }
  const d = edit.dealer;
  if (edit.changed.length === 0) {
    process.stdout.write(`${d.code}：没有变化 nothing changed\n`);
    return 0;
  }
  const shown = (v: string | null) => (v === null ? '—' : v);
  const before = { ...edit.names.before, ...edit.before };
  const after = { ...edit.names.after, ...d };
  const lines = edit.changed.map((f) => `  ${f}: ${shown(before[f])} → ${shown(after[f])}`);
  process.stdout.write(`经销商已更新 Dealer updated: ${d.code}\n${lines.join('\n')}\n`);
  if (edit.recompute) {
    process.stdout.write(`已重新计算 recomputed ${edit.recompute.dealerMonths} 个经销商月 dealer-months in ${edit.recompute.ms} ms\n${flagChangesText(edit.recompute.flags)}`);
  }
  return 0;
}
