// Which dealers a comparison covers, checked against the dealers table: unknown codes, regions
// or peer groups are refused with the closest valid ones, and a selection that leaves no dealer
// is refused too.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { closest, err, ok, type Message, type Result } from '@fixops/shared';
import type { DealerInfo, DealerSelector } from './types.js';

function unknown(path: string, what: Message, values: string[], choices: string[]): Result<never> {
  const near = [...new Set(values.flatMap((v) => closest(v, choices, 3)))].slice(0, 6);
  const list = choices.length <= 12 ? choices.join(', ') : `${near.join(', ')}…`;
  const label = choices.length <= 12 ? { zh: '可选', en: 'Valid' } : { zh: '最接近的', en: 'Closest' };
  const shown = values.map((v) => `"${v}"`).join(', ');
  return err('compare_unknown_dealers', {
    zh: `${path}：没有${what.zh} ${shown}。${label.zh}：${list}`,
    en: `${path}: unknown ${what.en} ${shown}. ${label.en}: ${list}`,
  }, { path, values, choices: near });
}

export function describeSelector(s: DealerSelector): Message {
  const parts: Message[] = [];
  if (s.all) parts.push({ zh: '全部经销商', en: 'all dealers' });
  if (s.codes) parts.push({ zh: `经销商 ${s.codes.join('、')}`, en: `dealers ${s.codes.join(', ')}` });
  if (s.regions) parts.push({ zh: `大区 ${s.regions.join('、')}`, en: `region ${s.regions.join(', ')}` });
  if (s.groups) parts.push({ zh: `分组 ${s.groups.join('、')}`, en: `peer group ${s.groups.join(', ')}` });
  if (s.exclude) parts.push({ zh: `不含 ${s.exclude.join('、')}`, en: `excluding ${s.exclude.join(', ')}` });
  return { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join('; ') };
}

export async function selectDealers(connection: DuckDBConnection, s: DealerSelector): Promise<Result<DealerInfo[]>> {
  const all = await queryJson<DealerInfo>(connection, 'SELECT dealer_code AS dealer, name, region, peer_group AS "group" FROM dealers ORDER BY dealer_code');
  const codes = all.map((d) => d.dealer);
  const regions = [...new Set(all.map((d) => d.region).filter((r): r is string => r !== null))].sort();
  const groups = [...new Set(all.map((d) => d.group))].sort();
  const checks: [string, Message, string[] | undefined, string[]][] = [
    ['dealers.codes', { zh: '经销商', en: 'dealer' }, s.codes, codes],
    ['dealers.regions', { zh: '大区', en: 'region' }, s.regions, regions],
    ['dealers.groups', { zh: '分组', en: 'peer group' }, s.groups, groups],
    ['dealers.exclude', { zh: '经销商', en: 'dealer' }, s.exclude, codes],
  ];
  for (const [path, what, asked, valid] of checks) {
    const bad = (asked ?? []).filter((v) => !valid.includes(v));
    if (bad.length > 0) return unknown(path, what, bad, valid);
  }
  const chosen = all.filter((d) => (s.all === true)
    || (s.codes !== undefined && s.codes.includes(d.dealer))
    || (s.codes === undefined && (s.regions !== undefined || s.groups !== undefined)
      && (s.regions === undefined || (d.region !== null && s.regions.includes(d.region)))
      && (s.groups === undefined || s.groups.includes(d.group))))
    .filter((d) => !(s.exclude ?? []).includes(d.dealer));
  if (chosen.length === 0) {
    const what = describeSelector(s);
    return err('compare_empty_group', {
      zh: `dealers：所选范围（${what.zh}）内没有经销商`,
      en: `dealers: the selection (${what.en}) holds no dealer`,
    }, { path: 'dealers' });
  }
  return ok(chosen);
}
