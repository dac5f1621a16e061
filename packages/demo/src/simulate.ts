// Simulates one dealer's workshop month by month: customers returning or churning, ROs, bookings, accident claims.
// The result is format-free; render.ts writes it in the dealer's DMS style.
import { dayWeight, MINUTES_PER_DAY, monthSpan } from './calendar.js';
import { makeProfile, type DealerProfile } from './profile.js';
import { cumulative, deriveSeed, Rng } from './prng.js';
import { CHANNEL_WEIGHTS, INSURER_WEIGHTS, type BookingStatus, type RepairType } from './vocab.js';
import { makeVin } from './vin.js';

export interface SimCustomer {
  no: number;
  vin: string;
  /** Purchase time (minutes). */
  purchase: number;
  km0: number;
  kmPerDay: number;
  model: number;
  /** Personal mean months between visits. */
  interval: number;
  nextMonth: number;
  active: boolean;
  lastVisit: number | null;
}

export interface SimRO {
  /** Month index and running number within the month: the style turns them into an RO number. */
  month: number;
  seq: number;
  customer: SimCustomer;
  open: number;
  type: RepairType;
  total: number;
  labor: number;
  parts: number;
  care: number;
  estimate: number | null;
  promised: number | null;
  delivered: number | null;
  advisor: number;
  /** Running number of its booking in the same month; 0 = not booked. */
  bookingSeq: number;
  mileage: number;
}

export interface SimBooking {
  month: number;
  seq: number;
  appointment: number;
  created: number;
  status: BookingStatus;
  customer: SimCustomer;
  channel: number;
  advisor: number;
}

export interface SimAccident {
  ro: SimRO;
  amount: number;
  /** Index into INSURERS, or -1 for self-paid (no insurer). */
  insurer: number;
  assessed: number | null;
}

export interface DealerData {
  profile: DealerProfile;
  months: string[];
  ros: SimRO[];
  bookings: SimBooking[];
  accidents: SimAccident[];
  /** Snapshot at export time: every vehicle with a known last visit, by customer number. */
  customers: SimCustomer[];
  exportTime: number;
}

