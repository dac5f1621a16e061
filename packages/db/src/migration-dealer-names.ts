// Migration 17 (helper N17): the names of regions and peer groups in both languages, as data of
// the dealers master. A dealer holds one region as the network writes it (华东) and one peer group
// as an id-like word (metro); pages in English need an English name for both, and a Chinese name
// for a peer group. The names belong to the region and the group, not to one dealer, so they are
// two small tables keyed by the dealers' values: `regions` (region → English name) and
// `peer_groups` (id → Chinese and English names). They are seeded with the names the web used to
// hard-code, so today's pages do not change; a value without a row (or a null name) is shown as
// the dealers master has it.

import type { Migration } from './migrations.js';

/** The seed: the common Chinese regions and the usual peer-group ids (the web's former map). */
export const SEED_REGIONS: Readonly<Record<string, string>> = {
  华东: 'East China', 华北: 'North China', 华南: 'South China', 华中: 'Central China', 华西: 'West China',
  西南: 'Southwest China', 西北: 'Northwest China', 东北: 'Northeast China',
};
export const SEED_GROUPS: Readonly<Record<string, { zh: string; en: string }>> = {
  metro: { zh: '大城市', en: 'Metro' },
  city: { zh: '城市', en: 'City' },
  default: { zh: '默认组', en: 'Default' },
};

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const dealerNamesMigration: Migration = {
  version: 17,
  name: 'names of regions (English) and peer groups (Chinese and English) for the dealers master',
  sql: `
    CREATE TABLE regions (
      region VARCHAR PRIMARY KEY,
      name_en VARCHAR
    );
    CREATE TABLE peer_groups (
      id VARCHAR PRIMARY KEY,
      name_zh VARCHAR,
      name_en VARCHAR
    );
    INSERT INTO regions VALUES ${Object.entries(SEED_REGIONS).map(([zh, en]) => `(${quote(zh)}, ${quote(en)})`).join(', ')};
    INSERT INTO peer_groups VALUES ${Object.entries(SEED_GROUPS).map(([id, n]) => `(${quote(id)}, ${quote(n.zh)}, ${quote(n.en)})`).join(', ')};
  `,
};
