// Names of a dealer's region and peer group in both languages, from the dealers master's name
// tables (migration 17: `regions`, `peer_groups`). Every answer that shows a region or a group
// reads them the same way: the SQL joins here, the pair built by `regionName` / `groupName`. A
// value without a stored name is named as the dealers master holds it.

/** The joins to add after `FROM dealers d`. */
export const NAME_JOINS = 'LEFT JOIN regions rn ON rn.region = d.region LEFT JOIN peer_groups gn ON gn.id = d.peer_group';
/** The columns the joins give (to add to a SELECT list). */
export const NAME_COLUMNS = 'rn.name_en AS "regionEn", gn.name_zh AS "groupZh", gn.name_en AS "groupEn"';

export interface NamePair { zh: string; en: string }

/** A region in both languages; null without a region. */
export function regionName(region: string | null, regionEn: string | null | undefined): NamePair | null {
  if (region === null || region === '') return null;
  return { zh: region, en: regionEn || region };
}

/** A peer group in both languages (its id for a missing name). */
export function groupName(group: string, groupZh: string | null | undefined, groupEn: string | null | undefined): NamePair {
  return { zh: groupZh || group, en: groupEn || group };
}

/** The names of a row read with NAME_COLUMNS, without those columns. */
export function withNames<T extends { region: string | null; group: string; regionEn: string | null; groupZh: string | null; groupEn: string | null }>(
  row: T,
): Omit<T, 'regionEn' | 'groupZh' | 'groupEn'> & { regionName: NamePair | null; groupName: NamePair } {
  const { regionEn, groupZh, groupEn, ...rest } = row;
  return { ...rest, regionName: regionName(row.region, regionEn), groupName: groupName(row.group, groupZh, groupEn) };
}