export interface SimInput {
  seed: number;
  code: string;
  index: number;
  metro: boolean;
  months: string[];
  rosPerMonth: number;
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
const HOUR_WEIGHTS = cumulative([1.2, 1.6, 1.4, 1.0, 0.5, 0.8, 1.0, 0.9, 0.7, 0.4]); // 8:00 … 17:00
const CARE_PRICES = [98, 128, 168, 198, 238, 268, 298, 368, 398, 468, 588, 680];
const BOOKING_AFFINITY: Record<RepairType, number> = {
  maintenance: 1.3, general: 0.9, accident: 0.4, warranty: 1.0, recall: 1.3, rework: 0.6, internal: 0, unclassified: 0.5,
};
/** Mean daily weight × average month length: turns a month's weight sum into a volume factor. */
const AVERAGE_MONTH_WEIGHT = 32.3;

const roundCents = (yuan: number): number => Math.round(yuan * 100);
const ceilTo = (minutes: number, step: number): number => Math.ceil(minutes / step) * step;

export function simulateDealer(input: SimInput): DealerData {
  const { code, months } = input;
  const rng = new Rng(deriveSeed(input.seed, 'sim', code));
  const profile = makeProfile(rng, input.index, input.metro, months.length, input.rosPerMonth);
  const spans = months.map(monthSpan);
  const firstDay = (spans[0] as { first: number }).first;
  const lastSpan = spans[spans.length - 1] as { first: number; days: number };
  const exportTime = (lastSpan.first + lastSpan.days - 1) * MINUTES_PER_DAY + 23 * 60 + 30;

  const all: SimCustomer[] = [];
  const vins = new Set<string>();
  const newVin = (): string => {
    for (;;) {
      const v = makeVin(rng, profile.brand.wmi);
      if (!vins.has(v)) {
        vins.add(v);
        return v;
      }
    }
  };
  const newCustomer = (purchase: number, km0: number): SimCustomer => {
    const c: SimCustomer = {
      no: all.length + 1,
      vin: newVin(),
      purchase,
      km0,
      kmPerDay: rng.float(20, 50),
      model: rng.int(0, profile.brand.models.length - 1),
      interval: profile.visitInterval * rng.float(0.7, 1.4),
      nextMonth: 0,
      active: true,
      lastVisit: null,
    };
    all.push(c);
    return c;
  };
  const randomTimeIn = (monthOffset: number): number => {
    // a daytime moment in month (firstMonth + monthOffset); negative offsets are before the window
    const day = firstDay + Math.floor(monthOffset * 30.44) + rng.int(0, 27);
    return day * MINUTES_PER_DAY + rng.int(8 * 60, 17 * 60);
  };

  // Loyal base at the start: their previous visit happened before the window.
  const initial = Math.round(profile.baseVolume * (1 - profile.newShare) * profile.visitInterval);
  const km0 = (): number => (rng.chance(0.8) ? rng.int(5, 60) : rng.int(5000, 60000));
  for (let i = 0; i < initial; i++) {
    const c = newCustomer(0, km0());
    const gap = Math.max(2, Math.round(c.interval));
    c.nextMonth = rng.int(0, gap - 1);
    c.lastVisit = randomTimeIn(c.nextMonth - gap);
    c.purchase = c.lastVisit - rng.int(60, 6 * 365) * MINUTES_PER_DAY;
  }
  // Customers already lost before the window: the DMS still knows their last visit.
  const lapsed = Math.round(initial * 0.12);
  for (let i = 0; i < lapsed; i++) {
    const c = newCustomer(0, km0());
    c.active = false;
    c.lastVisit = randomTimeIn(-rng.int(1, 18));
    c.purchase = c.lastVisit - rng.int(60, 8 * 365) * MINUTES_PER_DAY;
  }

  const ros: SimRO[] = [];
  const bookings: SimBooking[] = [];
  const accidents: SimAccident[] = [];
  const advisorLoads = cumulative(profile.advisors.map((a) => a.load));
  const channelWeights = cumulative(CHANNEL_WEIGHTS);
  const insurerWeights = cumulative(INSURER_WEIGHTS);
  const mid = (months.length - 1) / 2;

  for (let m = 0; m < months.length; m++) {
    const span = spans[m] as { first: number; days: number };
    const event = profile.events.get(m) ?? {};
    const dayWeights: number[] = [];
    for (let d = 0; d < span.days; d++) dayWeights.push(dayWeight(span.first + d));
    const weights = cumulative(dayWeights);
    const weightSum = weights[weights.length - 1] as number;
    const volume = Math.max(
      3,
      Math.round(
        profile.baseVolume * Math.pow(1 + profile.growth, m - mid) * (weightSum / AVERAGE_MONTH_WEIGHT) *
          Math.exp(rng.normal(0, 0.05)) * (event.volumeFactor ?? 1),
      ),
    );

    // this month's process quality
    const bookingRate = clamp((profile.bookingRate + profile.bookingDrift * m) * Math.exp(rng.normal(0, 0.08)) * (event.bookingFactor ?? 1), 0.03, 0.62);
    const showRate = clamp(profile.showRate + rng.normal(0, 0.025), 0.55, 0.97);
    const onTime = event.onTime ?? clamp(profile.onTime + rng.normal(0, 0.02), 0.6, 0.995);
    const estimateAccuracy = clamp(profile.estimateAccuracy + rng.normal(0, 0.03), 0.5, 0.97);
    const care = clamp(profile.carePenetration + rng.normal(0, 0.03), 0.05, 0.55);
    const mix = profile.mix;
    const accident = mix.accident * Math.exp(rng.normal(0, 0.1));
    const warranty = mix.warranty * Math.exp(rng.normal(0, 0.12));
    const rest = Math.max(0.2, 1 - accident - warranty - mix.recall - mix.rework - mix.internal - mix.unclassified);
    const typeWeights: Array<[RepairType, number]> = [
      ['maintenance', rest * mix.maintenanceOfRest], ['general', rest * (1 - mix.maintenanceOfRest)], ['accident', accident],
      ['warranty', warranty], ['recall', mix.recall], ['rework', mix.rework], ['internal', mix.internal],
      ['unclassified', mix.unclassified],
    ];
    const typeW = cumulative(typeWeights.map(([, w]) => w));

    // who comes: customers due this month (oldest overdue first is irrelevant: shuffled), topped up with new VINs
    const due = all.filter((c) => c.active && c.nextMonth <= m);
    rng.shuffle(due);
    const fromPool = Math.min(due.length, Math.round(volume * (1 - profile.newShare * rng.float(0.8, 1.2))));
    for (let i = fromPool; i < due.length; i++) (due[i] as SimCustomer).nextMonth = m + 1;
    const visitors = due.slice(0, fromPool);

    const monthRos: SimRO[] = [];
    const pickOpen = (): number => {
      const d = rng.pickCumulative(weights);
      const h = rng.pickCumulative(HOUR_WEIGHTS);
      return (span.first + d) * MINUTES_PER_DAY + (8 + h) * 60 + rng.int(0, 59);
    };
    for (let i = 0; i < volume; i++) {
      const open = pickOpen();
      let customer = visitors[i];
      if (customer === undefined) {
        const usedCar = rng.chance(0.3);
        const purchase = open - (usedCar ? rng.int(200, 6 * 365) : rng.int(1, 120)) * MINUTES_PER_DAY;
        customer = newCustomer(purchase, usedCar ? rng.int(5000, 90000) : rng.int(5, 60));
      }
      monthRos.push(makeRo(customer, open, typeWeights[rng.pickCumulative(typeW)]?.[0] ?? 'maintenance'));
    }

    function makeRo(customer: SimCustomer, open: number, type: RepairType): SimRO {
      const advisorIndex = rng.pickCumulative(advisorLoads);
      const advisor = profile.advisors[advisorIndex] as (typeof profile.advisors)[number];
      let labor = 0;
      let parts = 0;
      let careAmount = 0;
      let duration = 0;
      switch (type) {
        case 'maintenance':
          labor = rng.int(15, 60) * 1000;
          parts = roundCents(rng.lognormal(450, 0.45));
          if (rng.chance(care)) careAmount = rng.pick(CARE_PRICES) * 100;
          duration = rng.int(60, 180);
          break;
        case 'general':
          labor = Math.round(rng.lognormal(450, 0.6)) * 100;
          parts = roundCents(rng.lognormal(800, 0.9));
          duration = rng.int(120, 480);
          break;
        case 'accident': {
          const total = Math.round(rng.lognormal(profile.accidentMedian, 0.85));
          labor = Math.round(total * rng.float(0.25, 0.45));
          parts = total - labor;
          break;
        }
        case 'warranty': {
          const total = Math.round(rng.lognormal(profile.warrantyMedian, 0.6));
          labor = Math.round(total * rng.float(0.2, 0.4));
          parts = total - labor;
          duration = rng.int(180, 600);
          break;
        }
        case 'recall':
          labor = rng.int(10, 40) * 1000;
          parts = rng.chance(0.5) ? 0 : roundCents(rng.lognormal(150, 0.5));
          duration = rng.int(60, 180);
          break;
        case 'rework':
          labor = rng.chance(0.6) ? 0 : rng.int(5, 20) * 1000;
          parts = rng.chance(0.7) ? 0 : roundCents(rng.lognormal(200, 0.5));
          duration = rng.int(60, 300);
          break;
        case 'internal':
          labor = rng.int(4, 30) * 1000;
          duration = rng.int(120, 600);
          break;
        case 'unclassified':
          labor = roundCents(rng.lognormal(200, 0.6));
          duration = rng.int(30, 120);
          break;
      }
      const total = labor + parts + careAmount;

      // promised: round half hours, same day unless late in the day; accident repairs take days
      const openDay = Math.floor(open / MINUTES_PER_DAY);
      let promised: number;
      if (type === 'accident') {
        promised = (openDay + rng.int(1, 10)) * MINUTES_PER_DAY + rng.pick([17 * 60, 17 * 60 + 30, 18 * 60]);
      } else {
        promised = ceilTo(open + duration, 30);
        if (promised - openDay * MINUTES_PER_DAY > 19 * 60) promised = (openDay + 1) * MINUTES_PER_DAY + rng.pick([10 * 60, 12 * 60, 16 * 60]);
      }
      let delivered: number | null;
      if (rng.chance(clamp(onTime + advisor.onTimeDelta, 0.3, 0.995))) {
        delivered = Math.max(open + 20, promised - rng.int(0, Math.round(profile.earlySpread)));
      } else if (type === 'accident') {
        // late body-shop jobs slip by days and are handed over during opening hours
        delivered = (Math.floor(promised / MINUTES_PER_DAY) + rng.int(1, 3)) * MINUTES_PER_DAY + rng.int(9 * 60, 18 * 60);
      } else {
        delivered = promised + Math.max(1, Math.round(rng.lognormal(50, 0.8)));
      }
      if (delivered > exportTime || rng.chance(0.004)) delivered = null;
      const promisedOut = profile.noPromise || !rng.chance(profile.promiseCoverage) ? null : promised;

      let estimate: number | null = null;
      if (type !== 'internal' && total > 0 && rng.chance(profile.estimateCoverage)) {
        const accurate = rng.chance(clamp(estimateAccuracy + advisor.estimateDelta, 0.3, 0.99));
        const r = accurate ? rng.float(-0.09, 0.09) : (rng.chance(0.5) ? 1 : -1) * rng.float(0.12, 0.45);
        estimate = Math.max(100, Math.round(total / (1 + r) / 100) * 100);
      }

      const days = Math.max(0, (open - customer.purchase) / MINUTES_PER_DAY);
      const ro: SimRO = {
        month: m,
        seq: 0,
        customer,
        open,
        type,
        total,
        labor,
        parts,
        care: careAmount,
        estimate,
        promised: promisedOut,
        delivered,
        advisor: advisorIndex,
        bookingSeq: 0,
        mileage: Math.round(customer.km0 + customer.kmPerDay * days + rng.int(0, 300)),
      };
      if (rng.chance(clamp(bookingRate * advisor.bookingFactor * BOOKING_AFFINITY[type], 0, 0.95))) ro.bookingSeq = -1; // numbered below
      return ro;
    }

    // visits move the customers on: come back in ~interval months, or never again
    monthRos.sort((a, b) => a.open - b.open);
    monthRos.forEach((ro, i) => {
      ro.seq = i + 1;
      const c = ro.customer;
      if (c.lastVisit === null || ro.open > c.lastVisit) c.lastVisit = ro.open;
      if (c.nextMonth <= m) {
        c.nextMonth = m + Math.max(2, Math.round(rng.normal(c.interval, 1.2)));
        if (rng.chance(profile.churnAfterVisit)) c.active = false;
      }
    });

    // bookings: the booked ROs arrived; no-shows, cancellations and stale "pending" ones around them
    const monthBookings: Array<Omit<SimBooking, 'seq'> & { ro?: SimRO }> = [];
    for (const ro of monthRos) {
      if (ro.bookingSeq === 0) continue;
      const appointment = Math.floor((ro.open - rng.int(0, 40)) / 30) * 30;
      monthBookings.push({
        month: m, appointment, created: appointment - rng.int(120, 7 * MINUTES_PER_DAY), status: 'arrived',
        customer: ro.customer, channel: rng.pickCumulative(channelWeights), advisor: ro.advisor, ro,
      });
    }
    const arrived = monthBookings.length;
    const noShows = Math.round((arrived * (1 / showRate - 1)));
    const cancelled = Math.round((arrived + noShows) * rng.float(0.04, 0.12));
    const pending = rng.int(0, 3);
    const others: Array<[BookingStatus, number]> = [['no_show', noShows], ['cancelled', cancelled], ['pending', pending]];
    for (const [status, n] of others) {
      for (let i = 0; i < n; i++) {
        const appointment = (span.first + rng.pickCumulative(weights)) * MINUTES_PER_DAY + 8 * 60 + 30 + 30 * rng.int(0, 16);
        const customer = all[rng.int(0, all.length - 1)] as SimCustomer;
        monthBookings.push({
          month: m, appointment, created: appointment - rng.int(120, 7 * MINUTES_PER_DAY), status, customer,
          channel: rng.pickCumulative(channelWeights), advisor: rng.pickCumulative(advisorLoads),
        });
      }
    }
    monthBookings.sort((a, b) => a.appointment - b.appointment || a.created - b.created);
    monthBookings.forEach((b, i) => {
      if (b.ro) b.ro.bookingSeq = i + 1;
      bookings.push({
        seq: i + 1, month: b.month, appointment: b.appointment, created: b.created, status: b.status,
        customer: b.customer, channel: b.channel, advisor: b.advisor,
      });
    });

    // accident claims export: a subset of the accident ROs, usually insured
    if (m >= profile.accidentFileFrom) {
      for (const ro of monthRos) {
        if (ro.type !== 'accident' || !rng.chance(profile.accidentFileCoverage)) continue;
        const insured = rng.chance(0.85);
        accidents.push({
          ro,
          amount: ro.total,
          insurer: insured ? rng.pickCumulative(insurerWeights) : -1,
          assessed: insured ? Math.round((ro.total * rng.float(0.85, 1.05)) / 100) * 100 : null,
        });
      }
    }
    for (const ro of monthRos) ros.push(ro);
  }

  const customers = all.filter((c) => c.lastVisit !== null);
  return { profile, months, ros, bookings, accidents, customers, exportTime };
}
