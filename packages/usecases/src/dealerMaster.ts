// Dealers master data edited by hand (admins): name, region, city and peer group of one dealer,
// checked (trimmed, length limits, a peer group that is an id-like word or a group already in
// use), stored and audited with the values before and after. A peer-group change moves the
// dealer between benchmark groups, so every KPI and flag is recomputed in the same transaction
// and the answer lists the flags that appeared or went away. A dealers file loaded later
// replaces these values again: the file is the master, and its load is audited like any other.
// The names of the dealer's region (English) and peer group (Chinese, English) live in the
// master's name tables (migration 17) and are shared by every dealer of that region or group:
// an edit through one dealer renames the region or group for all of them, and is audited with
// that dealer's edit.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson, recordAudit, transaction, type AuditActor } from '@fixops/db';
import { recomputeAll } from '@fixops/metrics';
import { err, ok, type Result } from '@fixops/shared';
import { withFlagChanges, type FlagChanges } from './flagChanges.js';

export interface DealerMaster {
  code: string;
  name: string | null;
  region: string | null;
  city: string | null;
  peerGroup: string;
}

/** The names of a region (English) and of a peer group (Chinese and English); null: none stored. */
export interface RegionNames { region: string; en: string | null }
export interface GroupNames { id: string; zh: string | null; en: string | null }

/** Fields to change; absent means unchanged. Region, city and the names may be cleared with '' (or null). */
export interface DealerPatch {
  name?: string;
  region?: string | null;
  city?: string | null;
  peerGroup?: string;
  /** The English name of the dealer's region (after this edit's region change, if any). */
  regionEn?: string | null;
  /** The Chinese and English names of the dealer's peer group (after this edit's group change, if any). */
  groupZh?: string | null;
  groupEn?: string | null;
}

type NameField = 'regionEn' | 'groupZh' | 'groupEn';
const NAME_FIELDS: readonly NameField[] = ['regionEn', 'groupZh', 'groupEn'];

export interface DealerEdit {
  before: DealerMaster;
  dealer: DealerMaster;
  /** The fields whose value changed (none: nothing was stored or audited). */
  changed: (keyof Omit<DealerMaster, 'code'> | NameField)[];
  /** The names of the region and peer group the dealer has after the edit, before and after it (as audited). */
  names: { before: Record<NameField, string | null>; after: Record<NameField, string | null> };
  /** Set when the peer group changed and everything was recomputed. */
  recompute: { dealerMonths: number; ms: number; flags: FlagChanges } | null;
}

export const DEALER_LIMITS = { name: 100, region: 50, city: 50, peerGroup: 40, regionEn: 50, groupZh: 50, groupEn: 50 } as const;
/** A new peer group: lower-case letters, digits, '-' and '_', starting with a letter or digit. */
export const PEER_GROUP_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

const FIELD_WORDS = {
  name: { zh: '名称', en: 'name' },
  region: { zh: '区域', en: 'region' },
  city: { zh: '城市', en: 'city' },
  peerGroup: { zh: '同组', en: 'peer group' },
  regionEn: { zh: '区域英文名', en: 'region English name' },
  groupZh: { zh: '同组中文名', en: 'peer group Chinese name' },
  groupEn: { zh: '同组英文名', en: 'peer group English name' },
} as const;

const SELECT = 'SELECT dealer_code AS code, name, region, city, peer_group AS "peerGroup" FROM dealers';

export async function listDealerMaster(c: DuckDBConnection): Promise<DealerMaster[]> {
  return queryJson<DealerMaster>(c, `${SELECT} ORDER BY dealer_code`);
}

export async function peerGroups(c: DuckDBConnection): Promise<string[]> {
  return (await queryJson<{ g: string }>(c, 'SELECT DISTINCT peer_group AS g FROM dealers ORDER BY 1')).map((r) => r.g);
}

