// Each dealer's "personality": volume, booking habits, punctuality, mix… drawn once so KPIs differ across dealers.
import { type Rng } from './prng.js';
import { advisorNames } from './names.js';

export interface Brand {
  wmi: string;
  models: readonly string[];
}

const BRANDS: readonly Brand[] = [
  { wmi: 'LSV', models: ['朗逸', '帕萨特', '途观L', '途昂', '凌渡'] },
  { wmi: 'LFV', models: ['速腾', '迈腾', '宝来', '探岳', '高尔夫'] },
  { wmi: 'LHG', models: ['雅阁', '凌派', '飞度', '缤智', '皓影'] },
  { wmi: 'LGB', models: ['轩逸', '天籁', '奇骏', '逍客'] },
  { wmi: 'LBV', models: ['3系', '5系', 'X1', 'X3'] },
  { wmi: 'LVS', models: ['福克斯', '蒙迪欧', '锐际', '探险者'] },
];

export interface Advisor {
  name: string;
  onTimeDelta: number;
  bookingFactor: number;
  estimateDelta: number;
  /** Relative share of ROs this advisor opens. */
  load: number;
}

/** One-off happenings in one month (index into the dealer's months). */
export interface MonthEvent {
  volumeFactor?: number;
  onTime?: number;
  bookingFactor?: number;
}

export interface DealerProfile {
  baseVolume: number;
  /** Relative volume change per month. */
  growth: number;
  bookingRate: number;
  /** Absolute change of booking rate per month (process improving or decaying). */
  bookingDrift: number;
  showRate: number;
  onTime: number;
  /** How early (minutes) on-time deliveries land at most: drives the time-estimate accuracy. */
  earlySpread: number;
  /** Share of ROs with a promised time (1 − share left empty). */
  promiseCoverage: number;
  /** The dealer never fills promised_time: on_time_rate is null. */
  noPromise: boolean;
  estimateCoverage: number;
  estimateAccuracy: number;
  carePenetration: number;
  mix: {
    accident: number;
    warranty: number;
    recall: number;
    rework: number;
    internal: number;
    unclassified: number;
    /** Of what remains, the maintenance share (the rest is general repair). */
    maintenanceOfRest: number;
  };
  warrantyMedian: number;
  accidentMedian: number;
  /** Probability a customer never returns after a visit. */
  churnAfterVisit: number;
  /** Mean months between a loyal customer's visits. */
  visitInterval: number;
  /** Minimum share of each month's ROs from new VINs. */
  newShare: number;
  /** Share of accident ROs that also appear in the accident_repairs export. */
  accidentFileCoverage: number;
  /** First month index covered by the accident_repairs export (0 = all). */
  accidentFileFrom: number;
  brand: Brand;
  advisors: Advisor[];
  events: Map<number, MonthEvent>;
}

/** Dealer positions (0-based) given special stories in the default network. */
export const SPECIAL = {
  /** on-time collapses in the month before last (trend, worse) */
  onTimeCollapse: 1,
  /** booking campaign: booking rate jumps in the last month (trend, better) */
  bookingJump: 4,
  /** volume crashes in the last month (trend, worse): the trend outlier */
  volumeDrop: 6,
  /** never fills promised_time */
  noPromise: 8,
  /** accident_repairs export only covers the last 12 months */
  lateAccidentFile: 10,
} as const;

export function makeProfile(rng: Rng, index: number, metro: boolean, months: number, rosPerMonth: number): DealerProfile {
  const advisorCount = rng.int(3, 6);
  const advisors = advisorNames(rng, advisorCount).map((name) => ({
    name,
    onTimeDelta: rng.float(-0.06, 0.05),
    bookingFactor: rng.float(0.7, 1.3),
    estimateDelta: rng.float(-0.06, 0.04),
    load: rng.float(0.6, 1.4),
  }));
  const events = new Map<number, MonthEvent>();
  const last = months - 1;
  if (index === SPECIAL.volumeDrop && months >= 8) events.set(last, { volumeFactor: 0.35 });
  if (index === SPECIAL.onTimeCollapse && months >= 8) events.set(last - 1, { onTime: 0.52 });
  if (index === SPECIAL.bookingJump && months >= 8) events.set(last, { bookingFactor: 1.8 });

  return {
    baseVolume: rosPerMonth * (metro ? rng.float(1.05, 1.35) : rng.float(0.82, 1.0)),
    growth: rng.float(-0.008, 0.012),
    bookingRate: rng.float(0.07, 0.5),
    bookingDrift: rng.float(-0.002, 0.004),
    showRate: rng.float(0.64, 0.93),
    onTime: rng.float(0.74, 0.97),
    earlySpread: rng.float(15, 60),
    promiseCoverage: rng.chance(0.5) ? 1 : rng.float(0.88, 0.99),
    noPromise: index === SPECIAL.noPromise,
    estimateCoverage: rng.float(0.55, 0.85),
    estimateAccuracy: rng.float(0.64, 0.93),
    carePenetration: rng.float(0.12, 0.47),
    mix: {
      accident: rng.float(0.09, 0.22),
      warranty: rng.float(0.04, 0.18),
      recall: rng.float(0.002, 0.012),
      rework: rng.float(0.006, 0.032),
      internal: rng.float(0.01, 0.04),
      unclassified: rng.float(0.008, 0.028),
      maintenanceOfRest: rng.float(0.6, 0.75),
    },
    warrantyMedian: Math.round(rng.float(1500, 3800)) * 100,
    accidentMedian: Math.round(rng.float(3500, 6500)) * 100,
    churnAfterVisit: rng.float(0.06, 0.22),
    visitInterval: rng.float(4.5, 7),
    newShare: rng.float(0.08, 0.16),
    accidentFileCoverage: rng.float(0.65, 1),
    accidentFileFrom: index === SPECIAL.lateAccidentFile && months > 12 ? months - 12 : 0,
    brand: rng.pick(BRANDS),
    advisors,
    events,
  };
}
