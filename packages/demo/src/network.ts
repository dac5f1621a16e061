// Assembles the network: roster, one simulation per dealer, its four exports, lazily one dealer at a time.
import { addMonths, isMonth, monthRange } from '@fixops/shared';
import { People } from './personal.js';
import { deriveSeed, Rng } from './prng.js';
import { DEALERS_FILE, dealerFileName, renderAccidents, renderBookings, renderCustomers, renderDealers, renderRepairOrders, type DealerContext, type Sink } from './render.js';
import { buildRoster, cityOf } from './roster.js';
import { simulateDealer } from './simulate.js';
import { STYLES } from './styles.js';
import type { DemoDealer, DemoFile, DemoNetwork, ExportKind, NetworkOptions } from './types.js';
import { dealerVocab } from './vocab.js';

export type ResolvedOptions = Required<NetworkOptions>;

export const DEFAULTS = { seed: 20251231, dealers: 12, months: 24, endMonth: '2025-12', rosPerMonth: 185, scaleRosPerMonth: 1000 } as const;

export function resolveOptions(opts: NetworkOptions = {}): ResolvedOptions {
  const scale = opts.scale ?? false;
  const o: ResolvedOptions = {
    seed: opts.seed ?? DEFAULTS.seed,
    dealers: opts.dealers ?? DEFAULTS.dealers,
    months: opts.months ?? DEFAULTS.months,
    endMonth: opts.endMonth ?? DEFAULTS.endMonth,
    scale,
    rosPerMonth: opts.rosPerMonth ?? (scale ? DEFAULTS.scaleRosPerMonth : DEFAULTS.rosPerMonth),
  };
  if (!isMonth(o.endMonth)) throw new RangeError(`endMonth must be YYYY-MM, got ${o.endMonth}`);
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > 120) throw new RangeError(`months must be 1..120, got ${o.months}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${o.seed}`);
  if (!(o.rosPerMonth >= 1)) throw new RangeError(`rosPerMonth must be ≥ 1, got ${o.rosPerMonth}`);
  return o;
}

/** Load order: master data first, then ROs, bookings, accident repairs, customer snapshots. */
export const LOAD_ORDER: readonly ExportKind[] = ['dealers', 'repair_orders', 'bookings', 'accident_repairs', 'customers'];

export function sortForLoading<T extends { kind: ExportKind }>(files: T[]): T[] {
  // Array.prototype.sort is stable: dealer order is kept within a kind
  return files.sort((a, b) => LOAD_ORDER.indexOf(a.kind) - LOAD_ORDER.indexOf(b.kind));
}

/** A file not written yet: render() produces it, streaming its chunks into `sink` when given. */
export interface PlannedFile {
  name: string;
  kind: ExportKind;
  dealer?: string;
  render(sink?: Sink): DemoFile;
}

export interface NetworkPlan {
  options: ResolvedOptions;
  dealers: DemoDealer[];
  /** Files in generation order (dealers master, then each dealer's four); one dealer's data is alive at a time. */
  files(): Generator<PlannedFile>;
}

export function planNetwork(opts: NetworkOptions = {}): NetworkPlan {
  const options = resolveOptions(opts);
  const dealers = buildRoster(options.dealers, options.scale);
  const months = monthRange(addMonths(options.endMonth, -(options.months - 1)), options.endMonth);

  function* files(): Generator<PlannedFile> {
    yield { name: DEALERS_FILE, kind: 'dealers', render: (sink) => renderDealers(dealers, sink) };
    for (let index = 0; index < dealers.length; index++) {
      const dealer = dealers[index] as DemoDealer;
      const style = STYLES[dealer.style];
      const data = simulateDealer({
        seed: options.seed,
        code: dealer.code,
        index,
        metro: dealer.group === 'metro',
        months,
        rosPerMonth: options.rosPerMonth,
      });
      const ctx: DealerContext = {
        seed: options.seed,
        dealer,
        style,
        vocab: dealerVocab(new Rng(deriveSeed(options.seed, 'vocab', dealer.code)), style.lang, !style.defects),
        money: style.money[Math.floor(index / 5) % style.money.length] ?? 'fixed2',
        data,
        people: new People(options.seed, dealer.code, cityOf(dealer), style.maskPhone),
        // the network's one exact duplicate: first dealer's RO export
        duplicateRow: index === 0,
      };
      yield { name: dealerFileName(ctx, 'repair_orders'), kind: 'repair_orders', dealer: dealer.code, render: (sink) => renderRepairOrders(ctx, sink) };
      yield { name: dealerFileName(ctx, 'bookings'), kind: 'bookings', dealer: dealer.code, render: (sink) => renderBookings(ctx, sink) };
      yield { name: dealerFileName(ctx, 'accident_repairs'), kind: 'accident_repairs', dealer: dealer.code, render: (sink) => renderAccidents(ctx, sink) };
      yield { name: dealerFileName(ctx, 'customers'), kind: 'customers', dealer: dealer.code, render: (sink) => renderCustomers(ctx, sink) };
    }
  }

  return { options, dealers, files };
}

/**
 * The whole network in memory (default size: a few MB). For scale networks use writeNetwork,
 * which streams file by file.
 */
export function generateNetwork(opts: NetworkOptions = {}): DemoNetwork {
  const plan = planNetwork(opts);
  const files: DemoFile[] = [];
  for (const f of plan.files()) files.push(f.render());
  return { dealers: plan.dealers, files: sortForLoading(files) };
}
