// Regions and peer groups in the page's language. The dealers master holds one value each (a
// region as the network writes it, 华东; a peer group as an id-like word, metro) and, in its
// name tables, their names in both languages; the API sends them with every row that shows a
// region or a group (`regionName`, `groupName`). A page collects them into a name book from the
// rows it has, and names any value through it; a value the book does not know is shown as the
// master has it.

import type { Lang } from '@fixops/shared';

export interface PlaceName { zh: string; en: string }
/** A row as the API sends it: the stored values and their names. */
export interface NamedRow { region: string | null; group: string; regionName?: PlaceName | null; groupName?: PlaceName }
export interface NameBook { regions: ReadonlyMap<string, PlaceName>; groups: ReadonlyMap<string, PlaceName> }

/** The names the rows carry, by stored value. */
export function nameBook(rows: readonly NamedRow[]): NameBook {
  const regions = new Map<string, PlaceName>();
  const groups = new Map<string, PlaceName>();
  for (const r of rows) {
    if (r.region && r.regionName) regions.set(r.region, r.regionName);
    if (r.group && r.groupName) groups.set(r.group, r.groupName);
  }
  return { regions, groups };
}

/** A region in the page's language (as stored when it has no name). */
export function regionName(region: string | null | undefined, lang: Lang, book: NameBook): string {
  if (!region) return '—';
  return book.regions.get(region)?.[lang] ?? region;
}

/** A peer group in the page's language (its id when it has no name). */
export function groupName(group: string | null | undefined, lang: Lang, book: NameBook): string {
  if (!group) return '—';
  return book.groups.get(group)?.[lang] ?? group;
}
