// Streams a big, clean repair_orders CSV (all 15 contract columns) for ingest benchmarks, in bounded memory.
import { open } from 'node:fs/promises';
import { addMonths, monthRange } from '@fixops/shared';
import { MINUTES_PER_DAY, monthSpan } from './calendar.js';
import { ChunkWriter } from './chunks.js';
import { formatMoney } from './money.js';
import { personName } from './names.js';
import { Rng } from './prng.js';
import { buildRoster } from './roster.js';
import { PLAIN_RO_COLUMNS } from './styles.js';
import { formatTimestamp } from './timefmt.js';
import { makeVin } from './vin.js';

export interface BenchOptions {
  rows: number;
  encoding: 'utf-8' | 'gb18030';
  seed?: number;
  /** Default 300 dealers × 24 months ending 2025-12. */
  dealers?: number;
  months?: number;
  endMonth?: string;
}

const TYPES: ReadonlyArray<readonly [string, number]> = [
  ['保养', 0.48], ['一般维修', 0.2], ['钣喷', 0.14], ['索赔', 0.07], ['召回', 0.01], ['返修', 0.02], ['内部', 0.03], ['其他', 0.02], ['首保', 0.03],
];
const TYPE_WEIGHTS = TYPES.map(([, w]) => w);
const VIN_POOL = 50_000;

/** Writes `rows` data rows plus a header; returns the file size. Memory stays at about one 1 MB chunk. */
export async function writeBenchRepairOrders(path: string, opts: BenchOptions): Promise<{ bytes: number }> {
  if (!Number.isInteger(opts.rows) || opts.rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${opts.rows}`);
  const rng = new Rng(opts.seed ?? 1);
  const dealers = buildRoster(opts.dealers ?? 300, true).map((d) => d.code);
  const endMonth = opts.endMonth ?? '2025-12';
  const months = monthRange(addMonths(endMonth, -((opts.months ?? 24) - 1)), endMonth);
  const spans = months.map(monthSpan);
  const yms = months.map((m) => m.replace('-', ''));
  const advisors = Array.from({ length: 40 }, () => personName(rng));
  const vins = Array.from({ length: VIN_POOL }, () => makeVin(rng, rng.pick(['LSV', 'LFV', 'LHG', 'LGB'])));
  const seq = new Int32Array(dealers.length * months.length);
  const money = (c: number): string => formatMoney('fixed2', c);

  const fh = await open(path, 'w');
  let bytes = 0;
  const ready: Buffer[] = [];
  const w = new ChunkWriter(opts.encoding, '\n', (chunk) => ready.push(chunk));
  const drain = async (): Promise<void> => {
    for (const chunk of ready.splice(0)) {
      await fh.write(chunk);
      bytes += chunk.length;
    }
  };
  try {
    w.line(PLAIN_RO_COLUMNS.map(([, h]) => h).join(','));
    for (let i = 0; i < opts.rows; i++) {
      const m = Math.floor((i * months.length) / opts.rows);
      const d = rng.int(0, dealers.length - 1);
      const code = dealers[d] as string;
      const k = d * months.length + m;
      seq[k] = (seq[k] as number) + 1;
      const span = spans[m] as { first: number; days: number };
      const open = (span.first + rng.int(0, span.days - 1)) * MINUTES_PER_DAY + rng.int(8 * 60, 17 * 60 + 30);
      const typeIndex = rng.weightedIndex(TYPE_WEIGHTS);
      const type = (TYPES[typeIndex] as readonly [string, number])[0];
      const labor = rng.int(5, 80) * 1000;
      const partsAmount = type === '钣喷' ? rng.int(100_000, 2_000_000) : rng.int(0, 150_000);
      const care = typeIndex === 0 && rng.chance(0.3) ? rng.int(1, 6) * 9800 : 0;
      const total = labor + partsAmount + care;
      const promised = Math.ceil((open + rng.int(60, 300)) / 30) * 30;
      const delivered = promised + rng.int(-60, 45);
      const estimate = rng.chance(0.7) ? Math.round((total * rng.float(0.8, 1.15)) / 100) * 100 : -1;
      const booking = rng.chance(0.3) ? `${code}-B${yms[m]}-${String(seq[k]).padStart(5, '0')}` : '';
      w.line(
        `${code},${code}-${yms[m]}-${String(seq[k]).padStart(5, '0')},${vins[rng.int(0, VIN_POOL - 1)]},` +
          `${formatTimestamp('iso-sec', open)},${type},${money(total)},${formatTimestamp('iso-sec', promised)},` +
          `${formatTimestamp('iso-sec', delivered)},${advisors[(d * 7 + rng.int(0, 4)) % advisors.length]},${money(labor)},` +
          `${money(partsAmount)},${estimate < 0 ? '' : money(estimate)},${booking},${care > 0 ? money(care) : ''},${rng.int(500, 150_000)}`,
      );
      if (ready.length > 0) await drain();
    }
    w.finish();
    await drain();
  } finally {
    await fh.close();
  }
  return { bytes };
}
