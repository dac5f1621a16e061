// Decides which rows of an export go wrong (bad date, bad amount, missing VIN, unknown status): few, and countable.
import type { Rng } from './prng.js';

export type Defect = 'bad_date' | 'bad_amount' | 'missing_vin' | 'bad_status';

/** How many bad rows an RO export of `rows` rows gets: a few, always well under 5%. */
export function badRowCount(rng: Rng, rows: number): number {
  if (rows < 40) return 0;
  if (rows < 100) return 1;
  return Math.min(8, Math.max(2, Math.round(rows * rng.float(0.002, 0.006))));
}

/** Picks distinct row indexes (avoiding `avoid`) and assigns RO defects in rotation. */
export function pickRoDefects(rng: Rng, rows: number, avoid: ReadonlySet<number>): Map<number, Defect> {
  const kinds: Defect[] = ['bad_date', 'bad_amount', 'missing_vin'];
  const n = badRowCount(rng, rows);
  const out = new Map<number, Defect>();
  const start = rng.int(0, kinds.length - 1);
  let guard = 0;
  while (out.size < n && guard++ < 10_000) {
    const i = rng.int(0, rows - 1);
    if (avoid.has(i) || out.has(i)) continue;
    out.set(i, kinds[(start + out.size) % kinds.length] as Defect);
  }
  return out;
}

/** One or two bookings with a status the contract does not know. */
export function pickBookingDefects(rng: Rng, rows: number): Map<number, Defect> {
  const out = new Map<number, Defect>();
  if (rows < 50) return out;
  const n = rng.int(1, 2);
  while (out.size < n) out.set(rng.int(0, rows - 1), 'bad_status');
  return out;
}