/** The stored names of the regions and peer groups the dealers use (null where none is stored). */
export async function dealerNames(c: DuckDBConnection): Promise<{ regions: RegionNames[]; groups: GroupNames[] }> {
  const regions = await queryJson<RegionNames>(c, `
    SELECT DISTINCT d.region, r.name_en AS en FROM dealers d LEFT JOIN regions r ON r.region = d.region WHERE d.region IS NOT NULL ORDER BY 1`);
  const groups = await queryJson<GroupNames>(c, `
    SELECT DISTINCT d.peer_group AS id, g.name_zh AS zh, g.name_en AS en FROM dealers d LEFT JOIN peer_groups g ON g.id = d.peer_group ORDER BY 1`);
  return { regions, groups };
}

async function namesOf(c: DuckDBConnection, region: string | null, group: string): Promise<Record<NameField, string | null>> {
  const [r] = region === null ? [] : await queryJson<{ en: string | null }>(c, 'SELECT name_en AS en FROM regions WHERE region = $region', { region });
  const [g] = await queryJson<{ zh: string | null; en: string | null }>(c, 'SELECT name_zh AS zh, name_en AS en FROM peer_groups WHERE id = $group', { group });
  return { regionEn: r?.en ?? null, groupZh: g?.zh ?? null, groupEn: g?.en ?? null };
}

const invalid = (field: keyof typeof FIELD_WORDS, zh: string, en: string, value: unknown) =>
  err('invalid_dealer_field', { zh: `经销商${FIELD_WORDS[field].zh}${zh}`, en: `Dealer ${FIELD_WORDS[field].en} ${en}` }, { field, value });

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One text field: trimmed; '' clears it when `optional`; too long, control characters → an error. */
function text(field: 'name' | 'region' | 'city' | NameField, raw: string | null, optional: boolean): Result<string | null> {
  const v = (raw ?? '').trim();
  if (v === '') return optional ? ok(null) : invalid(field, '不能为空。', 'must not be empty.', raw);
  if (CONTROL.test(v)) return invalid(field, '不能包含控制字符（换行、制表符等）。', 'must not contain control characters (line breaks, tabs…).', raw);
  const max = DEALER_LIMITS[field];
  if ([...v].length > max) return invalid(field, `最多 ${max} 个字符（现为 ${[...v].length} 个）。`, `is at most ${max} characters (this one has ${[...v].length}).`, raw);
  return ok(v);
}

/** Checks a patch against the groups in use; answers the normalised values. */
export function checkDealerPatch(patch: DealerPatch, groups: readonly string[]): Result<DealerPatch> {
  const out: DealerPatch = {};
  if (patch.name !== undefined) {
    const r = text('name', patch.name, false);
    if (!r.ok) return r;
    out.name = r.value!;
  }
  for (const field of ['region', 'city', ...NAME_FIELDS] as const) {
    if (patch[field] === undefined) continue;
    const r = text(field, patch[field], true);
    if (!r.ok) return r;
    out[field] = r.value;
  }
  if (patch.peerGroup !== undefined) {
    const g = patch.peerGroup.trim();
    if (g === '') return invalid('peerGroup', '不能为空。', 'must not be empty.', patch.peerGroup);
    if (!groups.includes(g)) {
      if ([...g].length > DEALER_LIMITS.peerGroup) {
        return invalid('peerGroup', `最多 ${DEALER_LIMITS.peerGroup} 个字符。`, `is at most ${DEALER_LIMITS.peerGroup} characters.`, patch.peerGroup);
      }
      if (!PEER_GROUP_PATTERN.test(g)) {
        return invalid('peerGroup', `“${g}”不是已有的同组（${groups.join('、')}），新同组只能用小写字母、数字、“-”和“_”。`,
          `"${g}" is not a group in use (${groups.join(', ')}); a new group uses only lower-case letters, digits, "-" and "_".`, patch.peerGroup);
      }
    }
    out.peerGroup = g;
  }
  if (Object.keys(out).length === 0) {
    return err('invalid_request', { zh: '没有要修改的字段（名称、区域、城市、同组、区域英文名、同组中英文名）。', en: 'Nothing to change (name, region, city, peer group, region English name, peer group names).' });
  }
  return ok(out);
}

