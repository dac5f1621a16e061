// The public shapes of a demo network: dealers, files and the options that produce them.
import type { Separator } from './csv.js';
import type { DemoEncoding } from './encoding.js';

export type { DemoEncoding } from './encoding.js';
export type { Separator } from './csv.js';

export type ExportKind = 'repair_orders' | 'bookings' | 'accident_repairs' | 'customers' | 'dealers';

/** DMS style: A–E for the default network (see styles.ts), `plain` for scale mode. */
export type StyleId = 'A' | 'B' | 'C' | 'D' | 'E' | 'plain';

export interface DemoDealer {
  code: string;
  name: string;
  nameEn: string;
  region: string;
  group: string;
  city: string;
  style: StyleId;
}

/** Everything the manifest says about one file. */
export interface DemoFileInfo {
  name: string;
  kind: ExportKind;
  /** Set when the file has NO dealer column: the loader must pass --dealer. */
  dealer?: string;
  encoding: DemoEncoding;
  separator: Separator;
  /** Data rows, bad and duplicate ones included; header, blank lines and totals rows excluded. */
  rows: number;
  /** Rows the contract rejects (bad date, bad amount, missing required value, unknown status). */
  badRows: number;
  /** Exact copies of the previous row (dropped and counted by the loader). */
  duplicateRows: number;
  /** 合计 rows (skipped by the loader). */
  totalsRows: number;
  /** Empty lines (skipped by the loader). */
  blankLines: number;
  /** Months covered ('YYYY-MM'), empty for the dealers master file. */
  months: string[];
}

export interface DemoFile extends DemoFileInfo {
  bytes: Buffer;
}

export interface DemoNetwork {
  dealers: DemoDealer[];
  files: DemoFile[];
}

export interface NetworkOptions {
  seed?: number;
  /** Number of dealers: default 12 (300 is the usual scale size). */
  dealers?: number;
  /** Months per dealer, default 24. */
  months?: number;
  /** Last month, 'YYYY-MM', default '2025-12'. */
  endMonth?: string;
  /** Benchmark mode: plain UTF-8 comma files, clean values, ~1000 ROs per dealer-month. */
  scale?: boolean;
  /** Base repair orders per dealer-month (default 185: metro dealers get ×1.05–1.35, city ×0.82–1; scale 1000). */
  rosPerMonth?: number;
}

export interface Manifest {
  generator: string;
  options: Required<Omit<NetworkOptions, 'rosPerMonth'>> & { rosPerMonth: number };
  dealers: DemoDealer[];
  /** In load order: the dealers master file first. */
  files: DemoFileInfo[];
}
