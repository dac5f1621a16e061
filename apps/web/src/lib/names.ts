// Regions and peer groups in the page's language. The dealers master holds one name each
// (a region as the network writes it, 华东; a peer group as an id-like word, metro), and the
// master's schema has no English column yet (it needs a migration); until then the common
// Chinese regions and the usual peer-group ids are named here, and any other value is shown as
// the master has it.

import type { Lang } from '@fixops/shared';

const REGIONS: Readonly<Record<string, string>> = {
  华东: 'East China', 华北: 'North China', 华南: 'South China', 华中: 'Central China', 华西: 'West China',
  西南: 'Southwest China', 西北: 'Northwest China', 东北: 'Northeast China',
};

const GROUPS: Readonly<Record<string, { zh: string; en: string }>> = {
  metro: { zh: '大城市', en: 'Metro' },
  city: { zh: '城市', en: 'City' },
  default: { zh: '默认组', en: 'Default' },
};

/** A region in the page's language (as stored when it has no known English name). */
export function regionName(region: string | null | undefined, lang: Lang): string {
  if (!region) return '—';
  return lang === 'en' ? REGIONS[region] ?? region : region;
}

/** A peer group in the page's language (its id when it has no known name). */
export function groupName(group: string | null | undefined, lang: Lang): string {
  if (!group) return '—';
  return GROUPS[group]?.[lang] ?? group;
}