const unknownDealer = (code: string) => err('unknown_dealer', { zh: `没有经销商“${code}”`, en: `Unknown dealer "${code}"` }, { value: code });

/** Applies a checked patch to one dealer, audits it, recomputes after a peer-group change. */
export async function editDealer(c: DuckDBConnection, code: string, patch: DealerPatch, actor: AuditActor): Promise<Result<DealerEdit>> {
  return transaction(c, async () => {
    const [before] = await queryJson<DealerMaster>(c, `${SELECT} WHERE dealer_code = $code`, { code });
    if (!before) return unknownDealer(code);
    const checked = checkDealerPatch(patch, await peerGroups(c));
    if (!checked.ok) return checked;
    const { regionEn, groupZh, groupEn, ...fields } = checked.value;
    const after: DealerMaster = { ...before, ...fields };
    if (regionEn !== undefined && regionEn !== null && after.region === null) {
      return invalid('regionEn', '需要先有区域。', 'needs a region first.', patch.regionEn);
    }
    // The names are those of the region and group the dealer has after the edit.
    const stored = await namesOf(c, after.region, after.peerGroup);
    const namesAfter = { ...stored };
    const asked = { regionEn, groupZh, groupEn };
    for (const f of NAME_FIELDS) if (asked[f] !== undefined) namesAfter[f] = asked[f];
    const changedFields = (['name', 'region', 'city', 'peerGroup'] as const).filter((f) => after[f] !== before[f]);
    const changedNames = NAME_FIELDS.filter((f) => namesAfter[f] !== stored[f]);
    const changed: DealerEdit['changed'] = [...changedFields, ...changedNames];
    const names = { before: stored, after: namesAfter };
    if (changed.length === 0) return ok({ before, dealer: before, changed, names, recompute: null });
    if (changedFields.length > 0) {
      await c.run('UPDATE dealers SET name = $name, region = $region, city = $city, peer_group = $peerGroup WHERE dealer_code = $code',
        { code, name: after.name, region: after.region, city: after.city, peerGroup: after.peerGroup });
    }
    if (changedNames.includes('regionEn')) {
      await c.run(`INSERT INTO regions (region, name_en) VALUES ($region, $en) ON CONFLICT (region) DO UPDATE SET name_en = excluded.name_en`,
        { region: after.region, en: namesAfter.regionEn });
    }
    if (changedNames.includes('groupZh') || changedNames.includes('groupEn')) {
      await c.run(`INSERT INTO peer_groups (id, name_zh, name_en) VALUES ($id, $zh, $en)
        ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en`,
        { id: after.peerGroup, zh: namesAfter.groupZh, en: namesAfter.groupEn });
    }
    const value = (f: DealerEdit['changed'][number], side: 'before' | 'after') =>
      (NAME_FIELDS as readonly string[]).includes(f) ? (side === 'before' ? stored : namesAfter)[f as NameField] : (side === 'before' ? before : after)[f as keyof DealerMaster];
    await recordAudit(c, {
      actor, action: 'dealer.edit', target: code,
      detail: {
        dealer: code, changed,
        before: Object.fromEntries(changed.map((f) => [f, value(f, 'before')])),
        after: Object.fromEntries(changed.map((f) => [f, value(f, 'after')])),
        // The names belong to a region or group: say which one was renamed.
        ...(changedNames.includes('regionEn') ? { region: after.region } : {}),
        ...(changedNames.some((f) => f !== 'regionEn') ? { peerGroup: after.peerGroup } : {}),
      },
    });
    let recompute: DealerEdit['recompute'] = null;
    if (changed.includes('peerGroup')) {
      const { result, flags } = await withFlagChanges(c, () => recomputeAll(c));
      recompute = { dealerMonths: result.dealerMonths, ms: result.ms, flags };
    }
    return ok({ before, dealer: after, changed, names, recompute });
  });
}
